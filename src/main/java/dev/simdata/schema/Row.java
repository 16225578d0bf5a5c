package dev.simdata.schema;

import dev.simdata.random.Uuids;

import static java.util.Objects.requireNonNull;

/**
 * A reusable, mutable row of one table: typed slots filled by position, read by writers. One instance per
 * producer thread; a row is valid only until the producer fills the next one.
 *
 * <p>Representation per {@link FieldType}: UUID as two longs (high, low); STRING as a CharSequence; INTEGER as a
 * long; DECIMAL as a long of unscaled units (cents for scale 2); BOOLEAN as 0/1; DATE as an epoch day; DATETIME as
 * an epoch second in UTC.
 */
public final class Row
{
    /** The length of a UUID's text form. */
    public static final int UUID_TEXT = 36;

    private final TableSchema schema;
    private final long[] first;
    private final long[] second;
    private final CharSequence[] text;
    private final boolean[] nulls;
    /** Each UUID column's 36-character text, formatted on first request for its current value. */
    private final byte[] uuidText;
    private final boolean[] uuidFormatted;

    public Row(TableSchema schema)
    {
        this.schema = requireNonNull(schema, "schema is null");
        int columns = schema.columnCount();
        this.first = new long[columns];
        this.second = new long[columns];
        this.text = new CharSequence[columns];
        this.nulls = new boolean[columns];
        this.uuidText = new byte[UUID_TEXT * columns];
        this.uuidFormatted = new boolean[columns];
    }

    public TableSchema schema()
    {
        return schema;
    }

    public Row setUuid(int column, long high, long low)
    {
        if (high != first[column] || low != second[column]) {
            first[column] = high;
            second[column] = low;
            uuidFormatted[column] = false;
        }
        nulls[column] = false;
        return this;
    }

    public Row setString(int column, CharSequence value)
    {
        text[column] = requireNonNull(value, "value is null; use setNull");
        nulls[column] = false;
        return this;
    }

    public Row setLong(int column, long value)
    {
        first[column] = value;
        uuidFormatted[column] = false;
        nulls[column] = false;
        return this;
    }

    public Row setDecimal(int column, long unscaled)
    {
        return setLong(column, unscaled);
    }

    public Row setBoolean(int column, boolean value)
    {
        return setLong(column, value ? 1 : 0);
    }

    public Row setDate(int column, int epochDay)
    {
        return setLong(column, epochDay);
    }

    public Row setTimestamp(int column, long epochSecond)
    {
        return setLong(column, epochSecond);
    }

    public Row setNull(int column)
    {
        nulls[column] = true;
        text[column] = null;
        return this;
    }

    public boolean isNull(int column)
    {
        return nulls[column];
    }

    public long uuidHigh(int column)
    {
        return first[column];
    }

    public long uuidLow(int column)
    {
        return second[column];
    }

    /**
     * Copies the 36 ASCII bytes of a UUID column's text form into {@code out} at {@code offset}. The text is
     * formatted once per value, however many writers ask for it (csv and parquet), and not again while the column
     * keeps its value from row to row (a child's parent id).
     */
    public void copyUuidText(int column, byte[] out, int offset)
    {
        int at = UUID_TEXT * column;
        if (!uuidFormatted[column]) {
            Uuids.format(first[column], second[column], uuidText, at);
            uuidFormatted[column] = true;
        }
        System.arraycopy(uuidText, at, out, offset, UUID_TEXT);
    }

    public CharSequence string(int column)
    {
        return text[column];
    }

    /** The slot of INTEGER, DECIMAL (unscaled), BOOLEAN (0/1), DATE (epoch day) and DATETIME (epoch second). */
    public long longValue(int column)
    {
        return first[column];
    }
}
