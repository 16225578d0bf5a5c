package dev.simdata.load;

import java.util.Locale;
import java.util.Optional;

/** What to do with target tables that already exist. */
public enum LoadMode
{
    /** Create missing tables; refuse tables holding rows that did not come from this dataset. */
    CREATE,
    /** Drop the dataset's tables (after confirmation) and load them anew. */
    REPLACE,
    /** Add this dataset's rows to whatever the tables hold. */
    APPEND;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LoadMode> parse(String text)
    {
        for (LoadMode mode : values()) {
            if (mode.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
