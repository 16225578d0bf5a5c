package dev.simdata.load;

import dev.simdata.schema.Field;
import dev.simdata.schema.TableSchema;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads a Parquet shard written by simdata (parquet-avro: strings, longs, bytes-decimals, int dates,
 * timestamp-micros) and writes its rows as CSV for {@code COPY … (FORMAT csv)}: NULL as an empty unquoted field,
 * every string quoted, timestamps as ISO-8601 instants in UTC.
 */
final class ParquetRows
{
    private ParquetRows() {}

    /** Writes every row of {@code file} to {@code out} in the table's column order; returns the row count. */
    static long writeCsv(Path file, TableSchema table, Writer out)
            throws IOException
    {
        StringBuilder line = new StringBuilder(512);
        return forEachRecord(file, table, (record, positions) -> {
            line.setLength(0);
            for (int column = 0; column < positions.length; column++) {
                if (column > 0) {
                    line.append(',');
                }
                appendValue(line, table.field(column), record.get(positions[column]));
            }
            line.append('\n');
            out.append(line);
        });
    }

    /** Writes every row of {@code file} as binary COPY rows in the table's column order; returns the row count. */
    static long writeBinary(Path file, TableSchema table, BinaryCopyWriter out)
            throws IOException
    {
        return forEachRecord(file, table, (record, positions) -> {
            out.startRow(positions.length);
            for (int column = 0; column < positions.length; column++) {
                writeBinaryValue(out, table.field(column), record.get(positions[column]));
            }
        });
    }

    private interface RecordSink
    {
        /** {@code positions[i]} is the record's field that holds the table's column {@code i}. */
        void accept(GenericRecord record, int[] positions)
                throws IOException;
    }

    private static long forEachRecord(Path file, TableSchema table, RecordSink sink)
            throws IOException
    {
        long rows = 0;
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withDataModel(GenericData.get())
                .build()) {
            int[] positions = null;
            for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                if (positions == null) {
                    positions = positions(record.getSchema(), table, file);
                }
                sink.accept(record, positions);
                rows++;
            }
        }
        return rows;
    }

    private static void writeBinaryValue(BinaryCopyWriter out, Field field, Object value)
            throws IOException
    {
        if (value == null) {
            out.writeNull();
            return;
        }
        switch (field.type()) {
            case STRING -> {
                if (value instanceof Utf8 utf8) {
                    out.writeBytes(utf8.getBytes(), 0, utf8.getByteLength());
                }
                else {
                    out.writeText(value.toString());
                }
            }
            case UUID -> {
                java.util.UUID uuid = java.util.UUID.fromString(value.toString());
                out.writeUuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
            }
            case INTEGER -> out.writeLong(((Number) value).longValue());
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case DECIMAL -> {
                BigInteger unscaled = decimal(value, field.scale()).setScale(field.scale()).unscaledValue();
                if (unscaled.bitLength() < 64) {
                    out.writeDecimal(unscaled.longValue(), field.scale());
                }
                else {
                    out.writeDecimal(unscaled, field.scale());
                }
            }
            case DATE -> out.writeDate(((Number) value).longValue());
            case DATETIME -> out.writeTimestampMicros(((Number) value).longValue());
        }
    }

    private static int[] positions(Schema schema, TableSchema table, Path file)
    {
        int[] positions = new int[table.columnCount()];
        for (int column = 0; column < positions.length; column++) {
            Schema.Field field = schema.getField(table.field(column).name());
            if (field == null) {
                throw new LoadException(file + " has no column " + table.field(column).name() + " of table " + table.name()
                        + "; the file does not match schemas/, regenerate the dataset");
            }
            positions[column] = field.pos();
        }
        return positions;
    }

    private static void appendValue(StringBuilder line, Field field, Object value)
    {
        if (value == null) {
            return;
        }
        switch (field.type()) {
            case UUID, STRING -> appendQuoted(line, value.toString());
            case INTEGER -> line.append(((Number) value).longValue());
            case BOOLEAN -> line.append(((Boolean) value) ? "true" : "false");
            case DECIMAL -> line.append(decimal(value, field.scale()).toPlainString());
            case DATE -> line.append(LocalDate.ofEpochDay(((Number) value).longValue()));
            case DATETIME -> {
                long micros = ((Number) value).longValue();
                line.append(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L));
            }
        }
    }

    private static BigDecimal decimal(Object value, int scale)
    {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Long unscaled) {
            return BigDecimal.valueOf(unscaled, scale); // INT64 decimals (simdata 0.2.0 and later)
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return new BigDecimal(new BigInteger(bytes), scale);
        }
        if (value instanceof GenericData.Fixed fixed) {
            return new BigDecimal(new BigInteger(fixed.bytes()), scale);
        }
        throw new IllegalStateException("unexpected decimal value of " + value.getClass());
    }

    private static void appendQuoted(StringBuilder line, String text)
    {
        line.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
