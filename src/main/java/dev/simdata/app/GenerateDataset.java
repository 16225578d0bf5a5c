package dev.simdata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetReplacer;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.DatasetWriter;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.Part;
import dev.simdata.generate.Generators;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.ScenarioConfig;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.TableSource;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The generate use case: the generators' table sources written as a dataset, with a manifest that records
 * everything that decided its bytes. Callable from tests without a shell.
 */
public final class GenerateDataset
{
    /** More bytes per row per format than any table takes: free space above it needs no calibrated estimate. */
    private static final long GENEROUS_BYTES_PER_ROW = 4_096;

    private GenerateDataset() {}

    /**
     * Writes the dataset into {@code request.options().out()} by the one replace protocol ({@link DatasetReplacer}):
     * staged beside the folder and moved in only when complete, after a free-space check against the plan unless
     * the options turn it off.
     *
     * @param notes one-line notes for the user from the replace (a stale lock removed, say)
     */
    public static DatasetSummary run(GenerateRequest request, GenerationProgress progress, Consumer<String> notes)
            throws IOException, InterruptedException
    {
        GenerationSettings settings = request.settings();
        DatasetOptions options = request.options();
        List<TableSource> sources = Generators.sources(settings);
        DatasetReplacer.Target target = new DatasetReplacer.Target(options.out(), options.force(), neededBytes(sources, options), notes);
        DatasetSummary summary = DatasetReplacer.replace(target, staging -> write(settings, options.withOut(staging), sources, progress));
        return new DatasetSummary(options.out(), summary.files(), summary.elapsedNanos());
    }

    /** The same, for callers without a console (tests). */
    public static DatasetSummary run(GenerationSettings settings, DatasetOptions options, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        return run(new GenerateRequest(settings, options), progress, note -> {});
    }

    /** Writes only part {@code part}'s shards into {@code options.out()}, with a {@code part.json} for {@code merge}. */
    public static DatasetSummary runPart(GenerationSettings settings, DatasetOptions options, Part part, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        DatasetWriter writer = new DatasetWriter(options, progress, part);
        return writer.write(datasetName(settings), Generators.sources(settings), provenance(settings, options));
    }

    private static DatasetSummary write(GenerationSettings settings, DatasetOptions options, List<TableSource> sources, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        DatasetWriter writer = new DatasetWriter(options, progress);
        return writer.write(datasetName(settings), sources, provenance(settings, options));
    }

    /**
     * The bytes the plan estimates, when the file system might lack them; 0 when the check is off or the space is
     * plainly enough (more than a generous bound per row), which spares the calibration sample.
     */
    private static long neededBytes(List<TableSource> sources, DatasetOptions options)
            throws IOException
    {
        if (!options.spaceCheck()) {
            return 0;
        }
        long rows = sources.stream().mapToLong(TableSource::estimatedRows).sum();
        long usable = DatasetReplacer.usableSpace(options.out());
        if (usable / GENEROUS_BYTES_PER_ROW / options.formats().size() > rows) {
            return 0;
        }
        DatasetPlanner.Plan plan = DatasetPlanner.plan(sources, options.orderedFormats(), options.shardRows(), options.compression(), options.threads());
        long bytes = plan.tables().stream().mapToLong(table -> table.csvBytes() + table.parquetBytes()).sum();
        return bytes + bytes / 20;
    }

    /** Estimates the dataset the request would make, writing nothing but a small calibration sample it deletes. */
    public static DatasetPlanner.Plan plan(GenerateRequest request)
            throws IOException
    {
        DatasetOptions options = request.options();
        return DatasetPlanner.plan(Generators.sources(request.settings()), options.orderedFormats(), options.shardRows(), options.compression(), options.threads());
    }

