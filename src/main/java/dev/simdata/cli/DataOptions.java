package dev.simdata.cli;

import dev.simdata.app.GenerateRequest;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/**
 * The options that decide a dataset's content and files, shared by {@code generate} and {@code plan}.
 */
final class DataOptions
{
    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME", defaultValue = "demo", converter = Converters.ScenarioConverter.class,
            description = "Preset: demo, development, analytics or load_test (default: ${DEFAULT-VALUE}). See 'simdata scenarios'.")
    Scenario scenario;

    @Option(names = "--scale", paramLabel = "F",
            description = "Multiplies the scenario's exact volumes (organizations, clients, users, contacts, campaigns) by F, e.g. 0.5 or 4.")
    Double scale;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML or JSON file overriding counts, history_months, time_zone and journey rates; print a preset's with 'simdata scenarios --show NAME'.")
    Path config;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GenerationSettings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2026-01-01", converter = Converters.AsOfConverter.class,
            description = "The simulated 'now', YYYY-MM-DD or 'today' (UTC); every timestamp is before its midnight UTC (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "csv,parquet", converter = Converters.FormatConverter.class,
            description = "Comma-separated formats: csv, parquet (default: ${DEFAULT-VALUE}).")
    List<DataFormat> formats;

    @Option(names = "--shard-rows", paramLabel = "N", defaultValue = "" + DatasetOptions.DEFAULT_SHARD_ROWS,
            description = "Rows per shard file; the last shard of a table holds the rest (default: ${DEFAULT-VALUE}).")
    long shardRows;

    @Option(names = "--parquet-compression", paramLabel = "CODEC", defaultValue = "snappy", converter = Converters.CompressionConverter.class,
            description = "snappy, zstd or none (default: ${DEFAULT-VALUE}).")
    ParquetCompression compression;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: all cores). Never changes the output.")
    Integer threads;

    /** The settings and file options these flags ask for, checked. */
    record Resolved(GenerationSettings settings, List<DataFormat> formats, long shardRows, ParquetCompression compression, int threads)
    {
        /** The one request every later step receives unchanged. */
        GenerateRequest request(Path out, boolean force, boolean spaceCheck)
        {
            return new GenerateRequest(settings, new DatasetOptions(out, EnumSet.copyOf(formats), shardRows, compression, threads, force, spaceCheck));
        }
    }

    /**
     * @throws UserException naming the flag that is wrong
     */
    Resolved resolve()
    {
        return resolve(Presets.effective(scenario, config, scale));
    }

    /**
     * The same with the scenario already worked out, for the guided session, which shows the plan before it writes
     * the {@code --config} file these flags name.
     */
    Resolved resolve(ScenarioConfig effective)
    {
        if (formats == null || formats.isEmpty()) {
            throw new UserException("--format names no format; give csv, parquet or csv,parquet");
        }
        if (shardRows <= 0) {
            throw new UserException("--shard-rows must be a positive number of rows, got " + shardRows);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers <= 0) {
            throw new UserException("--threads must be at least 1, got " + workers);
        }
        GenerationSettings settings = new GenerationSettings(effective.scenario(), seed, asOf, effective.zone(), effective.rates());
        return new Resolved(settings, EnumSet.copyOf(formats).stream().toList(), shardRows, compression, workers);
    }
}
