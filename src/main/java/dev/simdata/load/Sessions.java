package dev.simdata.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The connections of one load, kept to its end: the admin session (schema, ledger reads, lease renewals), opened
 * first, and up to {@code jobs} worker sessions, opened when there is work for them. Workers are opened one at a
 * time, each proven by a first query: a pooler in session mode (PgBouncer, Supavisor) queues a client above its pool
 * size instead of refusing it, so a worker whose first query has no answer within {@link #QUEUED_AFTER}, or whose
 * connection is refused for want of slots ("no more connections allowed", "too many clients", "max clients
 * reached"), is closed and the load goes on with the workers already open, saying so in one line. A load therefore
 * never waits on a full pool.
 */
final class Sessions
        implements AutoCloseable
{
    /** How long a new worker's first query may wait before the pool is taken to be full. */
    static final Duration QUEUED_AFTER = Duration.ofSeconds(10);

    private final Database database;
    private final int jobs;
    private final LoadProgress progress;
    private final Connection admin;
    private List<Connection> workers;

    Sessions(Database database, int jobs, LoadProgress progress)
    {
        this.database = requireNonNull(database, "database is null");
        this.jobs = jobs;
        this.progress = requireNonNull(progress, "progress is null");
        this.admin = database.open();
    }

    Connection admin()
    {
        return admin;
    }

    /** How many workers there are (opening them if need be). */
    int jobs()
    {
        return workers().size();
    }

    /** The workers, opened on the first call; at least one. */
    List<Connection> workers()
    {
        if (workers == null) {
            workers = openWorkers();
        }
        return workers;
    }

    /** The first {@code count} workers (at least one). */
    List<Connection> workers(int count)
    {
        List<Connection> all = workers();
        return all.subList(0, Math.max(1, Math.min(count, all.size())));
    }

    private List<Connection> openWorkers()
    {
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < jobs; i++) {
                String refusal = openWorker(opened);
                if (refusal == null) {
                    continue;
                }
                int accepted = opened.size() + 1;
                if (opened.isEmpty()) {
                    throw new DatabaseException(database.target().display() + " accepts only 1 connection at once (" + refusal
                            + "); simdata load needs two, one to coordinate and one to load: raise the pool size (PgBouncer default_pool_size, "
                            + "Supavisor's pool size) or use the transaction pooler");
                }
                progress.notice("--jobs " + jobs + ": " + database.target().display() + " takes " + accepted + " connections at once, its pool size ("
                        + refusal + "); loading with " + opened.size() + " job" + (opened.size() == 1 ? "" : "s") + " beside the coordinating session");
                break;
            }
            return List.copyOf(opened);
        }
        catch (RuntimeException e) {
            opened.forEach(Database::closeQuietly);
            throw e;
        }
    }

    /** Opens one more worker into {@code opened}; returns null, or why the pool has no room for it. */
    private String openWorker(List<Connection> opened)
    {
        Connection connection;
        try {
            // a session pooler may keep the login itself waiting for a free server connection
            connection = database.connect(QUEUED_AFTER);
        }
        catch (SQLException e) {
            if (timedOut(e)) {
                return queued();
            }
            if (poolFull(e.getMessage())) {
                return "the next was refused: " + oneLine(e);
            }
            throw database.failure("cannot open connection " + (opened.size() + 2), e);
        }
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            connection.rollback();
            connection.setNetworkTimeout(Runnable::run, 0);
            opened.add(connection);
            return null;
        }
        catch (SQLException e) {
            Database.closeQuietly(connection);
            if (timedOut(e)) {
                return queued();
            }
            if (poolFull(e.getMessage())) {
                return "the next was refused: " + oneLine(e);
            }
            throw database.failure("cannot set up connection " + (opened.size() + 2), e);
        }
    }

    private static String queued()
    {
        return "the next was kept waiting " + QUEUED_AFTER.toSeconds() + " s for a server connection";
    }

    private String oneLine(SQLException e)
    {
        return database.target().redact(e.getMessage()).replace('\n', ' ');
    }

    private static boolean timedOut(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a server's or pooler's refusal says it has no room for another client. */
    static boolean poolFull(String message)
    {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return lower.contains("no more connections allowed") || lower.contains("too many clients") || lower.contains("max client")
                || lower.contains("remaining connection slots are reserved") || lower.contains("too many connections")
                || lower.contains("maxclients") || lower.contains("query_wait_timeout");
    }

    @Override
    public void close()
    {
        if (workers != null) {
            workers.forEach(Database::closeQuietly);
        }
        Database.closeQuietly(admin);
    }
}
