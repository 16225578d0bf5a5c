package dev.simdata.spark;

import org.apache.spark.TaskContext;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook: with the system property {@code simdata.spark.failFirstAttempt=TABLE:SHARD}, the first attempt of
 * that shard's task fails with an I/O error after writing part of its first file (every later write to that file fails too), so that a test sees Spark retry it.
 * Unset (always, outside tests), it does nothing.
 */
final class FailureHook
{
    static final String PROPERTY = "simdata.spark.failFirstAttempt";
    private static final AtomicInteger INJECTED = new AtomicInteger();

    private FailureHook() {}

    static boolean applies(String table, int shard, TaskContext context)
    {
        String wanted = System.getProperty(PROPERTY);
        return wanted != null && wanted.equals(table + ":" + shard) && context != null && context.attemptNumber() == 0;
    }

    /** How many failures were injected in this JVM. */
    static int injected()
    {
        return INJECTED.get();
    }

    static OutputStream failing(OutputStream out)
    {
        return new FilterOutputStream(out)
        {
            private long written;
            private boolean failed;

            @Override
            public void write(byte[] buffer, int offset, int length)
                    throws IOException
            {
                out.write(buffer, offset, length);
                written += length;
                check();
            }

            @Override
            public void write(int value)
                    throws IOException
            {
                out.write(value);
                written++;
                check();
            }

            private void check()
                    throws IOException
            {
                if (written >= 1_000) {
                    if (!failed) {
                        failed = true;
                        INJECTED.incrementAndGet();
                    }
                    throw new IOException("injected failure of a first task attempt (" + PROPERTY + ")");
                }
            }
        };
    }
}
