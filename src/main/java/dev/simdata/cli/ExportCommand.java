package dev.simdata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Exports a dataset folder for other tools: 'export duckdb' (one .duckdb file for BI tools) or 'export sql' (Supabase migration and seed files).",
        subcommands = {ExportDuckdbCommand.class, ExportSqlCommand.class})
final class ExportCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT;
    }
}
