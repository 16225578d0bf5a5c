package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.schema.SchemaCatalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Loads a dataset into PostgreSQL at the speed of COPY, exactly once.
 *
 * <ol>
 *   <li>{@link LoadPlan}: reads the manifest and checks it before opening any data file: every table must be in
 *       {@code schemas/}, every path must stay inside the dataset folder.</li>
 *   <li>{@link SchemaSetup}: takes the load lock ({@link LoadLease}), creates the schema, the ledger and the tables, bare
 *       (no keys, no indexes), per the mode.</li>
 *   <li>{@link ShardLoads}: loads the shards the ledger does not list over {@code jobs} connections, a whole table
 *       (copied {@code FREEZE}) or a shard per transaction ({@link CopyUnit}), with their ledger rows, committed only
 *       when each file's SHA-256 and row count match the manifest.</li>
 *   <li>{@link Keys}: adds primary keys, unique indexes, foreign keys (validated) and their indexes, and runs ANALYZE, in one
 *       pool ({@link KeyScheduler}).</li>
 * </ol>
 *
 * A re-run loads only what is missing and adds only the missing keys; after a complete load it changes nothing. Every
 * step is a transaction of its own with transaction-scoped settings and nothing is held between transactions, so a
 * load works directly, through a session pooler and through a transaction pooler alike; {@link Sessions} keeps
 * {@code --jobs} within what a pooler accepts.
 */
public final class DatasetLoader
{
    private final ConnectionTarget target;
    private final LoadOptions options;
    private final SchemaCatalog catalog;
    private final LoadProgress progress;
    private final ReplaceConfirmation confirmation;

