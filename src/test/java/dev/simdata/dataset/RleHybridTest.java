package dev.simdata.dataset;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Definition levels made from the nulls' positions are the bytes {@link RleHybrid#encode} gives for the levels. */
class RleHybridTest
{
    @Test
    void definitionLevelsFromNullPositionsMatchEncodedLevels()
    {
        SplittableRandom random = new SplittableRandom(7);
        int[] scratch = new int[0];
        for (int trial = 0; trial < 2_000; trial++) {
            int count = trial < 40 ? trial : 1 + random.nextInt(trial % 3 == 0 ? 20 : 3_000);
            double nullShare = switch (trial % 4) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 0.02;
                default -> random.nextDouble();
            };
            int[] levels = new int[count];
            int[] nullsAt = new int[count];
            int nulls = 0;
            for (int i = 0; i < count; i++) {
                // nulls in runs and scattered
                boolean isNull = i > 0 && levels[i - 1] == 0 && random.nextDouble() < 0.7 || random.nextDouble() < nullShare;
                levels[i] = isNull ? 0 : 1;
                if (isNull) {
                    nullsAt[nulls++] = i;
                }
            }
            PageBytes expected = new PageBytes(16);
            RleHybrid.encode(levels, count, 1, expected);
            PageBytes actual = new PageBytes(16);
            scratch = RleHybrid.definitionLevels(nullsAt, nulls, count, scratch, actual);
            assertThat(Arrays.copyOf(actual.array(), actual.size()))
                    .as("%d values, %d nulls", count, nulls)
                    .isEqualTo(Arrays.copyOf(expected.array(), expected.size()));
        }
    }
}
