package dev.simdata.load;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a load.
 *
 * @param datasetId the SHA-256 of the dataset's datapackage.json, as recorded in the ledger
 * @param nothingToDo true when every shard was already loaded and every key was in place
 * @param copyNanos the COPY phase, from the first shard to the last commit
 * @param constraintNanos primary keys, unique indexes, foreign keys and their indexes
 * @param analyzeNanos ANALYZE of the loaded tables
 * @param totalNanos everything, from reading the manifest to the end
 */
public record LoadSummary(
        String datasetId,
        String target,
        String schema,
        LoadMode mode,
        int jobs,
        boolean nothingToDo,
        List<TableResult> tables,
        long copyNanos,
        long constraintNanos,
        long analyzeNanos,
        long totalNanos)
{
    public LoadSummary
    {
        requireNonNull(datasetId, "datasetId is null");
        requireNonNull(target, "target is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    public long rowsLoaded()
    {
        long rows = 0;
        for (TableResult table : tables) {
            rows += table.rowsLoaded();
        }
        return rows;
    }
}
