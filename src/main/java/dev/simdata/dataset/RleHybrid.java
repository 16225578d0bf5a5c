package dev.simdata.dataset;

import java.util.Arrays;

/**
 * Parquet's RLE / bit-packing hybrid encoding of small integers (definition levels, dictionary ids): a run of eight
 * or more equal values is one RLE run, anything else is bit-packed in groups of eight, least significant bit first.
 * The last group is padded with zeros; readers know how many values the page holds.
 */
final class RleHybrid
{
    private static final int MIN_RUN = 8;

    private RleHybrid() {}

    /** Appends {@code values[0..count)}, each below {@code 1 << bitWidth}, to {@code out}, with no length prefix. */
    static void encode(int[] values, int count, int bitWidth, PageBytes out)
    {
        if (bitWidth == 0) {
            if (count > 0) {
                out.putVarint(count << 1);
            }
            return;
        }
        int i = 0;
        while (i < count) {
            int run = runLength(values, i, count);
            if (run >= MIN_RUN) {
                repeated(values[i], run, bitWidth, out);
                i += run;
                continue;
            }
            int end = i + run;
            while (end < count) {
                int next = runLength(values, end, count);
                if (next >= MIN_RUN) {
                    break;
                }
                end += next;
            }
            // groups of eight: borrow the few values that complete the last group from the RLE run that follows
            int packed = end < count ? roundUp(end - i) : end - i;
            packed(values, i, packed, count, bitWidth, out);
            i += Math.min(roundUp(packed), count - i);
        }
    }

    /**
     * Appends the definition levels of {@code count} values with nulls at {@code nullsAt[0..nulls)}, ascending: 0 for
     * a null, 1 for a value; the same bytes as {@link #encode} of those levels. Returns {@code scratch}, or a larger
     * array when it was too small; a page without nulls needs none.
     */
    static int[] definitionLevels(int[] nullsAt, int nulls, int count, int[] scratch, PageBytes out)
    {
        if (nulls == 0 && count >= MIN_RUN) {
            repeated(1, count, 1, out);
            return scratch;
        }
        int[] levels = scratch.length >= count ? scratch : new int[Math.max(count, 2 * scratch.length)];
        Arrays.fill(levels, 0, count, 1);
        for (int i = 0; i < nulls; i++) {
            levels[nullsAt[i]] = 0;
        }
        encode(levels, count, 1, out);
        return levels;
    }

    private static int roundUp(int values)
    {
        return (values + MIN_RUN - 1) & -MIN_RUN;
    }

    private static int runLength(int[] values, int from, int count)
    {
        int value = values[from];
        int end = from + 1;
        while (end < count && values[end] == value) {
            end++;
        }
        return end - from;
    }

    private static void repeated(int value, int run, int bitWidth, PageBytes out)
    {
        out.putVarint(run << 1);
        for (int written = 0; written < bitWidth; written += 8) {
            out.putByte(value >>> written);
        }
    }

    /** Bit-packs {@code length} values from {@code from}, padded with zeros to a multiple of eight. */
    private static void packed(int[] values, int from, int length, int count, int bitWidth, PageBytes out)
    {
        int groups = (length + MIN_RUN - 1) / MIN_RUN;
        out.putVarint(groups << 1 | 1);
        long buffer = 0;
        int bits = 0;
        int end = from + groups * MIN_RUN;
        for (int i = from; i < end; i++) {
            long value = i < count && i < from + length ? values[i] : 0;
            buffer |= value << bits;
            bits += bitWidth;
            while (bits >= 8) {
                out.putByte((int) buffer);
                buffer >>>= 8;
                bits -= 8;
            }
        }
    }

    /** The bits a value needs: 0 for 0, 1 for 1, 2 for 2-3, ... */
    static int bitWidth(int maxValue)
    {
        return 32 - Integer.numberOfLeadingZeros(maxValue);
    }
}