    /**
     * Whether the output folder already holds a complete dataset made with exactly these settings and options (same
     * generator version): then a run without {@code --force} may reproduce it and compare instead of refusing.
     */
    public static boolean holdsSameProvenance(GenerateRequest request)
    {
        Path out = request.options().out();
        Path manifest = out.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(out.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
            return false;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode existing = json.readTree(Files.readAllBytes(manifest)).path("simdata");
            // through text, so that numbers compare by value rather than by node class (int versus long)
            return existing.equals(json.readTree(provenance(request.settings(), request.options()).toString()));
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * Generates into a staging folder beside the output folder and compares the result, file by file, with the
     * dataset already there, which is left untouched either way.
     *
     * @return the staging run's summary (its paths name the output folder), or empty when any byte differs
     */
    public static Optional<DatasetSummary> reproduce(GenerateRequest request, GenerationProgress progress, Consumer<String> notes)
            throws IOException, InterruptedException
    {
        GenerationSettings settings = request.settings();
        DatasetOptions options = request.options();
        Path out = options.out();
        List<TableSource> sources = Generators.sources(settings);
        DatasetReplacer.Target target = new DatasetReplacer.Target(out, false, neededBytes(sources, options), notes);
        return DatasetReplacer.stageBeside(target, staging -> {
            DatasetSummary summary = write(settings, options.withOut(staging), sources, progress);
            List<String> expected = Files.readAllLines(staging.resolve(Manifest.CHECKSUMS_FILE_NAME));
            if (!expected.equals(Files.readAllLines(out.resolve(Manifest.CHECKSUMS_FILE_NAME)))) {
                return Optional.empty();
            }
            for (Checksums.Entry entry : Checksums.parse(expected)) {
                Path existing = out.resolve(entry.path());
                if (!Files.isRegularFile(existing) || Files.mismatch(existing, staging.resolve(entry.path())) != -1) {
                    return Optional.<DatasetSummary>empty();
                }
            }
            return Optional.of(new DatasetSummary(out, summary.files(), summary.elapsedNanos()));
        });
    }

    /** The Data Package name of a dataset made with these settings. */
    public static String datasetName(GenerationSettings settings)
    {
        return "simdata-" + settings.scenario().name().replace('_', '-');
    }

    /** The manifest's provenance section: everything that decided the bytes (no path, no wall-clock time). */
    public static ObjectNode provenance(GenerationSettings settings, DatasetOptions options)
    {
        ObjectNode simdata = new ObjectMapper().createObjectNode();
        simdata.put("format_version", Manifest.FORMAT_VERSION);
        ObjectNode generator = simdata.putObject("generator");
        generator.put("name", Version.NAME);
        generator.put("version", Version.version());
        Scenario scenario = settings.scenario();
        ObjectNode scenarioNode = simdata.putObject("scenario");
        scenarioNode.put("name", scenario.name());
        scenarioNode.put("organizations", scenario.organizations());
        scenarioNode.put("clients", scenario.clients());
        scenarioNode.put("users", scenario.users());
        scenarioNode.put("contacts", scenario.contacts());
        scenarioNode.put("campaigns", scenario.campaigns());
        scenarioNode.put("recipients_per_campaign", scenario.recipientsPerCampaign());
        scenarioNode.put("history_months", scenario.historyMonths());
        scenarioNode.put("growth_per_year", scenario.growthPerYear());
        ObjectMapper json = new ObjectMapper();
        scenarioNode.set("rates", ScenarioConfig.ratesNode(json, settings.rates()));
        scenarioNode.set("features", ScenarioConfig.featuresNode(json, scenario.features()));
        simdata.put("seed", settings.seed());
        simdata.put("as_of", settings.asOf().toString());
        simdata.put("as_of_instant", settings.asOf() + "T00:00:00Z");
        simdata.put("time_zone", settings.zone().getId());
        ObjectNode optionsNode = simdata.putObject("options");
        ArrayNode formats = optionsNode.putArray("formats");
        options.orderedFormats().stream().map(DataFormat::id).forEach(formats::add);
        optionsNode.put("shard_rows", options.shardRows());
        if (options.formats().contains(DataFormat.PARQUET)) {
            optionsNode.put("parquet_compression", options.compression().id());
        }
        return simdata;
    }
}
