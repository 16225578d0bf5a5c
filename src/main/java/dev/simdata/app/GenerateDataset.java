package dev.simdata.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.DatasetWriter;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.generate.Generators;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;

import java.io.IOException;

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
