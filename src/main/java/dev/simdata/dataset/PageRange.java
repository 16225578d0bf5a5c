package dev.simdata.dataset;

import java.util.Arrays;

/**
 * The minimum and maximum of one page's values, kept as primitives (numbers, dates, timestamps) or bytes compared
 * unsigned (text, as Parquet orders it), and turned into {@link PageStats} once the page is done.
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

    /** The page's statistics: its nulls and, if it had a value, its range. */
    PageStats statistics(long nulls)
    {
        if (!seen) {
            return new PageStats(nulls, false, 0, 0, null, null);
        }
        return new PageStats(nulls, true, min, max, Arrays.copyOf(minBytes, minLength), Arrays.copyOf(maxBytes, maxLength));
    }
}
