package dev.simdata.validate;

import java.util.Locale;
import java.util.Optional;

/** The groups of checks, in the order they run; {@code --only} and {@code --skip} choose among them. */
public enum CheckGroup
{
    /** Files: every listed file present, no unlisted file, sizes and SHA-256 match, CSV well-formed, Parquet readable. */
    INTEGRITY,
    /** Columns and their order, types, required fields, allowed values, minimums. */
    SCHEMA,
    /** Primary keys and unique columns unique; every foreign key resolves; domain key rules. */
    KEYS,
    /** Row counts against the scenario's targets, and against the manifest. */
    COUNTS,
    /** Causal order, campaign date logic, status versus dates, nothing after the as-of instant. */
    TIME,
    /** Funnel rates, status mix, seasonal, weekly and daily shape, business-hour calls, event-type variety. */
    DISTRIBUTIONS,
    /** Typical dashboard queries timed against budgets (database only). */
    PERFORMANCE;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CheckGroup> parse(String text)
    {
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (CheckGroup group : values()) {
            if (group.name().equals(wanted)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }
}
