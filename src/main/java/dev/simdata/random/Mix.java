package dev.simdata.random;

/**
 * Stateless 64-bit mixing: the building block of every deterministic value. {@link #mix64} is a bijection, so
 * distinct inputs give distinct outputs.
 */
public final class Mix
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Mix() {}

    /** The SplitMix64 finaliser: a bijection on 64-bit values with good avalanche. */
    public static long mix64(long z)
    {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Combines two values into one hash; order matters. */
    public static long hash(long a, long b)
    {
        return mix64(mix64(a + GOLDEN) ^ (b * GOLDEN + 0x632BE59BD9B4E019L));
    }

    public static long hash(long a, long b, long c)
    {
        return hash(hash(a, b), c);
    }

    /** A stable 64-bit value for a name (FNV-1a, then mixed), so that salts never depend on declaration order. */
    public static long nameHash(String name)
    {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix64(h);
    }
}
