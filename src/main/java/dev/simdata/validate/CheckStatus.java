package dev.simdata.validate;

import java.util.Locale;

/** The outcome of one check. */
public enum CheckStatus
{
    PASSED,
    FAILED,
    /** Not run: its tables are absent, its input is missing, or too few rows to judge. The message says why. */
    SKIPPED;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }
}
