package dev.simdata.dataset;

import java.util.Arrays;

/**
 * The distinct values of one column chunk, as byte keys in one arena, found by open addressing: no object per value
 * or per lookup. Ids are given in order of first appearance, so the dictionary page is a pure function of the rows.
 * Numbers, dates and uuids are looked up as one or two longs, text as bytes; the last key is checked first, as
 * consecutive rows often repeat it (a recipient's events).
 */
final class ParquetDictionary
{
    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    /** A numeric key's value (a uuid's low half) and a uuid's high half, by id. */
    private long[] lows = new long[256];
    private long[] highs = new long[256];
    private int size;
    /** The entries' plain values: the size of the chunk's dictionary page. */
    private long plainBytes;
    /** Slot to id + 1; 0 is empty. */
    private int[] slots = new int[1 << 10];
    private int[] slotHashes = new int[1 << 10];
    private byte[] lastKey = new byte[64];
    private int lastLength = -1;
    private long lastHigh;
    private long lastLow;
    private int lastId;

    int size()
    {
        return size;
    }

    byte[] arena()
    {
        return arena;
    }

    int offset(int id)
    {
        return offsets[id];
    }

    int length(int id)
    {
        return lengths[id];
    }

    long plainBytes()
    {
        return plainBytes;
    }

    void clear()
    {
        Arrays.fill(slots, 0);
        arenaSize = 0;
        size = 0;
        plainBytes = 0;
        lastLength = -1;
    }

    /**
     * The id of the key {@code key[0, length)}, added when new (then {@code size()} grows and {@code plainBytes()} by
     * {@code plainLength}).
     */
    int idOf(byte[] key, int length, int plainLength)
    {
        if (length == lastLength && PageBytes.same(key, lastKey, length)) {
            return lastId;
        }
        int id = find(key, length, plainLength);
        if (length <= lastKey.length) {
            System.arraycopy(key, 0, lastKey, 0, length);
            lastLength = length;
            lastId = id;
        }
        return id;
    }

    /**
     * The id of a numeric key of {@code length} bytes (4: an int in {@code low}; 8: a long; 16: a uuid), added when
     * new as {@link #idOf(byte[], int, int)} does; its bytes in the arena are the little-endian value, or the uuid's
     * high half then its low half.
     */
    int idOf(long high, long low, int length, int plainLength)
    {
        if (low == lastLow && high == lastHigh && length == lastLength) {
            return lastId;
        }
        long mixed = (high * 0x9E3779B97F4A7C15L ^ low) * 0xC2B2AE3D27D4EB4FL;
        int hash = (int) (mixed ^ mixed >>> 32);
        int mask = slots.length - 1;
        int slot = hash & mask;
        int id;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                id = add(high, low, length, plainLength, slot, hash);
                break;
            }
            if (lows[entry - 1] == low && highs[entry - 1] == high) {
                id = entry - 1;
                break;
            }
            slot = (slot + 1) & mask;
        }
        lastHigh = high;
        lastLow = low;
        lastLength = length;
        lastId = id;
        return id;
    }

    private int find(byte[] key, int length, int plainLength)
    {
        int hash = hash(key, 0, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            int id = entry - 1;
            if (slotHashes[slot] == hash && lengths[id] == length
                    && Arrays.equals(arena, offsets[id], offsets[id] + length, key, 0, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        reserve(length);
        System.arraycopy(key, 0, arena, arenaSize, length);
        return added(length, plainLength, slot, hash);
    }

    private int add(long high, long low, int length, int plainLength, int slot, int hash)
    {
        reserve(length);
        switch (length) {
            case 4 -> PageBytes.writeInt(arena, arenaSize, (int) low);
            case 8 -> PageBytes.writeLong(arena, arenaSize, low);
            default -> {
                PageBytes.writeLong(arena, arenaSize, high);
                PageBytes.writeLong(arena, arenaSize + 8, low);
            }
        }
        lows[size] = low;
        highs[size] = high;
        return added(length, plainLength, slot, hash);
    }

    private void reserve(int length)
    {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
            lows = Arrays.copyOf(lows, 2 * size);
            highs = Arrays.copyOf(highs, 2 * size);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + length, 2 * arena.length));
        }
    }

    /** Counts the entry just written to the arena as the next id, in the free {@code slot}. */
    private int added(int length, int plainLength, int slot, int hash)
    {
        int id = size++;
        offsets[id] = arenaSize;
        lengths[id] = length;
        arenaSize += length;
        plainBytes += plainLength;
        slots[slot] = id + 1;
        slotHashes[slot] = hash;
        if (2 * size > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash()
    {
        int[] oldSlots = slots;
        int[] oldHashes = slotHashes;
        slots = new int[2 * oldSlots.length];
        slotHashes = new int[slots.length];
        int mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int slot = oldHashes[i] & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = oldSlots[i];
                slotHashes[slot] = oldHashes[i];
            }
        }
    }

    private static int hash(byte[] key, int offset, int length)
    {
        long hash = length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            hash = (hash ^ PageBytes.readLong(key, i)) * 0x9E3779B97F4A7C15L;
            hash ^= hash >>> 29;
        }
        for (; i < end; i++) {
            hash = (hash ^ (key[i] & 0xFF)) * 0x9E3779B97F4A7C15L;
        }
        hash ^= hash >>> 32;
        return (int) hash;
    }
}
