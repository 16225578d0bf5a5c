package dev.simdata.cli;

import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.PartMerger;
import dev.simdata.schema.SchemaCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Joins the folders written by 'generate --part K/N' (all N of them) into one dataset.",
                "Checks every part's provenance and checksums first; the result is byte-identical to one 'generate'."})
final class MergeCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "The dataset folder to create; must be new or empty.")
    Path out;

    @Option(names = "--copy", description = "Copy the files instead of moving them, leaving the part folders intact.")
    boolean copy;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
    boolean quiet;

    @Parameters(paramLabel = "PART_DIR", arity = "1..*", description = "The part folders, in any order.")
    List<Path> parts;

    @Override
    public Integer call()
            throws Exception
    {
        SchemaCatalog catalog = SchemaCatalog.bundled();
        DatasetSummary summary = PartMerger.merge(parts, out, copy, catalog::table);
        if (!quiet) {
            long rows = summary.files().stream().filter(files -> files.format() == summary.files().get(0).format()).mapToLong(files -> files.rows()).sum();
            spec.commandLine().getOut().printf("merged %d parts: %s rows, %s -> %s%n", parts.size(), Format.count(rows), Format.bytes(summary.bytes()), summary.out());
        }
        return ExitCode.OK;
    }
}
