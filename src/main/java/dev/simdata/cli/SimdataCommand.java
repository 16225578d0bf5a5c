package dev.simdata.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(
        name = "simdata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generates deterministic synthetic datasets for a direct-mail marketing platform.",
        subcommands = {GenerateCommand.class, PlanCommand.class, ScenariosCommand.class, LoadCommand.class, ValidateCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  success",
                "  1  a check failed",
                "  2  invalid input (the message names the flag, file or folder)",
                "  3  could not run (I/O or database failure)",
                "  4  internal error (a bug in simdata)",
                "130  interrupted"})
final class SimdataCommand
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
