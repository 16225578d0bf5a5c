package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.GenerationSettings;

import java.io.PrintWriter;
import java.util.List;

/** What a generation prints at its end: rows and bytes per table, then one total line. */
final class GenerationReport
{
    private GenerationReport() {}

    static void printSummary(PrintWriter out, GenerationSettings settings, DatasetSummary summary)
    {
        out.printf("%-30s %12s %12s %12s%n", "table", "rows", "csv", "parquet");
        List<String> tables = summary.files().stream().map(TableFiles::table).distinct().toList();
        long totalRows = 0;
        for (String table : tables) {
            long rows = 0;
            String csv = "-";
            String parquet = "-";
            for (TableFiles files : summary.files()) {
                if (!files.table().equals(table)) {
                    continue;
                }
                rows = files.rows();
                if (files.format() == DataFormat.CSV) {
                    csv = Format.bytes(files.bytes());
                }
                else {
                    parquet = Format.bytes(files.bytes());
                }
            }
            totalRows += rows;
            out.printf("%-30s %12s %12s %12s%n", table, Format.count(rows), csv, parquet);
        }
        printTotal(out, settings, summary, totalRows);
    }

    /** The summary's last line: rows, bytes, time and where the dataset went. */
    static void printTotal(PrintWriter out, GenerationSettings settings, DatasetSummary summary, long totalRows)
    {
        double seconds = Math.max(1e-9, summary.elapsedNanos() / 1e9);
        out.printf("%s rows, %s in %s (%s rows/s): scenario %s, seed %d, as of %s -> %s%n",
                Format.count(totalRows), Format.bytes(summary.bytes()), Format.seconds(summary.elapsedNanos()),
                Format.count((long) (totalRows / seconds)), settings.scenario().name(), settings.seed(), settings.asOf(), summary.out());
    }
}
