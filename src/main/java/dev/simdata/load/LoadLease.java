package dev.simdata.load;

import dev.simdata.schema.PostgresDdl;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The load lock of a schema, as a lease that needs nothing held between transactions (so it holds through a pooler
 * in transaction mode): one row in {@code simdata_load_lock} naming its owner (a random id per load), the process
 * that holds it (host, pid, start time) and when it was last heard of, renewed by the loader's main thread every few
 * seconds. Another load refuses to start while the lease is live; it takes a lease over once it has gone unheard for
 * longer than its holder declared ({@code expires_after}), or at once when its holder was a process of this machine
 * that no longer runs. Every shard's transaction holds a {@code FOR KEY SHARE} lock on the owner's row, so a takeover
 * waits for shards in flight and the old owner's next shard finds the lease gone and stops: a shard is never loaded
 * by a load that has lost its lease.
 */
final class LoadLease
{
    static final String TABLE = "simdata_load_lock";
    /** How often the main thread renews the lease while the load runs. */
    static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    /** Loads of this process still running, by owner id: a lease of this process whose owner is not here is stale. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private final Database database;
    private final String schema;
    private final String owner = UUID.randomUUID().toString();
    private final Duration expiry;
    private volatile long renewed;
    private volatile boolean held;

    LoadLease(Database database, String schema)
    {
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        // the main thread may be silent for a whole step (up to a few lock waits) between renewals
        this.expiry = Duration.ofMinutes(2).plus(database.lockTimeout().multipliedBy(3));
    }

    String qualifiedName()
    {
        return PostgresDdl.qualified(schema, TABLE);
    }

    void create(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + qualifiedName() + " (\n"
                    + "  id boolean PRIMARY KEY DEFAULT true CHECK (id),\n"
                    + "  owner text NOT NULL UNIQUE,\n"
                    + "  holder text NOT NULL,\n"
                    + "  acquired_at timestamptz NOT NULL,\n"
                    + "  heartbeat_at timestamptz NOT NULL,\n"
                    + "  expires_after interval NOT NULL\n"
                    + ")");
        }
    }

    /**
     * Takes the lease inside the caller's transaction, which holds the schema's transaction-scoped advisory lock so
     * that callers take turns (see {@link SchemaSetup#prepare}): it is held once that transaction commits. Refuses
     * at once while another load holds it (reading the row takes no lock, so the refusal does not wait for that
     * load's shards).
     */
    void acquire(Connection connection)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT owner, holder, heartbeat_at + expires_after < clock_timestamp(), "
                + "extract(epoch FROM clock_timestamp() - heartbeat_at)::bigint, extract(epoch FROM heartbeat_at + expires_after - clock_timestamp())::bigint "
                + "FROM " + qualifiedName());
                ResultSet result = statement.executeQuery()) {
            if (result.next() && !result.getBoolean(3) && !stale(result.getString(2), result.getString(1))) {
                throw new LoadException("another simdata load into schema " + schema + " of " + database.target().display() + " is running ("
                        + result.getString(2) + ", last heard " + result.getLong(4) + " s ago); wait for it to finish or use another --schema"
                        + " (if it died on another machine, its lock lapses in " + Math.max(0, result.getLong(5)) + " s)");
            }
        }
        try (Statement delete = connection.createStatement()) {
            // the owner is a key column: deleting its row waits for the shards in flight of a lapsed owner
            delete.execute("DELETE FROM " + qualifiedName());
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + qualifiedName()
                + " (owner, holder, acquired_at, heartbeat_at, expires_after) VALUES (?, ?, clock_timestamp(), clock_timestamp(), ?::interval)")) {
            insert.setString(1, owner);
            insert.setString(2, Holder.THIS.describe());
            insert.setString(3, expiry.toSeconds() + " seconds");
            insert.executeUpdate();
        }
        RUNNING.add(owner);
        held = true;
        renewed = System.nanoTime();
    }

    /** Renews the lease when it is due, in a transaction of its own; fails when another load has taken it over. */
    void renewIfDue(Connection connection)
    {
        if (held && System.nanoTime() - renewed >= RENEW_EVERY.toNanos()) {
            renew(connection);
        }
    }

    /** Renews the lease now (e.g. once the transaction that took it has committed, however long it lasted). */
    void renew(Connection connection)
    {
        if (!held) {
            return;
        }
        int updated;
        try {
            updated = database.inTransaction(connection, c -> {
                try (PreparedStatement statement = c.prepareStatement("UPDATE " + qualifiedName() + " SET heartbeat_at = clock_timestamp() WHERE owner = ?")) {
                    statement.setString(1, owner);
                    return statement.executeUpdate();
                }
            });
        }
        catch (SQLException e) {
            throw database.failure("cannot renew the load lock of schema " + schema, e);
        }
        if (updated == 0) {
            throw lost();
        }
        renewed = System.nanoTime();
    }

    /** In a shard's transaction: holds the lease's row until the commit; fails when the lease is no longer ours. */
    void fence(Connection connection)
            throws SQLException
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM " + qualifiedName() + " WHERE owner = ? FOR KEY SHARE")) {
            statement.setString(1, owner);
            try (ResultSet result = statement.executeQuery()) {
                if (!result.next()) {
                    throw lost();
                }
            }
        }
    }

    /**
     * Gives the lease up without a word to the server, which stopped answering: the next load from this machine
     * takes it over at once (its holder is gone), one from elsewhere once it lapses.
     */
    void abandon()
    {
        held = false;
        RUNNING.remove(owner);
    }

    /** Gives the lease up (best effort: on {@code connection}, or on a new one when that one is gone). */
    void release(Connection connection)
    {
        if (!held) {
            return;
        }
        held = false;
        RUNNING.remove(owner);
        if (!delete(connection)) {
            Connection fresh = null;
            try {
                // bounded: a server that stopped answering must not keep the load from ending
                fresh = database.connect(Duration.ofSeconds(10));
                delete(fresh);
            }
            catch (SQLException | RuntimeException ignored) {
                // the server is gone: the lease lapses, or is taken over at once by the next load from this machine
            }
            finally {
                Database.closeQuietly(fresh);
            }
        }
    }

    private boolean delete(Connection connection)
    {
        try {
            database.inTransaction(connection, c -> {
                try (PreparedStatement statement = c.prepareStatement("DELETE FROM " + qualifiedName() + " WHERE owner = ?")) {
                    statement.setString(1, owner);
                    return statement.executeUpdate();
                }
            });
            return true;
        }
        catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private LoadException lost()
    {
        return new LoadException("the load lock of schema " + schema + " of " + database.target().display()
                + " was taken over by another load after this one went unheard for over " + expiry.toSeconds()
                + " s; this load stopped, run it again once the other has finished (every shard committed so far is kept)");
    }

    /** Whether the holder of a lease is known to be gone: a process of this machine that no longer runs. */
    private static boolean stale(String holder, String leaseOwner)
    {
        Optional<Holder> parsed = Holder.parse(holder);
        if (parsed.isEmpty() || !parsed.get().host().equals(Holder.THIS.host())) {
            return false;
        }
        Holder other = parsed.get();
        if (other.equals(Holder.THIS)) {
            return !RUNNING.contains(leaseOwner);
        }
        Optional<ProcessHandle> process = ProcessHandle.of(other.pid());
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        return started.isPresent() && started.get().toEpochMilli() / 1000 != other.startSecond();
    }

    /** The process that holds a lease: {@code host <name> pid <pid> started <epoch second>}. */
    record Holder(String host, long pid, long startSecond)
    {
        static final Holder THIS = current();

        String describe()
        {
            return "host " + host + " pid " + pid + " started " + startSecond;
        }

        static Optional<Holder> parse(String text)
        {
            String[] parts = text.split(" ");
            if (parts.length != 6 || !parts[0].equals("host") || !parts[2].equals("pid") || !parts[4].equals("started")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Holder(parts[1], Long.parseLong(parts[3]), Long.parseLong(parts[5])));
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static Holder current()
        {
            ProcessHandle self = ProcessHandle.current();
            long start = self.info().startInstant().map(instant -> instant.toEpochMilli() / 1000).orElse(0L);
            return new Holder(hostName(), self.pid(), start);
        }

        private static String hostName()
        {
            try {
                String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
                if (!name.isEmpty()) {
                    return name.replace(' ', '_');
                }
            }
            catch (IOException | RuntimeException ignored) {
                // not Linux
            }
            try {
                return InetAddress.getLocalHost().getHostName().replace(' ', '_');
            }
            catch (IOException e) {
                return "unknown";
            }
        }
    }
}
