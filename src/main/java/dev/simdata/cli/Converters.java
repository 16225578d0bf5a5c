package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.dataset.Part;
import dev.simdata.scenario.Scenario;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The option converters the commands share: one line naming what was expected for a value that does not convert. */
final class Converters
{
    private Converters() {}

    static final class ScenarioConverter
            implements ITypeConverter<Scenario>
    {
        @Override
        public Scenario convert(String value)
        {
            return Scenario.preset(value).orElseThrow(() -> new TypeConversionException(
                    "unknown scenario '" + value + "'; expected one of " + String.join(", ", Scenario.presetNames())));
        }
    }

    static final class PartConverter
            implements ITypeConverter<Part>
    {
        @Override
        public Part convert(String value)
        {
            return Part.parse(value).orElseThrow(() -> new TypeConversionException("'" + value + "' is not a part; expected K/N with 1 <= K <= N, e.g. 2/3"));
        }
    }

    static final class AsOfConverter
            implements ITypeConverter<LocalDate>
    {
        @Override
        public LocalDate convert(String value)
        {
            if (value.equalsIgnoreCase("today")) {
                return LocalDate.now(ZoneOffset.UTC);
            }
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() < 2000 || date.getYear() > 2200) {
                    throw new TypeConversionException("'" + value + "' is out of range; expected a date between 2000 and 2200");
                }
                return date;
            }
            catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date; expected YYYY-MM-DD or 'today'");
            }
        }
    }

    static final class FormatConverter
            implements ITypeConverter<DataFormat>
    {
        @Override
        public DataFormat convert(String value)
        {
            return DataFormat.parse(value).orElseThrow(() -> new TypeConversionException("unknown format '" + value + "'; expected csv or parquet"));
        }
    }

    static final class CompressionConverter
            implements ITypeConverter<ParquetCompression>
    {
        @Override
        public ParquetCompression convert(String value)
        {
            return ParquetCompression.parse(value).orElseThrow(() -> new TypeConversionException("unknown codec '" + value + "'; expected snappy, zstd or none"));
        }
    }
}
