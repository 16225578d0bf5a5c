package dev.simdata.cli;

import dev.simdata.dataset.GenerationProgress;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress per table with rows/s, redrawn in place on stderr twice a second. Only used when stderr is a terminal.
 */
final class ConsoleProgress
        implements GenerationProgress, AutoCloseable
{
    private final PrintWriter err;
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> done = new ConcurrentHashMap<>();
    private final java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long started = System.nanoTime();
    private final Ticker ticker = new Ticker("simdata-progress", this::render);
    private int lastWidth;

    ConsoleProgress(PrintWriter err)
    {
        this.err = err;
        ticker.start();
    }

    @Override
    public void planned(String table, long rows)
    {
        totals.put(table, new AtomicLong(rows));
        done.putIfAbsent(table, new AtomicLong());
        order.add(table);
    }

    @Override
    public void advanced(String table, long rows)
    {
        done.computeIfAbsent(table, key -> new AtomicLong()).addAndGet(rows);
    }

    private synchronized void render()
    {
        if (!ticker.running()) {
            return;
        }
        StringBuilder active = new StringBuilder();
        long totalDone = 0;
        long total = 0;
        for (String table : order) {
            long tableDone = done.get(table).get();
            long tableTotal = totals.get(table).get();
            totalDone += tableDone;
            total += tableTotal;
            if (tableDone > 0 && tableDone < tableTotal && active.length() < 40) {
                active.append(active.length() == 0 ? ", writing " : " ").append(table).append(' ').append(tableDone * 100 / tableTotal).append('%');
            }
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        double rate = totalDone / seconds;
        String eta = rate <= 0 || total == 0 ? "" : String.format(", ETA %.0f s", (total - totalDone) / rate);
        String line = String.format("generating: %s of %s rows (%d%%), %s rows/s%s%s",
                Format.count(totalDone), Format.count(total), total == 0 ? 0 : totalDone * 100 / total,
                Format.count((long) rate), eta, active);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    @Override
    public synchronized void close()
    {
        ticker.close();
        if (lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }
}
