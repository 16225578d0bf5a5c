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

    /** Writes the 36 ASCII bytes of the text form into {@code out} at {@code offset}. */
    public static void format(long high, long low, byte[] out, int offset)
    {
        int position = offset;
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[position++] = (byte) HEX[(int) (high >>> (nibble * 4)) & 0xF];
            if (nibble == 8 || nibble == 4) {
                out[position++] = '-';
            }
        }
        out[position++] = '-';
        for (int nibble = 15; nibble >= 0; nibble--) {
            out[position++] = (byte) HEX[(int) (low >>> (nibble * 4)) & 0xF];
            if (nibble == 12) {
                out[position++] = '-';
            }
        }
    }
}
