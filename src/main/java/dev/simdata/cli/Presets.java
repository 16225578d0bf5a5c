package dev.simdata.cli;

import dev.simdata.scenario.Features;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;

import java.io.PrintWriter;
import java.nio.file.Path;

/** The presets as the commands and the guided session show them, and a scenario made of a preset, a config file and a scale. */
final class Presets
{
    private Presets() {}

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
}
