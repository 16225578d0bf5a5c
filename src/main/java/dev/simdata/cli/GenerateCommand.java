package dev.simdata.cli;

import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.scenario.ScenarioConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Generates a dataset: every table as sharded CSV and Parquet, with datapackage.json and SHA256SUMS.",
                "The same version, scenario, seed, as-of date and options give byte-identical files, whatever --threads is."})
final class GenerateCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-s", "--scenario"}, paramLabel = "NAME", defaultValue = "demo", converter = ScenarioConverter.class,
            description = "Preset: demo, development, analytics or load_test (default: ${DEFAULT-VALUE}). See 'simdata scenarios'.")
    Scenario scenario;

    @Option(names = "--scale", paramLabel = "F",
            description = "Multiplies the scenario's exact volumes (organizations, clients, users, contacts, campaigns) by F, e.g. 0.5 or 4.")
    Double scale;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A YAML or JSON file overriding counts, history_months, time_zone and journey rates; print a preset's with 'simdata scenarios --show NAME'.")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: output/<scenario>). Must be empty unless --force.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + GenerationSettings.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--as-of", paramLabel = "DATE", defaultValue = "2026-01-01", converter = AsOfConverter.class,
            description = "The simulated 'now', YYYY-MM-DD or 'today' (UTC); every timestamp is before its midnight UTC (default: ${DEFAULT-VALUE}).")
    LocalDate asOf;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",", defaultValue = "csv,parquet", converter = FormatConverter.class,
            description = "Comma-separated formats: csv, parquet (default: ${DEFAULT-VALUE}).")
    List<DataFormat> formats;

    @Option(names = "--shard-rows", paramLabel = "N", defaultValue = "" + DatasetOptions.DEFAULT_SHARD_ROWS,
            description = "Rows per shard file; the last shard of a table holds the rest (default: ${DEFAULT-VALUE}).")
    long shardRows;

    @Option(names = "--parquet-compression", paramLabel = "CODEC", defaultValue = "snappy", converter = CompressionConverter.class,
            description = "snappy, zstd or none (default: ${DEFAULT-VALUE}).")
    ParquetCompression compression;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Worker threads (default: all cores). Never changes the output.")
    Integer threads;

    @Option(names = {"-f", "--force"}, description = "Replace the dataset in a non-empty --out folder.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call()
            throws Exception
    {
        if (shardRows <= 0) {
            throw new UserException("--shard-rows must be a positive number of rows, got " + shardRows);
        }
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers <= 0) {
            throw new UserException("--threads must be at least 1, got " + workers);
        }
        ScenarioConfig effective = ScenariosCommand.effective(scenario, config, scale);
        Path target = out != null ? out : Path.of("output", effective.scenario().name());
        DatasetOptions options = new DatasetOptions(target, EnumSet.copyOf(formats), shardRows, compression, workers, force);
        GenerationSettings settings = new GenerationSettings(effective.scenario(), seed, asOf, effective.zone(), effective.rates());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = !quiet && System.console() != null;
        // A folder that already holds this very dataset (a fresh clone's output/demo) is reproduced and compared
        // instead of refused: it stays untouched, and the run proves the bytes.
        boolean reproduce = !force && GenerateDataset.holdsSameProvenance(target, settings, options);
        DatasetSummary summary;
        try (ConsoleProgress progress = showProgress ? new ConsoleProgress(err) : null) {
            GenerationProgress listener = progress == null ? GenerationProgress.NONE : progress;
            summary = reproduce
                    ? GenerateDataset.reproduce(settings, options, listener).orElseThrow(() -> new UserException("--out " + target
                            + " holds a dataset with these settings whose files differ from what this build generates (edited files, or another build); pass --force to replace it"))
                    : GenerateDataset.run(settings, options, listener);
        }
        if (!quiet) {
            printSummary(out, settings, summary);
            if (reproduce) {
                out.println(target + " already held this exact dataset: regenerated and compared byte for byte, left unchanged");
            }
        }
        return ExitCode.OK;
    }

    private static void printSummary(PrintWriter out, GenerationSettings settings, DatasetSummary summary)
    {
        out.printf("%-16s %12s %12s %12s%n", "table", "rows", "csv", "parquet");
        List<String> tables = summary.files().stream().map(TableFiles::table).distinct().toList();
        long totalRows = 0;
        for (String table : tables) {
            long rows = 0;
            String csv = "-";
            String parquet = "-";
            for (TableFiles files : summary.files()) {
                if (!files.table().equals(table)) {
                    continue;
                }
                rows = files.rows();
                if (files.format() == DataFormat.CSV) {
                    csv = Format.bytes(files.bytes());
                }
                else {
                    parquet = Format.bytes(files.bytes());
                }
            }
            totalRows += rows;
            out.printf("%-16s %12s %12s %12s%n", table, Format.count(rows), csv, parquet);
        }
        double seconds = Math.max(1e-9, summary.elapsedNanos() / 1e9);
        out.printf("%s rows, %s in %s (%s rows/s): scenario %s, seed %d, as of %s -> %s%n",
                Format.count(totalRows), Format.bytes(summary.bytes()), Format.seconds(summary.elapsedNanos()),
                Format.count((long) (totalRows / seconds)), settings.scenario().name(), settings.seed(), settings.asOf(), summary.out());
    }

    static final class ScenarioConverter
            implements ITypeConverter<Scenario>
    {
        @Override
        public Scenario convert(String value)
        {
            return Scenario.preset(value).orElseThrow(() -> new TypeConversionException(
                    "unknown scenario '" + value + "'; expected one of " + String.join(", ", Scenario.presetNames())));
        }
    }

    static final class AsOfConverter
            implements ITypeConverter<LocalDate>
    {
        @Override
        public LocalDate convert(String value)
        {
            if (value.equalsIgnoreCase("today")) {
                return LocalDate.now(ZoneOffset.UTC);
            }
            try {
                LocalDate date = LocalDate.parse(value);
                if (date.getYear() < 2000 || date.getYear() > 2200) {
                    throw new TypeConversionException("'" + value + "' is out of range; expected a date between 2000 and 2200");
                }
                return date;
            }
            catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date; expected YYYY-MM-DD or 'today'");
            }
        }
    }

    static final class FormatConverter
            implements ITypeConverter<DataFormat>
    {
        @Override
        public DataFormat convert(String value)
        {
            return DataFormat.parse(value).orElseThrow(() -> new TypeConversionException("unknown format '" + value + "'; expected csv or parquet"));
        }
    }

    static final class CompressionConverter
            implements ITypeConverter<ParquetCompression>
    {
        @Override
        public ParquetCompression convert(String value)
        {
            return ParquetCompression.parse(value).orElseThrow(() -> new TypeConversionException("unknown codec '" + value + "'; expected snappy, zstd or none"));
        }
    }
}
