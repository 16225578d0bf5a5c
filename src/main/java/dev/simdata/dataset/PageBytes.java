package dev.simdata.dataset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for Parquet pages, written little-endian as the format wants: plain values, levels and
 * dictionary ids. Reused from page to page; nothing is allocated once it has grown to a page's size.
 */
final class PageBytes
{
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    PageBytes(int capacity)
    {
        this.bytes = new byte[capacity];
    }

    /** Replaces the content with {@code value} in UTF-8 and returns its length; ASCII without allocation. */
    int setUtf8(CharSequence value)
    {
        int length = value.length();
        size = 0;
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = value.toString().getBytes(StandardCharsets.UTF_8);
                size = 0;
                put(encoded, 0, encoded.length);
                return size;
            }
            bytes[i] = (byte) c;
        }
        size = length;
        return length;
    }

    int size()
    {
        return size;
    }

    byte[] array()
    {
        return bytes;
    }

    void clear()
    {
        size = 0;
    }

    /** Keeps only the first {@code length} bytes. */
    void truncate(int length)
    {
        size = length;
    }

    void putByte(int value)
    {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    void putInt(int value)
    {
        ensure(4);
        INT.set(bytes, size, value);
        size += 4;
    }

    void putLong(long value)
    {
        ensure(8);
        LONG.set(bytes, size, value);
        size += 8;
    }

    void put(byte[] source, int offset, int length)
    {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** An unsigned LEB128 varint, as RLE run headers are written. */
    void putVarint(int value)
    {
        while ((value & ~0x7F) != 0) {
            putByte((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        putByte(value);
    }

    /** Overwrites four bytes at {@code position} (a length written before what it measures). */
    void setInt(int position, int value)
    {
        INT.set(bytes, position, value);
    }

    /** Makes room for {@code length} more bytes and returns the position they go to. */
    int reserve(int length)
    {
        ensure(length);
        int position = size;
        size += length;
        return position;
    }

    private void ensure(int length)
    {
        if (size + length > bytes.length) {
            grow(length);
        }
    }

    /** Out of line, so that {@link #ensure} stays small enough to be inlined into every put. */
    private void grow(int length)
    {
        bytes = Arrays.copyOf(bytes, Math.max(size + length, 2 * bytes.length));
    }

    /** Whether the first {@code length} bytes of {@code a} and {@code b} are equal; keys of 8 and 16 bytes as longs. */
    static boolean same(byte[] a, byte[] b, int length)
    {
        return switch (length) {
            case 8 -> readLong(a, 0) == readLong(b, 0);
            case 16 -> readLong(a, 0) == readLong(b, 0) && readLong(a, 8) == readLong(b, 8);
            default -> Arrays.equals(a, 0, length, b, 0, length);
        };
    }

    static long readLong(byte[] bytes, int offset)
    {
        return (long) LONG.get(bytes, offset);
    }

    static void writeLong(byte[] bytes, int offset, long value)
    {
        LONG.set(bytes, offset, value);
    }

    static void writeInt(byte[] bytes, int offset, int value)
    {
        INT.set(bytes, offset, value);
    }
}
