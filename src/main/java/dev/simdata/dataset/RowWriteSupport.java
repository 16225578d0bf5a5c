package dev.simdata.dataset;

import dev.simdata.random.Uuids;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.ParquetSchemas;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Feeds the reused {@link Row} straight to Parquet's record consumer: no intermediate record, no boxing, and
 * text encoded into one reused buffer per column (Parquet copies what it keeps: dictionary entries, statistics).
 * Null values are simply not written, as the format wants for OPTIONAL columns.
 */
final class RowWriteSupport
        extends WriteSupport<Row>
{
    private final MessageType schema;
    private final FieldType[] types;
    private final String[] names;
    private final byte[][] text;
    private RecordConsumer consumer;

    RowWriteSupport(TableSchema table)
    {
        this.schema = ParquetSchemas.of(table);
        this.types = new FieldType[table.columnCount()];
        this.names = new String[types.length];
        this.text = new byte[types.length][];
        for (int i = 0; i < types.length; i++) {
            types[i] = table.field(i).type();
            names[i] = table.field(i).name();
            text[i] = new byte[64];
        }
    }

    @Override
    public WriteContext init(Configuration configuration)
    {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration)
    {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer)
    {
        this.consumer = recordConsumer;
    }

    @Override
    public void write(Row row)
    {
        consumer.startMessage();
        for (int column = 0; column < types.length; column++) {
            if (row.isNull(column)) {
                continue;
            }
            consumer.startField(names[column], column);
            switch (types[column]) {
                case UUID -> {
                    byte[] bytes = text[column];
                    Uuids.format(row.uuidHigh(column), row.uuidLow(column), bytes, 0);
                    consumer.addBinary(Binary.fromReusedByteArray(bytes, 0, 36));
                }
                case STRING -> consumer.addBinary(utf8(column, row.string(column)));
                case INTEGER, DECIMAL -> consumer.addLong(row.longValue(column));
                case BOOLEAN -> consumer.addBoolean(row.longValue(column) != 0);
                case DATE -> consumer.addInteger((int) row.longValue(column));
                case DATETIME -> consumer.addLong(row.longValue(column) * 1_000_000L);
            }
            consumer.endField(names[column], column);
        }
        consumer.endMessage();
    }

    /** Encodes into the column's reused buffer; ASCII (nearly every value) without allocation. */
    private Binary utf8(int column, CharSequence value)
    {
        int length = value.length();
        byte[] bytes = text[column];
        if (bytes.length < length) {
            bytes = new byte[Math.max(length, 2 * bytes.length)];
            text[column] = bytes;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                return Binary.fromConstantByteArray(value.toString().getBytes(StandardCharsets.UTF_8));
            }
            bytes[i] = (byte) c;
        }
        return Binary.fromReusedByteArray(bytes, 0, length);
    }
}
