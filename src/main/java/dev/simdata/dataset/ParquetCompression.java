package dev.simdata.dataset;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Locale;
import java.util.Optional;

/** The Parquet compression codecs offered by {@code --parquet-compression}. */
public enum ParquetCompression
{
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD),
    NONE(CompressionCodecName.UNCOMPRESSED);

    private final CompressionCodecName codec;

    ParquetCompression(CompressionCodecName codec)
    {
        this.codec = codec;
    }

    CompressionCodecName codec()
    {
        return codec;
    }

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ParquetCompression> parse(String text)
    {
        for (ParquetCompression compression : values()) {
            if (compression.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(compression);
            }
        }
        return Optional.empty();
    }
}
