package dev.simdata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.DatasetWriter;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.Part;
import dev.simdata.generate.Generators;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.ScenarioConfig;
import dev.simdata.scenario.Scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The generate use case: the generators' table sources written as a dataset, with a manifest that records
 * everything that decided its bytes. Callable from tests without a shell.
 */
public final class GenerateDataset
{
    private GenerateDataset() {}

    public static DatasetSummary run(GenerationSettings settings, DatasetOptions options, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        DatasetWriter writer = new DatasetWriter(options, progress);
        return writer.write("simdata-" + settings.scenario().name().replace('_', '-'), Generators.sources(settings), provenance(settings, options));
    }

    /** Writes only part {@code part}'s shards into {@code options.out()}, with a {@code part.json} for {@code merge}. */
    public static DatasetSummary runPart(GenerationSettings settings, DatasetOptions options, Part part, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        DatasetWriter writer = new DatasetWriter(options, progress, part);
        return writer.write("simdata-" + settings.scenario().name().replace('_', '-'), Generators.sources(settings), provenance(settings, options));
    }

    /** Estimates the dataset these settings would make, writing nothing but a small calibration sample it deletes. */
    public static DatasetPlanner.Plan plan(GenerationSettings settings, List<DataFormat> formats, long shardRows, ParquetCompression compression, int threads)
            throws IOException
    {
        return DatasetPlanner.plan(Generators.sources(settings), formats, shardRows, compression, threads);
    }

    /**
     * Whether {@code out} already holds a complete dataset made with exactly these settings and options (same
     * generator version): then a run without {@code --force} may reproduce it and compare instead of refusing.
     */
    public static boolean holdsSameProvenance(Path out, GenerationSettings settings, DatasetOptions options)
    {
        Path manifest = out.resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(out.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
            return false;
        }
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode existing = json.readTree(Files.readAllBytes(manifest)).path("simdata");
            // through text, so that numbers compare by value rather than by node class (int versus long)
            return existing.equals(json.readTree(provenance(settings, options).toString()));
        }
        catch (IOException e) {
            return false;
        }
    }

    /**
     * Generates into a staging folder beside {@code options.out()} and compares the result, file by file, with the
     * dataset already there, which is left untouched either way.
     *
     * @return the staging run's summary (its paths name {@code options.out()}), or empty when any byte differs
     */
    public static Optional<DatasetSummary> reproduce(GenerationSettings settings, DatasetOptions options, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        Path out = options.out().toAbsolutePath().normalize();
        Path staging = Files.createTempDirectory(out.getParent(), ".simdata-staging-");
        try {
            DatasetOptions stagingOptions = new DatasetOptions(staging, options.formats(), options.shardRows(), options.compression(), options.threads(), true);
            DatasetSummary summary = run(settings, stagingOptions, progress);
            List<String> expected = Files.readAllLines(staging.resolve(Manifest.CHECKSUMS_FILE_NAME));
            if (!expected.equals(Files.readAllLines(out.resolve(Manifest.CHECKSUMS_FILE_NAME)))) {
                return Optional.empty();
            }
            for (String line : expected) {
                String path = line.substring(66);
                Path existing = out.resolve(path);
                if (!Files.isRegularFile(existing) || Files.mismatch(existing, staging.resolve(path)) != -1) {
                    return Optional.empty();
                }
            }
            return Optional.of(new DatasetSummary(options.out(), summary.files(), summary.elapsedNanos()));
        }
        finally {
            DatasetFolder.deleteStaging(staging);
        }
    }

    static ObjectNode provenance(GenerationSettings settings, DatasetOptions options)
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
