package dev.simdata.cli;

/**
 * {@code --lock-timeout} in seconds, within what PostgreSQL's {@code lock_timeout} holds (at most 2^31-1 ms), so an
 * out-of-range value is a parse error (exit 2), not a server error.
 */
final class LockTimeoutConverter
        extends SecondsConverter
{
    static final long MAX = Integer.MAX_VALUE / 1000;

    LockTimeoutConverter()
    {
        super(1, MAX);
    }
}
