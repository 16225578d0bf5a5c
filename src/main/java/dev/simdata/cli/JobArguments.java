package dev.simdata.cli;

import dev.simdata.app.GenerateRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The {@code generate} options read by programs other than the CLI (the Spark job and the Spark data source), with
 * the very same flags, defaults and checks, so that the same flags mean the same dataset everywhere. {@code --out}
 * is a URI there (any Hadoop FileSystem path), not a local folder.
 */
public final class JobArguments
{
    private JobArguments() {}

    /**
     * @param request the settings and file options; its {@code out} is a placeholder, the job writes to {@code out}
     * @param out the {@code --out} value as given, or null when the caller needs none
     */
    public record Job(GenerateRequest request, String out)
    {
        public Job
        {
            requireNonNull(request, "request is null");
        }
    }

    @Command(name = "simdata-spark")
    static final class Flags
    {
        @Mixin
        DataOptions data;

        @Option(names = {"-o", "--out"}, paramLabel = "URI")
        String out;
    }

    /**
     * @throws UserException one line naming the flag that is wrong
     */
    public static Job parse(String... args)
    {
        Flags flags = new Flags();
        CommandLine commandLine = new CommandLine(flags);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            commandLine.parseArgs(args);
        }
        catch (CommandLine.ParameterException e) {
            throw new UserException(Cli.oneLine(e.getMessage()));
        }
        DataOptions.Resolved resolved = flags.data.resolve();
        return new Job(resolved.request(Path.of("."), false, false), flags.out);
    }
}
