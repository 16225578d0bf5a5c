package dev.simdata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --lock-timeout} in seconds, within what PostgreSQL's {@code lock_timeout} holds (at most 2^31-1 ms), so an
 * out-of-range value is a parse error (exit 2), not a server error.
 */
final class LockTimeoutConverter
        implements ITypeConverter<Long>
{
    static final long MAX = Integer.MAX_VALUE / 1000;

    @Override
    public Long convert(String value)
    {
        long seconds;
        try {
            seconds = Long.parseLong(value.strip());
        }
        catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number of seconds");
        }
        if (seconds < 1 || seconds > MAX) {
            throw new TypeConversionException("must be 1 to " + MAX + " seconds, got " + value);
        }
        return seconds;
    }
}
