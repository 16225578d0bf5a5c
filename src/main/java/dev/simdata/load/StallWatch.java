package dev.simdata.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Notices a load that makes no progress. Every byte of COPY data sent, every shard committed and every step begun
 * is a heartbeat; after {@link #REPORT_AFTER} without one the progress hears how long it has been quiet, once a
 * second. While shards are being copied (where a healthy server never goes quiet for long: tables have no keys
 * yet, and DDL has its lock timeout) a silence of the stall timeout means the server or the network stopped
 * answering: the watch then aborts every session of the load, so the workers fail instead of hanging, and
 * {@link #tripped()} says why. Building keys is only reported, never cut short: an index on a large table can
 * take minutes of silence.
 */
final class StallWatch
        implements AutoCloseable
{
    static final Duration REPORT_AFTER = Duration.ofSeconds(10);

    private final Duration timeout;
    private final LoadProgress progress;
    private final AtomicLong lastBeat = new AtomicLong(System.nanoTime());
    private final Set<Connection> sessions = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean copying;
    private volatile boolean tripped;
    private volatile boolean closed;

    /** Starts watching; {@code timeout} zero never gives up. */
    StallWatch(Duration timeout, LoadProgress progress)
    {
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.thread = new Thread(this::watch, "simdata-load-stall-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Something moved: bytes went to the server, a shard committed, a step began. */
    void beat()
    {
        lastBeat.set(System.nanoTime());
    }

    /** The sessions to abort when the server stops answering while copying. */
    void watch(Connection session)
    {
        sessions.add(session);
    }

    /** Whether silence can end the load: true while shards are being copied. */
    void copying(boolean nowCopying)
    {
        beat();
        copying = nowCopying;
    }

    /** Whether the watch gave up on the server and aborted the sessions. */
    boolean tripped()
    {
        return tripped;
    }

    /** The one-line reason for a load the watch ended. */
    String reason(String where)
    {
        return "no progress for " + timeout.toSeconds() + " s while loading into " + where
                + ": the server or the network stopped answering; the shards committed so far are kept, so run the same command again to resume"
                + " (or raise --stall-timeout, 0 never gives up)";
    }

    /** A progress that also beats on every report it passes on. */
    LoadProgress beating(LoadProgress inner)
    {
        return new LoadProgress()
        {
            @Override
            public void planned(String table, long rows, long skippedRows)
            {
                inner.planned(table, rows, skippedRows);
            }

            @Override
            public void started(String table)
            {
                beat();
                inner.started(table);
            }

            @Override
            public void loaded(String table, long rows)
            {
                beat();
                inner.loaded(table, rows);
            }

            @Override
            public void phase(String description)
            {
                beat();
                inner.phase(description);
            }

            @Override
            public void notice(String line)
            {
                inner.notice(line);
            }

            @Override
            public void stalled(Duration quiet)
            {
                inner.stalled(quiet);
            }
        };
    }

    /** The silence last reported, in seconds, or 0; written by the watching thread, read by close once it ended. */
    private long reportedSecond;

    private void watch()
    {
        while (!closed) {
            try {
                Thread.sleep(250);
            }
            catch (InterruptedException e) {
                return;
            }
            long quietNanos = System.nanoTime() - lastBeat.get();
            if (quietNanos < REPORT_AFTER.toNanos()) {
                if (reportedSecond != 0) {
                    reportedSecond = 0;
                    progress.stalled(Duration.ZERO);
                }
                continue;
            }
            long second = quietNanos / 1_000_000_000L;
            if (second != reportedSecond && !closed) {
                reportedSecond = second;
                progress.stalled(Duration.ofSeconds(second));
            }
            if (copying && !timeout.isZero() && quietNanos >= timeout.toNanos()) {
                tripped = true;
                for (Connection session : sessions) {
                    abort(session);
                }
                return;
            }
            sessions.removeIf(StallWatch::isClosed);
        }
    }

    private static void abort(Connection session)
    {
        try {
            // closes the socket under a worker blocked in a write or a read, which then fails
            session.abort(Runnable::run);
        }
        catch (SQLException | RuntimeException ignored) {
            // already closed
        }
    }

    private static boolean isClosed(Connection session)
    {
        try {
            return session.isClosed();
        }
        catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close()
    {
        closed = true;
        thread.interrupt();
        try {
            thread.join(1_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!thread.isAlive() && !tripped && reportedSecond != 0) {
            // the load ended within a tick of the server answering again: the silence is over all the same
            reportedSecond = 0;
            progress.stalled(Duration.ZERO);
        }
    }
}
