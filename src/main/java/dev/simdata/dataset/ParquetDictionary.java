package dev.simdata.dataset;

import java.util.Arrays;

/**
 * The distinct values of one column chunk, as byte keys in one arena, found by open addressing: no object per value
 * or per lookup. Ids are given in order of first appearance, so the dictionary page is a pure function of the rows.
 */
final class ParquetDictionary
{
    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int size;
    /** Slot to id + 1; 0 is empty. */
    private int[] slots = new int[1 << 10];
    private int[] slotHashes = new int[1 << 10];

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

    void clear()
    {
        Arrays.fill(slots, 0);
        arenaSize = 0;
        size = 0;
    }

    /** The id of the key {@code key[offset, offset + length)}, added when new (then {@code size()} grows). */
    int idOf(byte[] key, int offset, int length)
    {
        int hash = hash(key, offset, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == 0) {
                break;
            }
            int id = entry - 1;
            if (slotHashes[slot] == hash && lengths[id] == length
                    && Arrays.equals(arena, offsets[id], offsets[id] + length, key, offset, offset + length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        int id = add(key, offset, length);
        slots[slot] = id + 1;
        slotHashes[slot] = hash;
        if (2 * size > slots.length) {
            rehash();
        }
        return id;
    }

    private int add(byte[] key, int offset, int length)
    {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, 2 * size);
            lengths = Arrays.copyOf(lengths, 2 * size);
        }
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arenaSize + length, 2 * arena.length));
        }
        System.arraycopy(key, offset, arena, arenaSize, length);
        offsets[size] = arenaSize;
        lengths[size] = length;
        arenaSize += length;
        return size++;
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
