package dev.simdata.dataset;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ids in order of first appearance, for uuids that share a half, longs, ints and text, across a growing table and a
 * clear; each entry's bytes are the value's plain form (little-endian, a uuid's high half first), and the plain bytes
 * count each new entry once.
 */
class ParquetDictionaryTest
{
    @Test
    void uuidKeysThatShareAHalfGetTheirOwnIds()
    {
        ParquetDictionary dictionary = new ParquetDictionary();
        SplittableRandom random = new SplittableRandom(3);
        Map<List<Long>, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            // few distinct halves, so many keys share one; repeats right after each other too
            long high = random.nextInt(300);
            long low = random.nextInt(300);
            Integer known = expected.putIfAbsent(List.of(high, low), expected.size());
            int id = dictionary.idOf(high, low, 16, 40);
            assertThat(id).isEqualTo(known == null ? expected.size() - 1 : known);
            assertThat(dictionary.idOf(high, low, 16, 40)).isEqualTo(id);
        }
        assertThat(dictionary.size()).isEqualTo(expected.size());
        assertThat(dictionary.plainBytes()).isEqualTo(40L * expected.size());
        expected.forEach((key, id) -> {
            ByteBuffer bytes = ByteBuffer.wrap(dictionary.arena(), dictionary.offset(id), dictionary.length(id)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(List.of(bytes.getLong(), bytes.getLong())).isEqualTo(key);
        });
    }

    @Test
    void longsIntsAndTextAfterAClear()
    {
        ParquetDictionary dictionary = new ParquetDictionary();
        assertThat(dictionary.idOf(0, 5, 8, 8)).isZero();
        assertThat(dictionary.idOf(0, -5, 8, 8)).isEqualTo(1);
        assertThat(dictionary.idOf(0, 5, 8, 8)).isZero();
        assertThat(ByteBuffer.wrap(dictionary.arena(), dictionary.offset(1), 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(-5);
        assertThat(dictionary.plainBytes()).isEqualTo(16);
        dictionary.clear();
        assertThat(dictionary.plainBytes()).isZero();
        assertThat(dictionary.idOf(0, 5, 4, 4)).isZero();
        assertThat(dictionary.length(0)).isEqualTo(4);
        assertThat(dictionary.idOf(0, 7, 4, 4)).isEqualTo(1);
        assertThat(dictionary.idOf(0, 5, 4, 4)).isZero();
        dictionary.clear();
        byte[] text = "beta".getBytes();
        assertThat(dictionary.idOf("alpha".getBytes(), 5, 9)).isZero();
        assertThat(dictionary.idOf(text, 4, 8)).isEqualTo(1);
        assertThat(dictionary.idOf("alpha".getBytes(), 5, 9)).isZero();
        assertThat(dictionary.idOf(text, 4, 8)).isEqualTo(1);
        assertThat(new String(dictionary.arena(), dictionary.offset(1), dictionary.length(1))).isEqualTo("beta");
        assertThat(dictionary.plainBytes()).isEqualTo(9 + 8);
    }
}
