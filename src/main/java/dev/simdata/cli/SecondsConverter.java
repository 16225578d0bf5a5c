package dev.simdata.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A whole number of seconds within bounds, so an out-of-range value is a parse error (exit 2). */
abstract class SecondsConverter
        implements ITypeConverter<Long>
{
    private final long min;
    private final long max;

    SecondsConverter(long min, long max)
    {
        this.min = min;
        this.max = max;
    }

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
        if (seconds < min || seconds > max) {
            throw new TypeConversionException("must be " + min + " to " + max + " seconds, got " + value);
        }
        return seconds;
    }
}
