package dev.simdata.load;

import java.util.List;

/** Asks whether {@link LoadMode#REPLACE} may delete these tables and rows; the CLI asks on a terminal. */
@FunctionalInterface
public interface ReplaceConfirmation
{
    ReplaceConfirmation ALWAYS = (schema, tables) -> true;

    boolean confirm(String schema, List<TableRows> tables);
}
