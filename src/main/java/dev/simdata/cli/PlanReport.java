package dev.simdata.cli;

import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.dataset.Part;
import dev.simdata.dataset.ShardSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plan as {@code plan}, {@code generate --dry-run} and the guided session print it. */
final class PlanReport
{
    private PlanReport() {}

    /**
     * The part's share, from the estimated rows cut into shards of {@code --shard-rows} and split as generate splits
     * the real shards (largest first, to the part with the fewest rows).
     */
    static void printPart(PrintWriter out, DataOptions.Resolved resolved, Part part)
            throws IOException
    {
        DatasetPlanner.Plan plan = GenerateDataset.plan(resolved.request(java.nio.file.Path.of("output", resolved.settings().scenario().name()), false, true));
        Map<String, List<ShardSpec>> shards = new LinkedHashMap<>();
        for (DatasetPlanner.TablePlan table : plan.tables()) {
            List<ShardSpec> specs = new ArrayList<>();
            for (long start = 0; start < table.rows() || specs.isEmpty(); start += resolved.shardRows()) {
                specs.add(new ShardSpec(specs.size(), start, 0, Math.min(resolved.shardRows(), Math.max(0, table.rows() - start))));
            }
            shards.put(table.table(), specs);
        }
        int[][] owners = Part.assign(shards, part.n());
        long rows = 0;
        long bytes = 0;
        int mine = 0;
        int total = 0;
        int t = 0;
        for (DatasetPlanner.TablePlan table : plan.tables()) {
            for (ShardSpec shard : shards.get(table.table())) {
                total++;
                if (owners[t][shard.index()] == part.k() - 1) {
                    mine++;
                    rows += shard.rows();
                    bytes += table.rows() == 0 ? 0 : (table.csvBytes() + table.parquetBytes()) * shard.rows() / table.rows();
                }
            }
            t++;
        }
        out.printf(Locale.ROOT, "part %s (est.): %s rows (%.1f%%) in %d of %d shards, %s; merge all %d parts with 'simdata merge'%n",
                part, Format.count(rows), plan.rows() == 0 ? 0.0 : 100.0 * rows / plan.rows(), mine, total, Format.bytes(bytes), part.n());
        out.flush();
    }

    static int print(PrintWriter out, DataOptions.Resolved resolved)
            throws IOException
    {
        DatasetPlanner.Plan plan = GenerateDataset.plan(resolved.request(java.nio.file.Path.of("output", resolved.settings().scenario().name()), false, true));
        boolean csv = resolved.formats().contains(DataFormat.CSV);
        boolean parquet = resolved.formats().contains(DataFormat.PARQUET);
        out.printf("plan for scenario %s, seed %d, as of %s, %s, %d thread%s%n", resolved.settings().scenario().name(), resolved.settings().seed(),
                resolved.settings().asOf(), String.join("+", resolved.formats().stream().map(DataFormat::id).toList()), resolved.threads(), resolved.threads() == 1 ? "" : "s");
        out.printf("%-30s %14s %12s %12s%n", "table", "rows (est.)", csv ? "csv" : "", parquet ? "parquet" : "");
        long csvBytes = 0;
        long parquetBytes = 0;
        for (DatasetPlanner.TablePlan table : plan.tables()) {
            out.printf("%-30s %14s %12s %12s%n", table.table(), Format.count(table.rows()), csv ? Format.bytes(table.csvBytes()) : "", parquet ? Format.bytes(table.parquetBytes()) : "");
            csvBytes += table.csvBytes();
            parquetBytes += table.parquetBytes();
        }
        out.printf("%-30s %14s %12s %12s%n", "total", Format.count(plan.rows()), csv ? Format.bytes(csvBytes) : "", parquet ? Format.bytes(parquetBytes) : "");
        out.printf(Locale.ROOT, "estimated time: %.1f s on %d thread%s (calibrated on a 2-core machine); nothing was written%n",
                plan.seconds(), resolved.threads(), resolved.threads() == 1 ? "" : "s");
        out.flush();
        return ExitCode.OK;
    }
}
