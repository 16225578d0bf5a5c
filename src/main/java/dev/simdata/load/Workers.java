package dev.simdata.load;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the same work on one thread per session; the first failure stops the others from taking more work (through
 * {@code stop}) and is rethrown once every thread has finished. While it waits, the calling thread runs
 * {@code tick} every second (the load renews its lease there); a tick that throws stops the work the same way.
 */
final class Workers
{
    private static final long TICK_MILLIS = 1_000;

    private Workers() {}

    interface Work
    {
        void run(Connection connection);
    }

    static void run(List<Connection> sessions, Work work, Runnable stop, Runnable tick)
    {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Connection connection = sessions.get(i);
            Thread thread = new Thread(() -> {
                try {
                    work.run(connection);
                }
                catch (RuntimeException e) {
                    fail(failure, e, stop);
                }
                catch (Error e) {
                    fail(failure, new IllegalStateException(e.toString(), e), stop);
                }
            }, "simdata-load-" + i);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        boolean ticking = true;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    TimeUnit.MILLISECONDS.timedJoin(thread, TICK_MILLIS);
                    if (ticking && thread.isAlive()) {
                        tick.run();
                    }
                }
                catch (InterruptedException e) {
                    interrupted = true;
                    stop.run();
                    threads.forEach(Thread::interrupt);
                }
                catch (RuntimeException e) {
                    ticking = false;
                    fail(failure, e, stop);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException first = failure.get();
        if (first != null) {
            throw first;
        }
    }

    private static void fail(AtomicReference<RuntimeException> failure, RuntimeException e, Runnable stop)
    {
        if (!failure.compareAndSet(null, e)) {
            failure.get().addSuppressed(e);
        }
        stop.run();
    }
}
