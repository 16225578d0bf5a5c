package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.dataset.Part;
import dev.simdata.dataset.ShardSpec;
import dev.simdata.app.GenerateDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--part", paramLabel = "K/N", converter = Converters.PartConverter.class,
            description = "Also print part K of N's estimated share, as 'generate --part K/N' would write it.")
    Part part;

    @Override
    public Integer call()
            throws IOException
    {
        DataOptions.Resolved resolved = data.resolve();
        int code = PlanReport.print(spec.commandLine().getOut(), resolved);
        if (part != null) {
            PlanReport.printPart(spec.commandLine().getOut(), resolved, part);
        }
        return code;
    }

}
