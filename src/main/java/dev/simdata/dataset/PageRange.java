package dev.simdata.dataset;

import org.apache.parquet.column.statistics.BinaryStatistics;
import org.apache.parquet.column.statistics.IntStatistics;
import org.apache.parquet.column.statistics.LongStatistics;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

import java.util.Arrays;

/**
 * The minimum and maximum of one page's values, kept as primitives (numbers, dates, timestamps) or bytes compared
 * unsigned (text, as Parquet orders it), and turned into parquet-java statistics once the page is done.
 */
final class PageRange
{
    private boolean seen;
    private long min;
    private long max;
    private byte[] minBytes = new byte[32];
    private byte[] maxBytes = new byte[32];
    private int minLength;
    private int maxLength;

    void clear()
    {
        seen = false;
    }

    void add(long value)
    {
        if (!seen) {
            min = value;
            max = value;
            seen = true;
        }
        else if (value < min) {
            min = value;
        }
        else if (value > max) {
            max = value;
        }
    }

    void add(byte[] value, int offset, int length)
    {
        if (!seen || Arrays.compareUnsigned(value, offset, offset + length, minBytes, 0, minLength) < 0) {
            minBytes = copyInto(minBytes, value, offset, length);
            minLength = length;
        }
        if (!seen || Arrays.compareUnsigned(value, offset, offset + length, maxBytes, 0, maxLength) > 0) {
            maxBytes = copyInto(maxBytes, value, offset, length);
            maxLength = length;
        }
        seen = true;
    }

    private static byte[] copyInto(byte[] target, byte[] value, int offset, int length)
    {
        byte[] into = target.length >= length ? target : new byte[length];
        System.arraycopy(value, offset, into, 0, length);
        return into;
    }

    /** The page's statistics for a column of {@code type}: its range, if it had a value, and its nulls. */
    Statistics<?> statistics(PrimitiveType type, long nulls)
    {
        Statistics<?> statistics = Statistics.createStats(type);
        if (seen) {
            if (statistics instanceof LongStatistics longs) {
                longs.updateStats(min);
                longs.updateStats(max);
            }
            else if (statistics instanceof IntStatistics ints) {
                ints.updateStats((int) min);
                ints.updateStats((int) max);
            }
            else if (statistics instanceof BinaryStatistics binaries) {
                binaries.updateStats(Binary.fromConstantByteArray(Arrays.copyOf(minBytes, minLength)));
                binaries.updateStats(Binary.fromConstantByteArray(Arrays.copyOf(maxBytes, maxLength)));
            }
        }
        statistics.incrementNumNulls(nulls);
        return statistics;
    }
}
