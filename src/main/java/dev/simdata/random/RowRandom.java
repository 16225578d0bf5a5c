package dev.simdata.random;

/**
 * A reusable, allocation-free random stream positioned by {@link #reset(long, long)} at (stream, key). The same
 * (base seed, stream, key) always gives the same sequence, so a generator can jump to any row, and the number of
 * draws one column makes never disturbs another stream. Not thread-safe: one instance per thread.
 */
public final class RowRandom
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private final long base;
    private long state;

    /**
     * @param base the seed combined with whatever names this stream's owner (usually the table)
     */
    public RowRandom(long base)
    {
        this.base = base;
    }

    public RowRandom reset(long stream, long key)
    {
        state = Mix.hash(base ^ stream, key);
        return this;
    }

    public long nextLong()
    {
        state += GOLDEN;
        return Mix.mix64(state);
    }

    /** Uniform in [0, 1). */
    public double nextDouble()
    {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound), bound > 0. Multiply-shift: no division, negligible bias for bounds far below 2^32. */
    public int nextInt(int bound)
    {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in [from, to], both inclusive. */
    public int between(int from, int to)
    {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in [0, bound) for long bounds. */
    public long nextLong(long bound)
    {
        return Math.floorMod(nextLong(), bound);
    }

    public boolean chance(double probability)
    {
        return nextDouble() < probability;
    }

    /** Picks an index by cumulative weights (ascending, last one the total). */
    public int pick(double[] cumulativeWeights)
    {
        double target = nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int low = 0;
        int high = cumulativeWeights.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeWeights[middle] > target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return low;
    }
}
