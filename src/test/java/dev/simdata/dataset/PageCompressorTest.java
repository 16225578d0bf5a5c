package dev.simdata.dataset;

import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages of repeated plain values in Snappy's format ({@link PageCompressor#compressRepeats}), read back by the
 * Snappy library's own decoder: runs of repeats, none, only repeats, literals of every length class (up to 60 bytes,
 * then 1, 2 and 3 extra length bytes) and a prefix before the values (an optional column's levels).
 */
class PageCompressorTest
{
    private static final int WIDTH = 40;

    @Test
    void snappyDecodesRepeatsAsCopies()
            throws Exception
    {
        SplittableRandom random = new SplittableRandom(11);
        for (int[] shape : new int[][] {{0, 3000, 3}, {17, 3000, 2}, {0, 1, 1}, {5, 1, 1}, {0, 2, 1}, {0, 500, 1}, {0, 20_000, 1}, {9, 2000, 2000}, {0, 4, 4}}) {
            int prefix = shape[0];
            int values = shape[1];
            int maxRun = shape[2];
            byte[] page = page(random, prefix, values, maxRun);
            try (PageCompressor compressor = new PageCompressor(ParquetCompression.SNAPPY, page.length)) {
                int length = compressor.compressRepeats(page, page.length, prefix, WIDTH);
                byte[] compressed = Arrays.copyOfRange(compressor.bytes(), 0, length);
                assertThat(Snappy.uncompress(compressed)).as("prefix %d, %d values, runs up to %d", prefix, values, maxRun).isEqualTo(page);
                if (maxRun == values && values > 100) {
                    assertThat(length).as("one value repeated").isLessThan(page.length / 10);
                }
                if (maxRun == 1) {
                    assertThat(length).as("no repeats: literals only").isLessThanOrEqualTo(page.length + 5 + 5);
                }
            }
        }
    }

    /** {@code prefix} random bytes, then {@code values} plain values of {@link #WIDTH} bytes, each repeated 1 to {@code maxRun} times (all one value when that is {@code values}). */
    private static byte[] page(SplittableRandom random, int prefix, int values, int maxRun)
    {
        byte[] page = new byte[prefix + values * WIDTH];
        for (int i = 0; i < prefix; i++) {
            page[i] = (byte) random.nextInt();
        }
        byte[] value = new byte[WIDTH];
        int left = 0;
        for (int v = 0; v < values; v++) {
            if (left == 0) {
                random.nextBytes(value);
                PageBytes.writeInt(value, 0, WIDTH - 4);
                left = maxRun == values ? values : 1 + random.nextInt(maxRun);
            }
            System.arraycopy(value, 0, page, prefix + v * WIDTH, WIDTH);
            left--;
        }
        return page;
    }
}
