package dev.simdata.cli;

import dev.simdata.scenario.Features;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(
        name = "scenarios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Lists the preset scenarios with their target row counts and history length.",
                "With --show, prints one scenario's effective configuration in the --config file format, to copy and edit."})
final class ScenariosCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = "--show", paramLabel = "NAME", converter = Converters.ScenarioConverter.class,
            description = "Print this preset's effective configuration (after --scale and --config).")
    Scenario show;

    @Option(names = "--scale", paramLabel = "F", description = "With --show: multiply the exact volumes by F.")
    Double scale;

    @Option(names = "--config", paramLabel = "FILE", description = "With --show: apply this configuration file.")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", description = "With --show: yaml or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            ScenarioConfig effective = Presets.effective(show, config, scale);
            switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "yaml", "yml" -> out.print(effective.toYaml());
                case "json" -> out.print(effective.toJson());
                default -> throw new UserException("--format must be yaml or json, got '" + format + "'");
            }
            out.flush();
            return ExitCode.OK;
        }
        if (scale != null || config != null) {
            throw new UserException("--scale and --config go with --show NAME");
        }
        Presets.printPresets(out, false);
        out.println();
        out.println("Organizations, clients, users, contacts and campaigns are exact; recipients follow from campaigns");
        out.println("(never more per campaign than the client's contacts); events follow from the journey rates.");
        out.println("Features: call_center, gift_cards, analytics (metrics, usage) and error_logs; --config can switch them.");
        return ExitCode.OK;
    }
}
