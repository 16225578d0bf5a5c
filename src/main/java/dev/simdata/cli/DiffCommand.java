package dev.simdata.cli;

import dev.simdata.diff.DatasetDiff;
import dev.simdata.diff.DiffReport;
import dev.simdata.diff.DiffWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Compares two dataset folders: provenance, then per table the columns, the row counts, and rows added, removed and changed by primary key.",
                "Exit codes: 0 identical, 1 they differ, 2 invalid input (not a dataset, a file failing its checksum), 3 could not run."})
final class DiffCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD_DIR", description = "The dataset before the change.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW_DIR", description = "The dataset after the change.")
    Path after;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "0", description = "Show up to N example keys per table for added, removed and changed rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call()
            throws Exception
    {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserException("--format must be text or json, got '" + format + "'");
        }
        if (rows < 0 || rows > 10_000) {
            throw new UserException("--rows must be between 0 and 10000, got " + rows);
        }
        DiffReport report = DatasetDiff.diff(before, after, rows);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format.equals("json") ? DiffWriter.json(report) : DiffWriter.text(report));
        out.flush();
        return report.identical() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
