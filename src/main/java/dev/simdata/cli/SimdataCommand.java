package dev.simdata.cli;

import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(
        name = "simdata",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Generates deterministic synthetic datasets for a direct-mail marketing platform.",
                "On a terminal, 'simdata' alone starts a guided session: choose a scenario, see",
                "the plan, generate, load and validate; it ends with the equivalent commands.",
                "Without a terminal it prints this help and exits with code 2."},
        subcommands = {GenerateCommand.class, PlanCommand.class, ScenariosCommand.class, LoadCommand.class, ValidateCommand.class, MergeCommand.class, ExportCommand.class, DiffCommand.class, SchemaCommand.class},
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
            throws IOException
    {
        Optional<Terminal> terminal = SystemTerminal.open();
        if (terminal.isEmpty()) {
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCode.INVALID_INPUT;
        }
        try (Terminal opened = terminal.get()) {
            return new GuidedSession(opened, System.getenv(), Path.of(System.getProperty("user.home"))).run();
        }
    }
}
