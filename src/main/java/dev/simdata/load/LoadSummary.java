package dev.simdata.load;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of a load.
 *
 * @param datasetId the SHA-256 of the dataset's datapackage.json, as recorded in the ledger
 * @param nothingToDo true when every shard was already loaded and every key was in place
 * @param copyNanos the COPY phase, from the first shard to the last commit
 * @param constraintNanos primary keys, unique indexes, foreign keys and their indexes, and ANALYZE (which runs among them)
 * @param analyzeNanos the ANALYZE statements of the loaded tables, summed over the sessions (part of {@code constraintNanos})
 * @param totalNanos everything, from reading the manifest to the end
 * @param copyFormat how rows were sent: text or binary COPY
 * @param bytesSent COPY data sent to the server in this run
 * @param granted roles granted SELECT on the loaded tables
 * @param rowLevelSecurity whether row level security was enabled on the loaded tables
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
        long totalNanos,
        CopyFormat copyFormat,
        long bytesSent,
        List<String> granted,
        boolean rowLevelSecurity)
{
    public LoadSummary
    {
        requireNonNull(datasetId, "datasetId is null");
        requireNonNull(target, "target is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(copyFormat, "copyFormat is null");
        granted = List.copyOf(requireNonNull(granted, "granted is null"));
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
