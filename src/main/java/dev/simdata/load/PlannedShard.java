package dev.simdata.load;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ShardFile;
import dev.simdata.schema.TableSchema;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One shard to load: the table from {@code schemas/}, the manifest's entry, and the real file inside the dataset.
 *
 * @param index the shard's position in its table, the same in every format
 */
record PlannedShard(TableSchema table, DataFormat format, ShardFile shard, int index, Path file)
{
    PlannedShard
    {
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
        requireNonNull(shard, "shard is null");
        requireNonNull(file, "file is null");
    }
}
