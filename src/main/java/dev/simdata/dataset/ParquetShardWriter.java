package dev.simdata.dataset;

import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.ParquetSchemas;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.apache.parquet.schema.MessageType;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one Parquet shard straight from the reused row: each column is encoded by {@link ParquetColumn} into
 * pages, and {@link ParquetFileLayout} lays out the row groups, the column and offset indexes and the footer. The
 * schema is derived from {@code schemas/}. Row groups end once their buffered bytes reach {@link #ROW_GROUP_BYTES},
 * so memory per writer stays bounded whatever the shard size. No page checksums (every file has a SHA-256 in the
 * manifest). The bytes depend only on the rows and the codec (the footer holds no time).
 */
final class ParquetShardWriter
        implements Closeable
{
    static final long ROW_GROUP_BYTES = 16L << 20;
    /**
     * A page ends at 20,000 values or once its values reach this. 128 KiB rather than parquet-java's 1 MiB: a writer
     * fills one page per column at a time, and with csv alongside, pages of 1 MiB no longer stay in the core's cache
     * (load_test csv+parquet: 0.94-0.98x the wall time in 5 paired runs; 32 KiB was no faster).
     */
    static final int PAGE_BYTES = 128 << 10;
    /**
     * A chunk gives up its dictionary once the dictionary outgrows this. Measured with parquet-java's writer on
     * load_test: with 1 MiB every identifier column of a large parent (events.recipient_id and the like) first built
     * a 1 MiB dictionary in every row group, then fell back to plain; 128 KiB cost 9-13% less CPU for files 0.05%
     * larger. Names, cities and codes keep theirs.
     */
    static final int DICTIONARY_BYTES = 128 << 10;
    /** Rows between two checks of the row group's size. */
    private static final int CHECK_ROWS = 128;

    private final DigestingOutputFile output;
    private final ParquetFileLayout file;
    private final PageCompressor compressor;
    private final FieldType[] types;
    private final ParquetColumn[] columns;
    private long groupRows;
    private int unchecked;

    ParquetShardWriter(Path file, TableSchema schema, ParquetCompression compression)
            throws IOException
    {
        this(new DigestingOutputFile(file), schema, compression);
    }

    ParquetShardWriter(DigestingOutputFile output, TableSchema schema, ParquetCompression compression)
            throws IOException
    {
        this.output = output;
        MessageType message = ParquetSchemas.of(schema);
        this.file = new ParquetFileLayout(output.open(), message);
        this.compressor = new PageCompressor(compression, PAGE_BYTES);
        this.types = new FieldType[schema.columnCount()];
        this.columns = new ParquetColumn[types.length];
        for (int i = 0; i < types.length; i++) {
            Field field = schema.field(i);
            types[i] = field.type();
            boolean key = schema.primaryKey().equals(List.of(field.name()));
            columns[i] = new ParquetColumn(i, field, key, PAGE_BYTES, DICTIONARY_BYTES, compressor);
        }
    }

    void write(Row row)
            throws IOException
    {
        for (int i = 0; i < columns.length; i++) {
            ParquetColumn column = columns[i];
            if (row.isNull(i)) {
                column.writeNull();
            }
            else {
                switch (types[i]) {
                    case UUID -> column.writeUuid(row, i);
                    case STRING -> column.writeString(row.string(i));
                    case INTEGER, DECIMAL -> column.writeLong(row.longValue(i));
                    case BOOLEAN -> column.writeBoolean(row.longValue(i) != 0);
                    case DATE -> column.writeInt((int) row.longValue(i));
                    case DATETIME -> column.writeLong(row.longValue(i) * 1_000_000L);
                }
            }
            column.ended();
        }
        groupRows++;
        if (++unchecked == CHECK_ROWS) {
            unchecked = 0;
            long buffered = 0;
            for (ParquetColumn column : columns) {
                buffered += column.bufferedBytes();
            }
            if (buffered >= ROW_GROUP_BYTES) {
                flushRowGroup();
            }
        }
    }

    private void flushRowGroup()
            throws IOException
    {
        file.startRowGroup(groupRows);
        for (ParquetColumn column : columns) {
            column.writeTo(file);
        }
        compressor.dropFrom(0);
        groupRows = 0;
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            if (groupRows > 0) {
                flushRowGroup();
            }
            file.end();
        }
        finally {
            compressor.close();
            for (ParquetColumn column : columns) {
                column.release();
            }
            output.release();
        }
    }

    /** The finished file's size and SHA-256; valid after {@link #close}. */
    ShardFile finished(String path, long rows)
    {
        return new ShardFile(path, rows, output.bytes(), output.sha256());
    }
}
