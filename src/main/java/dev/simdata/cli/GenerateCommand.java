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

    @Option(names = "--part", paramLabel = "K/N", converter = Converters.PartConverter.class,
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
            return PlanReport.print(spec.commandLine().getOut(), resolved);
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
            GenerationReport.printSummary(out, settings, summary);
            if (reproduce) {
                out.println(target + " already held this exact dataset: regenerated and compared byte for byte, left unchanged");
            }
        }
        return ExitCode.OK;
    }

    private void summary(PrintWriter out, GenerationSettings settings, DatasetSummary summary)
    {
        if (!quiet) {
            GenerationReport.printSummary(out, settings, summary);
            out.println("part " + part + " written; join all " + part.n() + " part folders with 'simdata merge --out DIR PART_DIR...'");
        }
    }
}
