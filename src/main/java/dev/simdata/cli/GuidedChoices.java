package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** The guided session's first step: a scenario from the menu and, if asked for, its customisation; what {@code generate} will be given. */
final class GuidedChoices
{

    final Scenario preset;
    Double scale;
    int historyMonths;
    Features features;
    long seed = GenerationSettings.DEFAULT_SEED;
    List<DataFormat> formats = List.of(DataFormat.CSV, DataFormat.PARQUET);
    Path out;

    GuidedChoices(Scenario preset)
    {
        this.preset = preset;
        this.historyMonths = preset.historyMonths();
        this.features = preset.features();
    }

    /** Whether the scenario needs a {@code --config} file: no flag sets the history or the features. */
    boolean needsConfig()
    {
        return historyMonths != preset.historyMonths() || !features.equals(preset.features());
    }

    /** The scenario as the {@code --config} file states it, before {@code --scale}. */
    ScenarioConfig config()
    {
        ScenarioConfig base = ScenarioConfig.of(preset);
        if (!needsConfig()) {
            return base;
        }
        Scenario custom = new Scenario(preset.name() + "_custom", "a custom scenario based on " + preset.name(), preset.organizations(), preset.clients(),
                preset.users(), preset.contacts(), preset.campaigns(), preset.recipientsPerCampaign(), historyMonths, features);
        return new ScenarioConfig(base.base(), custom, base.zone(), base.rates());
    }

    /** The scenario that {@code --config} and {@code --scale} make; the scale was checked when it was asked. */
    ScenarioConfig effective()
    {
        return scale == null ? config() : config().scaled(scale);
    }

    Path defaultOut()
    {
        return Path.of("output", effective().scenario().name());
    }

    Path configFile()
    {
        return Path.of(out + ".yaml");
    }

    /** Asks for a scenario and, when the user wants to, scale, history, features, seed, formats and output folder. */
    static GuidedChoices ask(Prompts prompts, PrintWriter out)
    {
        GuidedChoices choices = new GuidedChoices(chooseScenario(prompts, out));
        if (prompts.yesNo("Customise scale, history, features, seed, formats or output folder?", false)) {
            customise(prompts, out, choices);
        }
        return choices;
    }

    private static Scenario chooseScenario(Prompts prompts, PrintWriter out)
    {
        out.println("Scenarios:");
        Presets.printPresets(out, true);
        List<Scenario> presets = Scenario.PRESETS;
        return prompts.ask("Scenario (number or name)", "1", answer -> {
            if (answer.matches("[0-9]+")) {
                int index = Integer.parseInt(answer) - 1;
                if (index >= 0 && index < presets.size()) {
                    return presets.get(index);
                }
            }
            return Scenario.preset(answer).orElseThrow(() -> new IllegalArgumentException(
                    "expected a number from 1 to " + presets.size() + " or one of " + String.join(", ", Scenario.presetNames())));
        });
    }

    private static void customise(Prompts prompts, PrintWriter out, GuidedChoices choices)
    {
        Scenario preset = choices.preset;
        choices.scale = prompts.ask("Scale: multiplies organizations, clients, users, contacts and campaigns", "1", answer -> {
            double scale;
            try {
                scale = Double.parseDouble(answer);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number such as 0.5 or 4, got '" + answer + "'");
            }
            Presets.effective(preset, null, scale);
            return scale == 1.0 ? null : scale;
        });
        choices.historyMonths = prompts.ask("History in months (1 to 120)", Integer.toString(preset.historyMonths()), answer -> {
            int months = parseWhole(answer);
            if (months < 1 || months > 120) {
                throw new IllegalArgumentException("expected a whole number from 1 to 120, got " + answer);
            }
            return months;
        });
        out.println("Features: call_center (tracked numbers, calls, SMS opt-ins), gift_cards (brands, reward conditions, inventory;");
        out.println("  issued on calls, so deliveries need call_center), analytics (performance_metrics, usage_analytics), error_logs");
        choices.features = prompts.ask("Features, comma-separated, or none", preset.features().names(), GuidedChoices::parseFeatures);
        choices.seed = prompts.ask("Seed", Long.toString(choices.seed), answer -> {
            try {
                return Long.parseLong(answer);
            }
            catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number, got '" + answer + "'");
            }
        });
        choices.formats = prompts.ask("Formats: csv, parquet or csv,parquet", "csv,parquet", answer -> {
            List<DataFormat> formats = new ArrayList<>();
            for (String word : answer.split(",")) {
                formats.add(DataFormat.parse(word.strip()).orElseThrow(() -> new IllegalArgumentException("expected csv, parquet or csv,parquet, got '" + answer + "'")));
            }
            return List.copyOf(EnumSet.copyOf(formats));
        });
        choices.out = askOutput(prompts, choices);
    }

    static Path askOutput(Prompts prompts, GuidedChoices choices)
    {
        return prompts.ask("Output folder", choices.defaultOut().toString(), answer -> {
            Path path = Path.of(answer).normalize();
            if (path.getFileName() == null || path.getFileName().toString().isEmpty() || path.getFileName().toString().equals("..")) {
                throw new IllegalArgumentException("name a folder, such as output/" + choices.effective().scenario().name());
            }
            return path;
        });
    }

    private static Features parseFeatures(String answer)
    {
        boolean[] values = new boolean[Features.NAMES.size()];
        if (!answer.equalsIgnoreCase("none")) {
            for (String word : answer.split(",")) {
                int index = Features.NAMES.indexOf(word.strip().toLowerCase(Locale.ROOT));
                if (index < 0) {
                    throw new IllegalArgumentException("unknown feature '" + word.strip() + "'; expected some of " + String.join(", ", Features.NAMES) + ", or none");
                }
                values[index] = true;
            }
        }
        return Features.of(values);
    }

    static int parseWhole(String answer)
    {
        try {
            return Integer.parseInt(answer);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a whole number, got '" + answer + "'");
        }
    }
}
