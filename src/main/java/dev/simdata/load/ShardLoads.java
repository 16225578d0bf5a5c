package dev.simdata.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Loads the shards the ledger does not list, parents first, over {@code jobs} connections; each shard is one
 * transaction with its ledger row (see {@link ShardCopier}).
 */
final class ShardLoads
{
    private final Database database;
    private final String schema;
    private final Ledger ledger;
    private final LoadProgress progress;
    private final Set<PlannedShard> loaded = ConcurrentHashMap.newKeySet();

    ShardLoads(Database database, String schema, Ledger ledger, LoadProgress progress)
    {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The shards the ledger does not list for this dataset; refuses a shard whose recorded hash differs. */
    List<PlannedShard> pending(Connection admin, String datasetId, Map<String, List<PlannedShard>> plan)
            throws SQLException
    {
        Map<String, Ledger.Entry> loaded = database.inTransaction(admin, connection -> ledger.entries(connection, datasetId));
        List<PlannedShard> pending = new ArrayList<>();
        for (List<PlannedShard> shards : plan.values()) {
            long rows = 0;
            long skipped = 0;
            for (PlannedShard shard : shards) {
                Ledger.Entry entry = loaded.get(Ledger.key(shard.table().name(), shard.index()));
                if (entry == null) {
                    pending.add(shard);
                    rows += shard.shard().rows();
                    continue;
                }
                boolean sameFormat = entry.format().equals(shard.format().id());
                if ((sameFormat && !entry.sha256().equals(shard.shard().sha256())) || entry.rows() != shard.shard().rows()) {
                    throw new LoadException(shard.file() + " differs from the shard loaded earlier as " + entry.path() + " (ledger sha256 "
                            + entry.sha256() + ", " + entry.rows() + " rows); refusing to mix datasets, use --mode replace to reload");
                }
                skipped += entry.rows();
            }
            if (!shards.isEmpty()) {
                progress.planned(shards.get(0).table().name(), rows, skipped);
            }
        }
        return pending;
    }

    /**
     * Loads {@code pending} over {@code sessions} (one shard at a time each), while {@code tick} runs on the calling
     * thread; returns per table the time from its first shard's start to its last shard's commit.
     */
    Map<String, AtomicLong> load(ShardCopier copier, List<PlannedShard> pending, List<Connection> sessions, Runnable tick)
    {
        Map<String, AtomicLong> copyNanos = new LinkedHashMap<>();
        Map<String, AtomicLong> firstStart = new LinkedHashMap<>();
        for (PlannedShard shard : pending) {
            copyNanos.putIfAbsent(shard.table().name(), new AtomicLong());
            firstStart.putIfAbsent(shard.table().name(), new AtomicLong(Long.MAX_VALUE));
        }
        if (pending.isEmpty()) {
            return copyNanos;
        }
        ConcurrentLinkedQueue<PlannedShard> queue = new ConcurrentLinkedQueue<>(pending);
        long started = System.nanoTime();
        Workers.run(sessions.subList(0, Math.min(sessions.size(), pending.size())), connection -> {
            for (PlannedShard shard = queue.poll(); shard != null; shard = queue.poll()) {
                long shardStarted = System.nanoTime();
                if (firstStart.get(shard.table().name()).compareAndSet(Long.MAX_VALUE, shardStarted - started)) {
                    progress.started(shard.table().name());
                }
                long rows = loadOne(copier, connection, shard);
                if (rows < 0) {
                    continue; // another load committed it meanwhile
                }
                loaded.add(shard);
                copyNanos.get(shard.table().name()).accumulateAndGet(System.nanoTime() - started, Math::max);
                progress.loaded(shard.table().name(), rows);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }, queue::clear, tick);
        for (Map.Entry<String, AtomicLong> entry : copyNanos.entrySet()) {
            if (entry.getValue().get() > 0) {
                entry.getValue().addAndGet(-firstStart.get(entry.getKey()).get());
            }
        }
        return copyNanos;
    }

    /** The shards this load committed (not those another load committed meanwhile). */
    Set<PlannedShard> loaded()
    {
        return Set.copyOf(loaded);
    }

    private long loadOne(ShardCopier copier, Connection connection, PlannedShard shard)
    {
        try {
            return copier.load(connection, shard);
        }
        catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new LoadException(shard.file() + " holds rows whose keys are already in " + schema + "." + shard.table().name()
                        + " (" + database.target().redact(e.getMessage()).replace('\n', ' ') + "); nothing of the file was loaded; load into another --schema or use --mode replace");
            }
            if (e.getSQLState() != null && (e.getSQLState().startsWith("22") || e.getSQLState().startsWith("23"))) {
                // a data exception or a violated constraint: the content is wrong, not the server
                throw new LoadException(shard.file() + ": PostgreSQL rejected its content (" + database.target().redact(e.getMessage()).replace('\n', ' ')
                        + " [SQLSTATE " + e.getSQLState() + "]); nothing of the file was loaded; run simdata validate on the dataset, then regenerate or re-download it");
            }
            throw database.failure("loading " + shard.file() + " into " + schema + "." + shard.table().name() + " failed (rolled back)", e);
        }
        catch (ShardCopier.ServerSendException e) {
            throw database.failure("sending " + shard.file() + " to " + schema + "." + shard.table().name() + " failed (rolled back)", e.sqlCause());
        }
        catch (IOException e) {
            throw new LoadException("cannot read " + shard.file() + ": " + e.getMessage() + " (nothing of it was loaded)", e);
        }
    }
}
