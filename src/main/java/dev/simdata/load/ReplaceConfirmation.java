package dev.simdata.load;

import java.util.List;

/** Asks whether {@link LoadMode#REPLACE} may delete these tables and rows; the CLI asks on a terminal. */
@FunctionalInterface
public interface ReplaceConfirmation
{
    ReplaceConfirmation ALWAYS = (schema, tables) -> true;

    boolean confirm(String schema, List<TableRows> tables);

    /**
     * With {@code --cascade}: may replace also drop {@code dependents}, the views and foreign keys of other tables
     * that depend on the dataset's tables (each named as "view s.v" or "foreign key c on s.t")?
     */
    default boolean confirm(String schema, List<TableRows> tables, List<String> dependents)
    {
        return confirm(schema, tables);
    }
}
