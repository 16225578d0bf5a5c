package dev.simdata.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
    private final Set<String> bareTables = new HashSet<>();
    private final Map<String, Integer> tableShards = new HashMap<>();

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
        Map<String, Ledger.Entry> loaded = database.inTransaction(admin, connection -> {
            bareTables.clear();
            bareTables.addAll(bareTables(connection));
            return ledger.entries(connection, datasetId);
        });
        plan.forEach((table, shards) -> tableShards.put(table, shards.size()));
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

    /** The schema's tables that nothing depends on yet: no index, no trigger (a foreign key has two), no row security. */
    private Set<String> bareTables(Connection connection)
            throws SQLException
    {
        Set<String> tables = new HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = ? AND c.relkind = 'r' AND NOT c.relhasindex AND NOT c.relhastriggers AND NOT c.relrowsecurity")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
        }
        return tables;
    }

    /**
     * Loads {@code pending} over {@code sessions} (one {@link CopyUnit} at a time each: a whole table or a shard),
     * while {@code tick} runs on the calling thread; returns per table the time from its first shard's start to its
     * last shard's commit.
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
        List<Connection> workers = sessions.subList(0, Math.min(sessions.size(), pending.size()));
        ConcurrentLinkedQueue<CopyUnit> queue = new ConcurrentLinkedQueue<>(CopyUnit.plan(pending, bareTables, tableShards, workers.size()));
        long started = System.nanoTime();
        Workers.run(workers, connection -> {
            for (CopyUnit unit = queue.poll(); unit != null; unit = queue.poll()) {
                String table = unit.table().name();
                if (firstStart.get(table).compareAndSet(Long.MAX_VALUE, System.nanoTime() - started)) {
                    progress.started(table);
                }
                if (loadOne(copier, connection, unit) < 0) {
                    // another load committed one of its shards meanwhile: the others go one by one
                    if (unit.shards().size() > 1) {
                        unit.shards().forEach(shard -> queue.add(new CopyUnit(List.of(shard), false)));
                    }
                    continue;
                }
                loaded.addAll(unit.shards());
                copyNanos.get(table).accumulateAndGet(System.nanoTime() - started, Math::max);
                unit.shards().forEach(shard -> progress.loaded(table, shard.shard().rows()));
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

    private long loadOne(ShardCopier copier, Connection connection, CopyUnit unit)
    {
        AtomicReference<PlannedShard> current = new AtomicReference<>(unit.shards().get(0));
        try {
            return copier.load(connection, unit, current::set);
        }
        catch (SQLException e) {
            PlannedShard shard = current.get();
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
            PlannedShard shard = current.get();
            throw database.failure("sending " + shard.file() + " to " + schema + "." + shard.table().name() + " failed (rolled back)", e.sqlCause());
        }
        catch (IOException e) {
            throw new LoadException("cannot read " + current.get().file() + ": " + e.getMessage() + " (nothing of it was loaded)", e);
        }
    }
}