    public DatasetLoader(ConnectionTarget target, LoadOptions options, SchemaCatalog catalog, LoadProgress progress, ReplaceConfirmation confirmation)
    {
        this.target = requireNonNull(target, "target is null");
        this.options = requireNonNull(options, "options is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.confirmation = requireNonNull(confirmation, "confirmation is null");
    }

    public static LoadSummary load(ConnectionTarget target, LoadOptions options, LoadProgress progress, ReplaceConfirmation confirmation)
    {
        return new DatasetLoader(target, options, SchemaCatalog.bundled(), progress, confirmation).run();
    }

    /** The dataset's identity in the ledger: the SHA-256 of its datapackage.json. */
    public static String datasetId(Path dataset)
    {
        try {
            return Checksums.sha256(dataset.resolve(Manifest.FILE_NAME));
        }
        catch (java.nio.file.NoSuchFileException e) {
            throw new LoadException(dataset.resolve(Manifest.FILE_NAME) + " is missing: " + dataset + " is not a complete simdata dataset");
        }
        catch (IOException e) {
            throw new LoadException("cannot read " + dataset.resolve(Manifest.FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    public LoadSummary run()
    {
        long started = System.nanoTime();
        Path dataset = options.dataset();
        if (!Files.isDirectory(dataset)) {
            throw new LoadException(dataset + " is not a folder; give the folder that holds datapackage.json");
        }
        String datasetId = datasetId(dataset);
        Manifest manifest = Manifest.read(dataset);
        if (!datasetId(dataset).equals(datasetId)) {
            throw new LoadException(dataset.resolve(Manifest.FILE_NAME) + " changed while it was being read; run the load again once the dataset is complete");
        }
        LoadPlan plan = LoadPlan.of(manifest, catalog, options);

        Database database = new Database(target, options.lockTimeout());
        StallWatch stallWatch = new StallWatch(options.stallTimeout(), progress);
        try {
            return load(database, stallWatch, datasetId, plan, started);
        }
        catch (DatabaseException | LoadException e) {
            if (stallWatch.tripped()) {
                // the aborted sessions fail in many ways: the watch knows why
                throw new DatabaseException(stallWatch.reason(options.schema() + " on " + target.display()));
            }
            throw e;
        }
        finally {
            stallWatch.close();
        }
    }

    private LoadSummary load(Database database, StallWatch stallWatch, String datasetId, LoadPlan plan, long started)
    {
        LoadProgress progress = stallWatch.beating(this.progress);
        Ledger ledger = new Ledger(options.schema());
        LoadLease lease = new LoadLease(database, options.schema());
        SchemaSetup setup = new SchemaSetup(database, options.schema(), options.mode(), ledger, lease, confirmation, options.cascade());
        ShardLoads shardLoads = new ShardLoads(database, options.schema(), ledger, progress);
        Keys keys = new Keys(database, options.schema(), progress, plan.rows());
        Access access = new Access(database, options.schema(), options.grants(), options.enableRls());
        ShardCopier copier = new ShardCopier(database, lease, options.schema(), datasetId, ledger, options.effectiveCopyFormat(), stallWatch::beat);
        try (Sessions sessions = new Sessions(database, options.jobs(), progress)) {
            Connection admin = sessions.admin();
            stallWatch.watch(admin);
            Runnable tick = () -> lease.renewIfDue(admin);
            try {
                access.checkRoles(admin);
                List<PlannedShard> pending;
                try {
                    setup.prepare(admin, datasetId, plan.tables());
                    lease.renew(admin); // the question of --mode replace may have kept that transaction open for a while
                    pending = shardLoads.pending(admin, datasetId, plan.shards());
                }
                catch (SQLException e) {
                    throw database.failure("cannot prepare schema " + options.schema(), e);
                }
                List<String> keyStatements;
                try {
                    keyStatements = keys.missing(admin, plan.tables());
                }
                catch (SQLException e) {
                    throw database.failure("cannot read the constraints of schema " + options.schema(), e);
                }
                if (pending.isEmpty() && keyStatements.isEmpty()) {
                    access.apply(admin, plan.tables());
                    return summary(datasetId, true, plan, Set.of(), Map.of(), options.jobs(), 0, 0, 0, 0, started);
                }

                long copyStarted = System.nanoTime();
                Map<String, AtomicLong> copyNanos = pending.isEmpty() ? Map.of() : copy(shardLoads, copier, pending, sessions, stallWatch, tick);
                long copyElapsed = pending.isEmpty() ? 0 : System.nanoTime() - copyStarted;

                // ANALYZE runs among the key statements: keysElapsed includes it, analyzeNanos is its own statements' time
                long keysStarted = System.nanoTime();
                long analyzeNanos = keys.addAndAnalyze(sessions, plan.tables(), tick);
                long keysElapsed = System.nanoTime() - keysStarted;
                access.apply(admin, plan.tables());
                return summary(datasetId, false, plan, shardLoads.loaded(), copyNanos, sessions.jobs(), copyElapsed, keysElapsed, analyzeNanos,
                        copier.bytesSent(), started);
            }
            finally {
                if (stallWatch.tripped()) {
                    lease.abandon();
                }
                else {
                    lease.release(admin);
                }
            }
        }
    }

    /** Copies the pending shards; meanwhile a silent server ends the load (see {@link StallWatch}). */
    private static Map<String, AtomicLong> copy(ShardLoads shardLoads, ShardCopier copier, List<PlannedShard> pending, Sessions sessions,
            StallWatch stallWatch, Runnable tick)
    {
        List<Connection> workers = sessions.workers();
        workers.forEach(stallWatch::watch);
        stallWatch.copying(true);
        try {
            return shardLoads.load(copier, pending, workers, tick);
        }
        finally {
            stallWatch.copying(false);
        }
    }

    private LoadSummary summary(String datasetId, boolean nothingToDo, LoadPlan plan, Set<PlannedShard> loaded,
            Map<String, AtomicLong> copyNanos, int jobs, long copyElapsed, long keysElapsed, long analyzeElapsed, long bytesSent, long started)
    {
        List<TableResult> results = new ArrayList<>();
        for (Map.Entry<String, List<PlannedShard>> entry : plan.shards().entrySet()) {
            int loadedShards = 0;
            long loadedRows = 0;
            long expected = 0;
            DataFormat format = DataFormat.CSV;
            for (PlannedShard shard : entry.getValue()) {
                format = shard.format();
                expected += shard.shard().rows();
                if (loaded.contains(shard)) {
                    loadedShards++;
                    loadedRows += shard.shard().rows();
                }
            }
            AtomicLong nanos = copyNanos.get(entry.getKey());
            results.add(new TableResult(entry.getKey(), format, loadedShards, entry.getValue().size() - loadedShards, loadedRows, expected,
                    nanos == null ? 0 : nanos.get()));
        }
        return new LoadSummary(datasetId, target.display(), options.schema(), options.mode(), jobs, nothingToDo, results,
                copyElapsed, keysElapsed, analyzeElapsed, System.nanoTime() - started, options.effectiveCopyFormat(), bytesSent,
                options.grants(), options.enableRls());
    }
}
