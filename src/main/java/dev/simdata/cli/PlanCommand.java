package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.app.GenerateDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Prints what 'generate' with the same options would make, before anything is written: estimated rows per table,",
                "bytes per format and time. Rows come from the scenario's arithmetic, bytes from a small calibration sample,",
                "time from throughput measured on a 2-core machine."})
final class PlanCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Override
    public Integer call()
            throws IOException
    {
        return print(spec.commandLine().getOut(), data.resolve());
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
