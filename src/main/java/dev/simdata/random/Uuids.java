package dev.simdata.random;

/**
 * Deterministic identifiers: a UUID is a pure function of (seed, table, row key). Within one table, distinct keys
 * always give distinct UUIDs: the low 62 bits are a bijection of the key. The UUID carries version 8 (custom) and
 * the RFC 9562 variant.
 */
public final class Uuids
{
    private static final long MASK_62 = (1L << 62) - 1;

    private Uuids() {}

    /** The salt that names a table's identifiers for one seed. */
    public static long tableSalt(long seed, String table)
    {
        return Mix.hash(seed, Mix.nameHash(table));
    }

    public static long high(long tableSalt, long key)
    {
        long bits = Mix.hash(tableSalt, key);
        return (bits & ~0xF000L) | 0x8000L;
    }

    public static long low(long tableSalt, long key)
    {
        return 0x8000000000000000L | bijection62(key + tableSalt);
    }

    /** A bijection on 62-bit values: xor-shifts and odd multipliers modulo 2^62. */
    static long bijection62(long value)
    {
        long x = value & MASK_62;
        x = ((x ^ (x >>> 31)) * 0x7FB5D329728EA185L) & MASK_62;
        x = ((x ^ (x >>> 27)) * 0x81DADEF4BC2DD44DL) & MASK_62;
        return x ^ (x >>> 33);
    }

    /** The canonical 36-character text form. */
    public static String toString(long high, long low)
    {
        char[] out = new char[36];
        format(high, low, out, 0);
        return new String(out);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Writes the 36-character text form into {@code out} at {@code offset}. */
    public static void format(long high, long low, char[] out, int offset)
    {
        int position = offset;
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[position++] = HEX[(int) (high >>> (nibble * 4)) & 0xF];
            if (nibble == 8 || nibble == 4) {
                out[position++] = '-';
            }
        }
        out[position++] = '-';
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[position++] = HEX[(int) (low >>> (nibble * 4)) & 0xF];
            if (nibble == 12) {
                out[position++] = '-';
            }
        }
    }

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final java.lang.invoke.VarHandle INT_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.BIG_ENDIAN);

    /**
     * Writes the 36 ASCII bytes of the text form into {@code out} at {@code offset}: eight hex digits at a time,
     * spread from nibbles to bytes with shifts and masks (no table, no branch per digit).
     */
    public static void format(long high, long low, byte[] out, int offset)
    {
        LONG_BE.set(out, offset, hex8((int) (high >>> 32)));
        out[offset + 8] = '-';
        INT_BE.set(out, offset + 9, (int) hex8((int) (high >>> 16) & 0xFFFF));
        out[offset + 13] = '-';
        INT_BE.set(out, offset + 14, (int) hex8((int) high & 0xFFFF));
        out[offset + 18] = '-';
        INT_BE.set(out, offset + 19, (int) hex8((int) (low >>> 48)));
        out[offset + 23] = '-';
        LONG_BE.set(out, offset + 24, hex8((int) (low >>> 16)));
        INT_BE.set(out, offset + 32, (int) hex8((int) low & 0xFFFF));
    }

    /** The eight lower-case hex digits of {@code value}, most significant first, as a big-endian long. */
    private static long hex8(int value)
    {
        long x = value & 0xFFFFFFFFL;
        x = ((x & 0xFFFF0000L) << 16) | (x & 0xFFFFL);
        x = ((x & 0x0000FF000000FF00L) << 8) | (x & 0x000000FF000000FFL);
        x = ((x & 0x00F000F000F000F0L) << 4) | (x & 0x000F000F000F000FL);
        long letters = ((x + 0x0606060606060606L) >>> 4) & 0x0101010101010101L;
        return x + 0x3030303030303030L + 0x27 * letters;
    }
}
