package dev.simdata.dataset;

import org.apache.parquet.schema.PrimitiveType;

import java.util.Arrays;
import java.util.List;

/**
 * One data page's statistics: its nulls and, when it holds a value, its minimum and maximum (numbers as longs,
 * text as bytes; the other pair is unused). The helpers encode and order them as Parquet does for a column whose
 * physical type is {@code kind} ({@link #physicalType}).
 */
record PageStats(long nulls, boolean hasValue, long min, long max, byte[] minBytes, byte[] maxBytes)
{
    static final int INT32 = 1;
    static final int INT64 = 2;
    static final int BINARY = 6;

    /** Thrift's physical type: BOOLEAN 0, INT32 1, INT64 2, BYTE_ARRAY 6 (the ones the schemas use). */
    static int physicalType(PrimitiveType leaf)
    {
        return switch (leaf.getPrimitiveTypeName()) {
            case BOOLEAN -> 0;
            case INT32 -> INT32;
            case INT64 -> INT64;
            case BINARY -> BINARY;
            default -> throw new IllegalArgumentException("no Parquet writer for " + leaf);
        };
    }

    /** The minimum or maximum as Parquet stores it: little-endian numbers, text as it is. */
    byte[] bytes(int kind, boolean minimum)
    {
        long value = minimum ? min : max;
        return switch (kind) {
            case INT32 -> new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
            case INT64 -> {
                byte[] bytes = new byte[8];
                PageBytes.writeLong(bytes, 0, value);
                yield bytes;
            }
            default -> minimum ? minBytes : maxBytes;
        };
    }

    /** Compares the minimums (or maximums) of two pages with values: numbers signed, text unsigned byte by byte. */
    static int compare(int kind, PageStats a, PageStats b, boolean minimum)
    {
        if (kind == BINARY) {
            return Arrays.compareUnsigned(minimum ? a.minBytes : a.maxBytes, minimum ? b.minBytes : b.maxBytes);
        }
        return Long.compare(minimum ? a.min : a.max, minimum ? b.min : b.max);
    }

    /** The pages' merged range and summed nulls. */
    static PageStats merged(int kind, List<PageStats> pages)
    {
        PageStats merged = null;
        long nulls = 0;
        for (PageStats page : pages) {
            nulls += page.nulls;
            if (page.hasValue) {
                boolean lower = merged == null || compare(kind, page, merged, true) < 0;
                boolean higher = merged == null || compare(kind, page, merged, false) > 0;
                merged = merged == null ? page : new PageStats(0, true, lower ? page.min : merged.min, higher ? page.max : merged.max,
                        lower ? page.minBytes : merged.minBytes, higher ? page.maxBytes : merged.maxBytes);
            }
        }
        return merged == null ? new PageStats(nulls, false, 0, 0, null, null)
                : new PageStats(nulls, true, merged.min, merged.max, merged.minBytes, merged.maxBytes);
    }

    /** A column index's boundary order: 1 (ascending) when the pages with values rise in minimum and maximum, 2 when both fall, else 0. */
    static int boundaryOrder(int kind, List<PageStats> pages)
    {
        List<PageStats> ranged = pages.stream().filter(PageStats::hasValue).toList();
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < ranged.size(); i++) {
            int min = compare(kind, ranged.get(i - 1), ranged.get(i), true);
            int max = compare(kind, ranged.get(i - 1), ranged.get(i), false);
            ascending &= min <= 0 && max <= 0;
            descending &= min >= 0 && max >= 0;
        }
        return ascending ? 1 : descending ? 2 : 0;
    }
}
