package dev.simdata.cli;

/** {@code --stall-timeout} in seconds: 0 (never give up) to a week. */
final class StallTimeoutConverter
        extends SecondsConverter
{
    static final long MAX = 7 * 24 * 3600;

    StallTimeoutConverter()
    {
        super(0, MAX);
    }
}
