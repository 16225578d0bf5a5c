package dev.simdata.dataset;

import dev.simdata.schema.Row;
import dev.simdata.schema.TableSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates a dataset before anything is written: rows from each source's arithmetic, bytes per format from a small
 * calibration sample (about ten thousand rows per table, spread over the whole table, written through the real writers
 * to a temporary folder that is deleted afterwards), and time from throughput measured on a 2-core machine.
 */
public final class DatasetPlanner
{
    /** The rows a calibration sample aims at: enough for Parquet's dictionaries and pages to reach their usual ratio. */
    private static final long SAMPLE_ROWS = 10_000;
    /** The most units a sample visits, for tables whose units mostly yield no row. */
    private static final long MAX_SAMPLE_UNITS = 200_000;
    /** A Parquet file's fixed bytes beside its footer: the magic at its start and end, and the footer's length. */
    private static final long PARQUET_FRAME_BYTES = 4 + 4 + 4;
    /**
     * Measured end to end through scripts/simdata on a 2-core machine (0.3.3): the demo in 0.6-0.7 s (start), load_test
     * with both formats in 5.0 s on one thread (rows at this rate), csv alone 1.35 and parquet alone 1.45 times as fast.
     */
    private static final double START_SECONDS = 0.6;
    private static final double ROWS_PER_SECOND_ONE_THREAD = 1_080_000;
    private static final double CSV_ONLY_FACTOR = 1.35;
    private static final double PARQUET_ONLY_FACTOR = 1.45;
    /** Measured: two threads run 1.5 times as fast as one (load_test, both formats: 3.5 s; the JIT shares the cores). */
    private static final double THREAD_EXPONENT = 0.585;

    private DatasetPlanner() {}

    public record TablePlan(String table, long rows, long csvBytes, long parquetBytes) {}

    public record Plan(List<TablePlan> tables, double seconds)
    {
        public Plan
        {
            tables = List.copyOf(tables);
        }

        public long rows()
        {
            return tables.stream().mapToLong(TablePlan::rows).sum();
        }
    }

    public static Plan plan(List<TableSource> sources, List<DataFormat> formats, long shardRows, ParquetCompression compression, int threads)
            throws IOException
    {
        Path sample = Files.createTempDirectory("simdata-plan-");
        try {
            List<TablePlan> tables = new ArrayList<>();
            for (TableSource source : sources) {
                long rows = source.estimatedRows();
                long[] sampleBytes = new long[3];
                long sampleRows = writeSample(source, sample, formats, compression, sampleBytes);
                double perRowCsv = sampleRows == 0 ? 0 : (double) sampleBytes[0] / sampleRows;
                double perRowParquet = sampleRows == 0 ? 0 : (double) sampleBytes[1] / sampleRows;
                long shards = Math.max(1, (rows + shardRows - 1) / shardRows);
                long header = source.schema().csvHeader().length() + 1;
                tables.add(new TablePlan(source.schema().name(), rows,
                        formats.contains(DataFormat.CSV) ? Math.round(rows * perRowCsv) + shards * header : 0,
                        formats.contains(DataFormat.PARQUET) ? Math.round(rows * perRowParquet) + shards * sampleBytes[2] : 0));
            }
            double formatFactor = formats.size() == 2 ? 1.0 : formats.contains(DataFormat.CSV) ? CSV_ONLY_FACTOR : PARQUET_ONLY_FACTOR;
            long rows = tables.stream().mapToLong(TablePlan::rows).sum();
            double seconds = START_SECONDS + rows / (ROWS_PER_SECOND_ONE_THREAD * formatFactor * Math.pow(Math.max(1, threads), THREAD_EXPONENT));
            return new Plan(tables, seconds);
        }
        finally {
            Folders.deleteTree(sample);
        }
    }

    /**
     * Writes rows of evenly spaced units, about {@link #SAMPLE_ROWS} of them whatever the rows per unit (a table
     * whose units are mostly empty, such as gift cards per recipient, is sampled more densely); returns the rows
     * written and adds the bytes of each format per row, and the bytes a Parquet file pays once (its footer).
     */
    private static long writeSample(TableSource source, Path folder, List<DataFormat> formats, ParquetCompression compression, long[] bytes)
            throws IOException
    {
        long units = source.unitCount();
        if (units == 0) {
            return 0;
        }
        long stride = Math.max(1, Math.max(source.estimatedRows() / SAMPLE_ROWS, units / MAX_SAMPLE_UNITS));
        String table = source.schema().name();
        CsvShardWriter csv = new CsvShardWriter(folder.resolve(table + ".csv"), source.schema());
        ParquetShardWriter parquet = new ParquetShardWriter(folder.resolve(table + ".parquet"), source.schema(), compression);
        long[] rows = {0};
        try (csv; parquet) {
            TableSource.Cursor cursor = source.open();
            for (long unit = 0; unit < units; unit += stride) {
                cursor.emit(unit, (Row row) -> {
                    try {
                        csv.write(row);
                        parquet.write(row);
                    }
                    catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    rows[0]++;
                });
            }
        }
        // the header and the Parquet footer are paid once per shard, not per row: leave them out of the rate
        bytes[0] += Files.size(folder.resolve(table + ".csv")) - (source.schema().csvHeader().length() + 1);
        Path parquetFile = folder.resolve(table + ".parquet");
        long once = PARQUET_FRAME_BYTES + footerLength(parquetFile);
        bytes[1] += Math.max(0, Files.size(parquetFile) - once);
        bytes[2] = once;
        return rows[0];
    }

    /** The length of a Parquet file's footer, as its last eight bytes give it (little-endian, before the magic). */
    private static long footerLength(Path parquet)
            throws IOException
    {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(parquet)) {
            java.nio.ByteBuffer tail = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            channel.read(tail, channel.size() - 8);
            return Integer.toUnsignedLong(tail.getInt(0));
        }
    }
}
