package dev.simdata.dataset;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How a dataset is written: built once from the command line (or the guided session) and passed down unchanged.
 * Only {@code formats}, {@code shardRows} and {@code compression} affect the bytes; {@code threads} never does.
 *
 * @param formats the formats, iterated in their fixed order (CSV, then Parquet) whatever order the user gave
 * @param force replace the dataset a non-empty {@code out} holds
 * @param spaceCheck refuse to start when the file system lacks the space the plan estimates
 */
public record DatasetOptions(
        Path out,
        Set<DataFormat> formats,
        long shardRows,
        ParquetCompression compression,
        int threads,
        boolean force,
        boolean spaceCheck)
{
    public static final long DEFAULT_SHARD_ROWS = 250_000;

    public DatasetOptions
    {
        requireNonNull(out, "out is null");
        requireNonNull(compression, "compression is null");
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("at least one format is needed");
        }
        formats = Collections.unmodifiableSet(EnumSet.copyOf(formats));
        if (shardRows <= 0) {
            throw new IllegalArgumentException("shardRows must be positive");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive");
        }
    }

    /** Options with the free-space check on. */
    public DatasetOptions(Path out, Set<DataFormat> formats, long shardRows, ParquetCompression compression, int threads, boolean force)
    {
        this(out, formats, shardRows, compression, threads, force, true);
    }

    /** Formats in their fixed order (CSV, then Parquet), whatever order the user gave. */
    public List<DataFormat> orderedFormats()
    {
        return List.copyOf(formats);
    }

    /** The same options writing into another folder: the staging folder of a replace. */
    public DatasetOptions withOut(Path folder)
    {
        return new DatasetOptions(folder, formats, shardRows, compression, threads, force, spaceCheck);
    }
}
