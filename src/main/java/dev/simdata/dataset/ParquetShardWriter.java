package dev.simdata.dataset;

import dev.simdata.random.Uuids;
import dev.simdata.schema.AvroSchemas;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Writes one Parquet shard through parquet-avro with the schema derived from {@code schemas/}. Row groups are
 * capped at {@link #ROW_GROUP_BYTES} so that memory per writer stays bounded whatever the shard size. The bytes
 * depend only on the rows, the codec and the parquet-java version (the footer names it; it holds no time).
 */
final class ParquetShardWriter
        implements Closeable
{
    static final long ROW_GROUP_BYTES = 16L << 20;
    static final int PAGE_BYTES = 1 << 20;

    private final DigestingOutputFile output;
    private final ParquetWriter<GenericRecord> writer;
    private final GenericData.Record record;
    private final FieldType[] types;
    /** One reused UTF-8 buffer per column: parquet-avro copies what it keeps (dictionary, statistics). */
    private final Utf8[] text;

    ParquetShardWriter(Path file, TableSchema schema, ParquetCompression compression)
            throws IOException
    {
        Schema avro = AvroSchemas.of(schema);
        this.output = new DigestingOutputFile(file);
        AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(output);
        for (int i = 0; i < schema.columnCount(); i++) {
            dev.simdata.schema.Field field = schema.field(i);
            if (field.unique() || schema.primaryKey().equals(java.util.List.of(field.name()))) {
                // every value differs: a dictionary never pays
                builder = builder.withDictionaryEncoding(field.name(), false);
            }
            if (field.unique() || field.type() == FieldType.UUID) {
                // min/max of random identifiers let no reader skip anything; timestamps, dates and codes keep theirs
                builder = builder.withStatisticsEnabled(field.name(), false);
            }
        }
        this.writer = builder
                .withConf(new PlainParquetConfiguration())
                .withSchema(avro)
                .withDataModel(GenericData.get())
                .withCompressionCodec(compression.codec())
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withSizeStatisticsEnabled(false)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
        this.record = new GenericData.Record(avro);
        this.types = new FieldType[schema.columnCount()];
        this.text = new Utf8[types.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.field(i).type();
            text[i] = new Utf8(new byte[64]);
        }
    }

    void write(Row row)
            throws IOException
    {
        for (int column = 0; column < types.length; column++) {
            record.put(column, row.isNull(column) ? null : value(row, column));
        }
        writer.write(record);
    }

    private Object value(Row row, int column)
    {
        return switch (types[column]) {
            case UUID -> {
                Utf8 buffer = text[column];
                buffer.setByteLength(36);
                Uuids.format(row.uuidHigh(column), row.uuidLow(column), buffer.getBytes(), 0);
                yield buffer;
            }
            case STRING -> utf8(text[column], row.string(column));
            case INTEGER -> row.longValue(column);
            case DECIMAL -> ByteBuffer.wrap(BigInteger.valueOf(row.longValue(column)).toByteArray());
            case BOOLEAN -> row.longValue(column) != 0;
            case DATE -> (int) row.longValue(column);
            case DATETIME -> row.longValue(column) * 1_000_000L;
        };
    }

    /** Encodes into the reused buffer; ASCII (nearly every value) without allocation. */
    private static Utf8 utf8(Utf8 buffer, CharSequence value)
    {
        int length = value.length();
        buffer.setByteLength(length);
        byte[] bytes = buffer.getBytes();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                buffer.set(value.toString());
                return buffer;
            }
            bytes[i] = (byte) c;
        }
        return buffer;
    }

    @Override
    public void close()
            throws IOException
    {
        writer.close();
    }

    /** The finished file's size and SHA-256; valid after {@link #close}. */
    ShardFile finished(String path, long rows)
    {
        return new ShardFile(path, rows, output.bytes(), output.sha256());
    }
}
