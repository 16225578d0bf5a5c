package dev.simdata.cli;

import dev.simdata.app.GenerateDataset;
import dev.simdata.app.GenerateRequest;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.dataset.Part;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

    @Mixin
    DataOptions data;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "Output folder (default: output/<scenario>). Must be empty unless --force.")
    Path out;

    @Option(names = "--part", paramLabel = "K/N", converter = PartConverter.class,
            description = "Write only part K of N (balanced by rows) with a part.json; join the N folders with 'simdata merge'.")
    Part part;

    @Option(names = "--dry-run", description = "Print the plan (estimated rows, bytes and time) and write nothing; the same as 'simdata plan'.")
    boolean dryRun;

    @Option(names = {"-f", "--force"}, description = "Replace the dataset in a non-empty --out folder.")
    boolean force;

    @Option(names = "--no-space-check", description = "Start even when the file system seems to lack the space the plan estimates.")
    boolean noSpaceCheck;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Override
    public Integer call()
            throws Exception
    {
        DataOptions.Resolved resolved = data.resolve();
        Path target = out != null ? out : Path.of("output", resolved.settings().scenario().name());
        GenerateRequest request = resolved.request(target, force, !noSpaceCheck);
        GenerationSettings settings = request.settings();
        if (dryRun) {
            return PlanCommand.print(spec.commandLine().getOut(), resolved);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = !quiet && System.console() != null;
        if (part != null && !part.whole()) {
            try (ConsoleProgress progress = showProgress ? new ConsoleProgress(err) : null) {
                summary(out, settings, GenerateDataset.runPart(settings, request.options(), part, progress == null ? GenerationProgress.NONE : progress));
            }
            return ExitCode.OK;
        }
        // A folder that already holds this very dataset (a fresh clone's output/demo) is reproduced and compared
        // instead of refused: it stays untouched, and the run proves the bytes.
        boolean reproduce = !force && GenerateDataset.holdsSameProvenance(request);
        DatasetSummary summary;
        try (ConsoleProgress progress = showProgress ? new ConsoleProgress(err) : null) {
            GenerationProgress listener = progress == null ? GenerationProgress.NONE : progress;
            summary = reproduce
                    ? GenerateDataset.reproduce(request, listener, err::println).orElseThrow(() -> new UserException("--out " + target
                            + " holds a dataset with these settings whose files differ from what this build generates (edited files, or another build); pass --force to replace it"))
                    : GenerateDataset.run(request, listener, err::println);
        }
        if (!quiet) {
            printSummary(out, settings, summary);
            if (reproduce) {
                out.println(target + " already held this exact dataset: regenerated and compared byte for byte, left unchanged");
            }
        }
        return ExitCode.OK;
    }

    private void summary(PrintWriter out, GenerationSettings settings, DatasetSummary summary)
    {
        if (!quiet) {
            printSummary(out, settings, summary);
            out.println("part " + part + " written; join all " + part.n() + " part folders with 'simdata merge --out DIR PART_DIR...'");
        }
    }

    static void printSummary(PrintWriter out, GenerationSettings settings, DatasetSummary summary)
    {
        out.printf("%-30s %12s %12s %12s%n", "table", "rows", "csv", "parquet");
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
            out.printf("%-30s %12s %12s %12s%n", table, Format.count(rows), csv, parquet);
        }
        printTotal(out, settings, summary, totalRows);
    }

    /** The summary's last line: rows, bytes, time and where the dataset went. */
    static void printTotal(PrintWriter out, GenerationSettings settings, DatasetSummary summary, long totalRows)
    {
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

    static final class PartConverter
            implements ITypeConverter<Part>
    {
        @Override
        public Part convert(String value)
        {
            return Part.parse(value).orElseThrow(() -> new TypeConversionException("'" + value + "' is not a part; expected K/N with 1 <= K <= N, e.g. 2/3"));
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
