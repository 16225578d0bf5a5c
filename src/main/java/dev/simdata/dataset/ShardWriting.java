package dev.simdata.dataset;

import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Produces one shard of a table into every chosen format at once, with the project's own writers, into streams the
 * caller opens: local temporary files ({@link DatasetWriter}) or a Hadoop FileSystem's (the Spark job). The caller
 * makes them durable and renames them; the bytes depend only on the rows, the formats and the codec.
 */
public final class ShardWriting
{
    private static final int PROGRESS_BATCH = 4_096;

    private ShardWriting() {}

    /** Opens the stream one format's file of the shard is written to; the writer closes it. */
    public interface Target
    {
        OutputStream open(DataFormat format, String path)
                throws IOException;
    }

    /**
     * Writes the shard and returns its files (final paths, rows, bytes and SHA-256), in the order of {@code formats}.
     * Closes every stream it opened, also when it fails.
     */
    public static List<ShardFile> write(TableSource source, ShardSpec shard, List<DataFormat> formats, ParquetCompression compression,
            Target target, GenerationProgress progress)
            throws IOException
    {
        TableSchema schema = source.schema();
        String table = schema.name();
        List<String> paths = new ArrayList<>();
        for (DataFormat format : formats) {
            paths.add(format.shardPath(table, shard.index()));
        }
        CsvShardWriter csv = null;
        ParquetShardWriter parquet = null;
        try {
            for (int f = 0; f < formats.size(); f++) {
                DataFormat format = formats.get(f);
                String path = paths.get(f);
                if (format == DataFormat.CSV) {
                    csv = new CsvShardWriter(target.open(format, path), schema);
                }
                else {
                    parquet = new ParquetShardWriter(new DigestingOutputFile(() -> target.open(format, path)), schema, compression);
                }
            }
            ShardSink sink = new ShardSink(csv, parquet, table, progress);
            produce(source, shard, sink);
            sink.finish();
        }
        finally {
            closeAll(csv, parquet);
        }
        List<ShardFile> files = new ArrayList<>();
        for (int f = 0; f < formats.size(); f++) {
            files.add(formats.get(f) == DataFormat.CSV ? csv.finished(paths.get(f)) : parquet.finished(paths.get(f), shard.rows()));
        }
        return files;
    }

    /** Emits exactly the shard's rows. */
    private static void produce(TableSource source, ShardSpec shard, RowSink sink)
    {
        ShardCursor cursor = new ShardCursor(source, shard);
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancelledException();
            }
        }
        while (cursor.next(sink));
    }

    private static final class ShardSink
            implements RowSink
    {
        private final CsvShardWriter csv;
        private final ParquetShardWriter parquet;
        private final String table;
        private final GenerationProgress progress;
        private int unreported;

        ShardSink(CsvShardWriter csv, ParquetShardWriter parquet, String table, GenerationProgress progress)
        {
            this.csv = csv;
            this.parquet = parquet;
            this.table = table;
            this.progress = progress;
        }

        @Override
        public void accept(Row row)
        {
            try {
                if (csv != null) {
                    csv.write(row);
                }
                if (parquet != null) {
                    parquet.write(row);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (++unreported == PROGRESS_BATCH) {
                progress.advanced(table, unreported);
                unreported = 0;
            }
        }

        void finish()
        {
            progress.advanced(table, unreported);
            unreported = 0;
        }
    }

    /** Thrown in a worker whose thread was interrupted: the run is being cancelled. */
    private static final class CancelledException
            extends RuntimeException
    {
        CancelledException()
        {
            super("cancelled", null, false, false);
        }
    }

    private static void closeAll(AutoCloseable... closeables)
            throws IOException
    {
        IOException failure = null;
        for (AutoCloseable closeable : closeables) {
            if (closeable == null) {
                continue;
            }
            try {
                closeable.close();
            }
            catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            catch (Exception e) {
                failure = failure == null ? new IOException(e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
