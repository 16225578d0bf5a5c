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

    @Option(names = "--show", paramLabel = "NAME", converter = GenerateCommand.ScenarioConverter.class,
            description = "Print this preset's effective configuration (after --scale and --config).")
    Scenario show;

    @Option(names = "--scale", paramLabel = "F", description = "With --show: multiply the exact volumes by F.")
    Double scale;

    @Option(names = "--config", paramLabel = "FILE", description = "With --show: apply this configuration file.")
    Path config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml", description = "With --show: yaml or json (default: ${DEFAULT-VALUE}).")
    String format;

    /**
     * The effective scenario of a preset, a configuration file and a scale.
     *
     * @throws UserException naming --config or --scale
     */
    static ScenarioConfig effective(Scenario preset, Path config, Double scale)
    {
        ScenarioConfig effective;
        try {
            effective = config == null ? ScenarioConfig.of(preset) : ScenarioConfig.read(config, preset);
        }
        catch (ScenarioConfig.ConfigException e) {
            throw new UserException("--config " + e.getMessage());
        }
        if (scale == null) {
            return effective;
        }
        if (!(scale > 0) || scale > 10_000) {
            throw new UserException("--scale must be a positive number up to 10000, got " + scale);
        }
        try {
            return effective.scaled(scale);
        }
        catch (IllegalArgumentException e) {
            throw new UserException("--scale " + scale + ": " + e.getMessage());
        }
    }

    /** The presets with their volumes and history, one a line; {@code numbered} adds a menu number before each. */
    static void printPresets(PrintWriter out, boolean numbered)
    {
        String number = numbered ? "%3s  " : "%s";
        out.printf(number + "%-12s %6s %8s %6s %9s %10s %12s %9s  %-26s %s%n",
                "", "scenario", "orgs", "clients", "users", "contacts", "campaigns", "recipients", "history", "features", "description");
        for (int i = 0; i < Scenario.PRESETS.size(); i++) {
            Scenario scenario = Scenario.PRESETS.get(i);
            out.printf(number + "%-12s %6d %8d %6d %9d %10d %12s %9s  %-26s %s%n",
                    numbered ? (i + 1) + ")" : "",
                    scenario.name(),
                    scenario.organizations(),
                    scenario.clients(),
                    scenario.users(),
                    scenario.contacts(),
                    scenario.campaigns(),
                    "~" + (long) scenario.campaigns() * Math.min(scenario.recipientsPerCampaign(), scenario.contacts() / scenario.clients()),
                    scenario.historyMonths() + (scenario.historyMonths() == 1 ? " month" : " months"),
                    scenario.features().equals(Features.ALL) ? "all" : scenario.features().names(),
                    scenario.description());
        }
    }

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        if (show != null) {
            ScenarioConfig effective = effective(show, config, scale);
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
        printPresets(out, false);
        out.println();
        out.println("Organizations, clients, users, contacts and campaigns are exact; recipients follow from campaigns");
        out.println("(never more per campaign than the client's contacts); events follow from the journey rates.");
        out.println("Features: call_center, gift_cards, analytics (metrics, usage) and error_logs; --config can switch them.");
        return ExitCode.OK;
    }
}
