package dev.simdata.cli;

import dev.simdata.export.DuckdbExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
        name = "duckdb",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Writes the dataset to one DuckDB database file: a table per dataset table with the schema's types and keys, and a simdata_dataset table with the manifest.",
                "The dataset's checksums are verified first; the file is written under a temporary name and renamed.",
                "Exit codes: 0 written, 2 invalid input, 3 could not run."})
final class ExportDuckdbCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset folder.")
    Path dataset;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The DuckDB file to write, e.g. demo.duckdb (replaced if it exists).")
    Path out;

    @Override
    public Integer call()
            throws Exception
    {
        Map<String, Long> rows = DuckdbExport.export(dataset, out);
        spec.commandLine().getOut().println("wrote " + out + ": " + rows.size() + " tables, " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows");
        return ExitCode.OK;
    }
}
