package dev.simdata.cli;

import dev.simdata.export.SqlExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Writes a Supabase-style folder: migrations/<as-of>000000_simdata_schema.sql (tables and keys from schemas/) and seed/NN_<table>.sql (multi-row INSERTs in foreign-key order).",
                "Run the migration, then the seed files in name order. The dataset's checksums are verified before anything is written.",
                "Exit codes: 0 written, 2 invalid input, 3 could not run."})
final class ExportSqlCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset folder.")
    Path dataset;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The folder to create (must not exist).")
    Path out;

    @Option(names = "--gzip", description = "Write the seed files as .sql.gz.")
    boolean gzip;

    @Override
    public Integer call()
            throws Exception
    {
        Map<String, Long> rows = SqlExport.export(dataset, out, gzip);
        spec.commandLine().getOut().println("wrote " + out + ": 1 migration, " + rows.size() + " seed files, " + rows.values().stream().mapToLong(Long::longValue).sum() + " rows");
        return ExitCode.OK;
    }
}
