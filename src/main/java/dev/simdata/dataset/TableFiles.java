package dev.simdata.dataset;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** One table in one format: its shards, in order. */
public record TableFiles(String table, DataFormat format, List<ShardFile> shards)
{
    public TableFiles
    {
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
        shards = List.copyOf(requireNonNull(shards, "shards is null"));
    }

    public long rows()
    {
        return shards.stream().mapToLong(ShardFile::rows).sum();
    }

    public long bytes()
    {
        return shards.stream().mapToLong(ShardFile::bytes).sum();
    }
}
