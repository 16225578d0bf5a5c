package dev.simdata.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Thrift's compact protocol, the part a Parquet file's page headers, page indexes and footer use, written into a
 * {@link PageBytes}. Fields of a struct must come in ascending id order, as Thrift's generated writers emit them;
 * {@link #endStruct} (or {@link #end} for the outermost struct) writes the stop byte.
 */
final class ThriftCompact
{
    static final int TRUE = 1;
    static final int FALSE = 2;
    static final int I16 = 4;
    static final int I32 = 5;
    static final int I64 = 6;
    static final int BINARY = 8;
    static final int LIST = 9;
    static final int STRUCT = 12;

    private final PageBytes out;
    /** The last field id of each enclosing struct. */
    private int[] enclosing = new int[8];
    private int depth;
    private int lastId;

    ThriftCompact(PageBytes out)
    {
        this.out = out;
    }

    void i16(int id, int value)
    {
        field(id, I16);
        varint(zigzag(value));
    }

    void i32(int id, int value)
    {
        field(id, I32);
        varint(zigzag(value));
    }

    void i64(int id, long value)
    {
        field(id, I64);
        element(value);
    }

    void bool(int id, boolean value)
    {
        field(id, value ? TRUE : FALSE);
    }

    void binary(int id, byte[] value)
    {
        field(id, BINARY);
        element(value);
    }

    void string(int id, String value)
    {
        binary(id, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a struct field (a union too); its fields follow, then {@link #endStruct}. */
    void struct(int id)
    {
        field(id, STRUCT);
        beginElement();
    }

    /** A struct with no fields set. */
    void empty(int id)
    {
        struct(id);
        endStruct();
    }

    void endStruct()
    {
        out.putByte(0);
        lastId = enclosing[--depth];
    }

    /** Ends the outermost struct. */
    void end()
    {
        out.putByte(0);
        lastId = 0;
    }

    /** Starts a list field of {@code size} elements of {@code type}; the elements follow. */
    void list(int id, int type, int size)
    {
        field(id, LIST);
        if (size < 15) {
            out.putByte(size << 4 | type);
        }
        else {
            out.putByte(0xF0 | type);
            varint(size);
        }
    }

    /** Starts a struct element of a list; its fields follow, then {@link #endStruct}. */
    void beginElement()
    {
        if (depth == enclosing.length) {
            enclosing = Arrays.copyOf(enclosing, 2 * depth);
        }
        enclosing[depth++] = lastId;
        lastId = 0;
    }

    void element(int value)
    {
        varint(zigzag(value));
    }

    void element(long value)
    {
        long zigzag = value << 1 ^ value >> 63;
        while ((zigzag & ~0x7FL) != 0) {
            out.putByte((int) (zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        out.putByte((int) zigzag);
    }

    void element(boolean value)
    {
        out.putByte(value ? TRUE : FALSE);
    }

    void element(byte[] value)
    {
        varint(value.length);
        out.put(value, 0, value.length);
    }

    private void field(int id, int type)
    {
        int delta = id - lastId;
        if (delta > 0 && delta <= 15) {
            out.putByte(delta << 4 | type);
        }
        else {
            out.putByte(type);
            varint(zigzag(id));
        }
        lastId = id;
    }

    private static int zigzag(int value)
    {
        return value << 1 ^ value >> 31;
    }

    private void varint(int value)
    {
        out.putVarint(value);
    }
}
