package dev.simdata.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the same work on {@code count} threads, each with its own session; the first failure stops the others from
 * taking more work (through {@code stop}) and is rethrown once every thread has finished.
 */
final class Workers
{
    private Workers() {}

    interface Work
    {
        void run(Connection connection);
    }

    static void run(Database database, int count, boolean autoCommit, Work work, Runnable stop)
    {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(() -> {
                Connection connection = null;
                try {
                    connection = database.open();
                    connection.setAutoCommit(autoCommit);
                    work.run(connection);
                }
                catch (SQLException e) {
                    fail(failure, database.failure("cannot set up a session", e), stop);
                }
                catch (RuntimeException e) {
                    fail(failure, e, stop);
                }
                catch (Error e) {
                    fail(failure, new IllegalStateException(e.toString(), e), stop);
                }
                finally {
                    Database.closeQuietly(connection);
                }
            }, "simdata-load-" + i);
            threads.add(thread);
            thread.start();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (true) {
                try {
                    thread.join();
                    break;
                }
                catch (InterruptedException e) {
                    interrupted = true;
                    stop.run();
                    thread.interrupt();
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
