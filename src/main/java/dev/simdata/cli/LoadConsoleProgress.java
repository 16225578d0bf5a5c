package dev.simdata.cli;

import dev.simdata.load.LoadProgress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load progress on stderr: a line per table when it is done (rows, rows/s), and on a terminal a line redrawn twice
 * a second with the table being loaded, rows/s and the estimated time left.
 */
final class LoadConsoleProgress
        implements LoadProgress, AutoCloseable
{
    private final PrintWriter err;
    private final boolean live;
    private final Map<String, Long> totals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final AtomicLong allDone = new AtomicLong();
    private final long start = System.nanoTime();
    private final Ticker ticker = new Ticker("simdata-load-progress", this::render);
    private int lastWidth;
    private volatile long quietSeconds;
    private long nextQuietLine = 10;

    LoadConsoleProgress(PrintWriter err, boolean live)
    {
        this.err = err;
        this.live = live;
        if (live) {
            ticker.start();
        }
    }

    @Override
    public void planned(String table, long rows, long skippedRows)
    {
        totals.put(table, rows);
        done.put(table, new AtomicLong());
        order.add(table);
        if (rows == 0 && skippedRows > 0) {
            println(table + ": all " + Format.count(skippedRows) + " rows were loaded by an earlier run");
        }
        else if (skippedRows > 0) {
            println(table + ": resuming, " + Format.count(skippedRows) + " rows already loaded, " + Format.count(rows) + " to go");
        }
    }

    @Override
    public void started(String table)
    {
        started.putIfAbsent(table, System.nanoTime());
    }

    @Override
    public void loaded(String table, long rows)
    {
        quietSeconds = 0;
        long tableDone = done.get(table).addAndGet(rows);
        allDone.addAndGet(rows);
        if (tableDone == totals.get(table)) {
            double seconds = Math.max(1e-3, (System.nanoTime() - started.getOrDefault(table, start)) / 1e9);
            println(String.format(Locale.ROOT, "loaded %-16s %12s rows in %s (%s rows/s)%s", table, Format.count(tableDone),
                    Format.seconds((long) (seconds * 1e9)), Format.count((long) (tableDone / seconds)), remaining()));
        }
    }

    /** ", N rows to go, ETA …" over all tables, or nothing when all are done. */
    private String remaining()
    {
        long total = 0;
        for (String table : order) {
            total += totals.get(table);
        }
        long rows = allDone.get();
        if (rows >= total) {
            return "";
        }
        double rate = rows / Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        // the first tables are small and slow per row: an estimate from less than a tenth of the rows misleads
        String eta = rows * 10 < total || rate <= 0 ? "" : ", ETA " + Format.seconds((long) ((total - rows) / rate * 1e9));
        return ", " + Format.count(total - rows) + " rows to go" + eta;
    }

    @Override
    public void phase(String description)
    {
        quietSeconds = 0;
        println(description + "…");
    }

    @Override
    public synchronized void stalled(Duration quiet)
    {
        long seconds = quiet.toSeconds();
        if (seconds < quietSeconds) {
            nextQuietLine = 10;
        }
        quietSeconds = seconds;
        // on a terminal while rows are loading, the redrawn line says it; otherwise a line at 10 s and every minute
        boolean shownLive = live && allDone.get() < totalRows();
        if (!shownLive && seconds >= nextQuietLine) {
            nextQuietLine = seconds < 60 ? 60 : seconds + 60;
            println("no progress from the server for " + Format.wholeSeconds(seconds)
                    + " (it may be busy building keys, or not answering; Ctrl-C stops, and the same command resumes)");
        }
    }

    private long totalRows()
    {
        long total = 0;
        for (String table : order) {
            total += totals.get(table);
        }
        return total;
    }

    @Override
    public void notice(String line)
    {
        println(line);
    }

    private synchronized void println(String line)
    {
        clearLine();
        err.println(line);
        err.flush();
    }

    private synchronized void render()
    {
        if (!ticker.running()) {
            return;
        }
        long total = 0;
        String current = null;
        for (String table : order) {
            long tableTotal = totals.get(table);
            total += tableTotal;
            long tableDone = done.get(table).get();
            if (current == null && tableDone < tableTotal) {
                current = table + " " + Format.count(tableDone) + "/" + Format.count(tableTotal);
            }
        }
        long rows = allDone.get();
        if (total == 0 || rows >= total) {
            clearLine();
            return;
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        double rate = rows / seconds;
        String eta = rows * 10 < total || rate <= 0 ? "?" : Format.seconds((long) ((total - rows) / rate * 1e9));
        String line = "loading: " + Format.count(rows) + "/" + Format.count(total) + " rows, " + Format.count((long) rate)
                + " rows/s, ETA " + eta + (current == null ? "" : ", at " + current)
                + (quietSeconds == 0 ? "" : ", no progress for " + Format.wholeSeconds(quietSeconds));
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    private void clearLine()
    {
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }

    @Override
    public synchronized void close()
    {
        ticker.close();
        clearLine();
        err.flush();
    }
}
