package dev.simdata.load;

import dev.simdata.dataset.DataFormat;

import static java.util.Objects.requireNonNull;

/**
 * What a load did to one table.
 *
 * @param shardsLoaded shards committed by this run
 * @param shardsSkipped shards the ledger shows as loaded by an earlier run
 * @param rowsLoaded rows committed by this run
 * @param rowsExpected rows of the table in the manifest
 * @param copyNanos wall time from the table's first shard start to its last commit in this run
 */
public record TableResult(String table, DataFormat format, int shardsLoaded, int shardsSkipped, long rowsLoaded, long rowsExpected, long copyNanos)
{
    public TableResult
    {
        requireNonNull(table, "table is null");
        requireNonNull(format, "format is null");
    }
}
