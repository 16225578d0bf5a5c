package dev.simdata.dataset;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How a dataset is written. Only {@code formats}, {@code shardRows} and {@code compression} affect the bytes;
 * {@code threads} never does.
 */
public record DatasetOptions(
        Path out,
        Set<DataFormat> formats,
        long shardRows,
        ParquetCompression compression,
        int threads,
        boolean force)
{
    public static final long DEFAULT_SHARD_ROWS = 250_000;

    public DatasetOptions
    {
        requireNonNull(out, "out is null");
        formats = formats.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(formats));
        requireNonNull(compression, "compression is null");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one format is needed");
        }
        if (shardRows <= 0) {
            throw new IllegalArgumentException("shardRows must be positive");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive");
        }
    }

    /** Formats in their fixed order (CSV, then Parquet), whatever order the user gave. */
    public java.util.List<DataFormat> orderedFormats()
    {
        return EnumSet.copyOf(formats).stream().toList();
    }
}
