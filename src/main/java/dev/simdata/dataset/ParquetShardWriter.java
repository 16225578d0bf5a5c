package dev.simdata.dataset;

import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.nio.file.Path;

/**
 * Writes one Parquet shard through {@link RowWriteSupport}, straight from the reused row, with the schema derived
 * from {@code schemas/}. Row groups are capped at {@link #ROW_GROUP_BYTES} so that memory per writer stays bounded
 * whatever the shard size. No page checksums (every file has a SHA-256 in the manifest). The bytes depend only on
 * the rows, the codec and the parquet-java version (the footer names it; it holds no time).
 */
final class ParquetShardWriter
        implements Closeable
{
    static final long ROW_GROUP_BYTES = 16L << 20;
    static final int PAGE_BYTES = 1 << 20;
    /**
     * A dictionary is given up once it outgrows this. Measured on load_test (parquet only, 2 threads, paired runs):
     * with parquet-java's 1 MiB every identifier column of a large parent (events.recipient_id and the like) and
     * every timestamp first builds a 1 MiB dictionary in every row group, then falls back to plain; 128 KiB costs
     * 9-13% less CPU for files 0.05% larger (64 KiB: 8%, +0.7%; 16 KiB: 7%, +1.5%). Names, cities and codes keep
     * theirs.
     */
    static final int DICTIONARY_BYTES = 128 << 10;

    private final DigestingOutputFile output;
    private final ParquetWriter<Row> writer;

    ParquetShardWriter(Path file, TableSchema schema, ParquetCompression compression)
            throws IOException
    {
        this(new DigestingOutputFile(file), schema, compression);
    }

    ParquetShardWriter(DigestingOutputFile output, TableSchema schema, ParquetCompression compression)
            throws IOException
    {
        this.output = output;
        Builder builder = new Builder(output, schema);
        for (Field field : schema.fields()) {
            if (field.unique() || schema.primaryKey().equals(List.of(field.name()))) {
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
                .withCompressionCodec(compression.codec())
                .withRowGroupSize(ROW_GROUP_BYTES)
                .withPageSize(PAGE_BYTES)
                .withDictionaryPageSize(DICTIONARY_BYTES)
                .withPageWriteChecksumEnabled(false)
                .withSizeStatisticsEnabled(false)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    void write(Row row)
            throws IOException
    {
        writer.write(row);
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            writer.close();
        }
        finally {
            output.release();
        }
    }

    /** The finished file's size and SHA-256; valid after {@link #close}. */
    ShardFile finished(String path, long rows)
    {
        return new ShardFile(path, rows, output.bytes(), output.sha256());
    }

    private static final class Builder
            extends ParquetWriter.Builder<Row, Builder>
    {
        private final TableSchema schema;

        Builder(OutputFile file, TableSchema schema)
        {
            super(file);
            this.schema = schema;
        }

        @Override
        protected Builder self()
        {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(org.apache.hadoop.conf.Configuration configuration)
        {
            return new RowWriteSupport(schema);
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(ParquetConfiguration configuration)
        {
            return new RowWriteSupport(schema);
        }
    }
}
