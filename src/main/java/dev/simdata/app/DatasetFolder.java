package dev.simdata.app;

import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.DatasetSummary;
import dev.simdata.dataset.Folders;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.GenerationSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What an output folder holds, told before anything replaces it, and the staged write that replaces it only once
 * the new dataset is complete.
 *
 * @param dataset the complete dataset the folder holds, if any
 * @param otherFiles files (relative paths) that are not part of that dataset: leftovers, or someone else's
 */
public record DatasetFolder(Path path, Optional<Manifest> dataset, List<String> otherFiles)
{
    private static final int MOST_OTHER_FILES = 3;
    private static final int DELETE_ATTEMPTS = 40;
    private static final String STAGING_PREFIX = ".simdata-staging-";

    public DatasetFolder
    {
        requireNonNull(path, "path is null");
        requireNonNull(dataset, "dataset is null");
        otherFiles = List.copyOf(otherFiles);
    }

    /** A table of the dataset in the folder, with the rows of its first format. */
    public record TableRows(String table, long rows) {}

    /** Reads what {@code path} holds; a folder that does not exist is empty. */
    public static DatasetFolder inspect(Path path)
            throws IOException
    {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new DatasetFolder(path, Optional.empty(), List.of());
        }
        if (!Files.isDirectory(path)) {
            return new DatasetFolder(path, Optional.empty(), List.of(path.getFileName().toString()));
        }
        Optional<Manifest> manifest = Optional.empty();
        Set<String> listed = new HashSet<>();
        Path checksums = path.resolve(Manifest.CHECKSUMS_FILE_NAME);
        if (Files.isRegularFile(checksums)) {
            try {
                manifest = Optional.of(Manifest.read(path));
                for (String line : Files.readAllLines(checksums, StandardCharsets.UTF_8)) {
                    if (line.length() > 66) {
                        listed.add(line.substring(66));
                    }
                }
                listed.add(Manifest.CHECKSUMS_FILE_NAME);
            }
            catch (DatasetException e) {
                manifest = Optional.empty();
                listed.clear();
            }
        }
        List<String> others = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : (Iterable<Path>) walk.sorted()::iterator) {
                String relative = path.relativize(file).toString().replace('\\', '/');
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && !listed.contains(relative) && others.size() < MOST_OTHER_FILES) {
                    others.add(relative);
                }
            }
        }
        return new DatasetFolder(path, manifest, others);
    }

    public boolean isEmpty()
    {
        return dataset.isEmpty() && otherFiles.isEmpty();
    }

    /** The folder holds a complete dataset and nothing else: replacing it deletes only that dataset. */
    public boolean holdsOnlyADataset()
    {
        return dataset.isPresent() && otherFiles.isEmpty();
    }

    /** The dataset's tables with their rows, parents first. */
    public List<TableRows> tables()
    {
        if (dataset.isEmpty()) {
            return List.of();
        }
        Manifest manifest = dataset.get();
        List<TableRows> tables = new ArrayList<>();
        for (TableFiles files : manifest.files()) {
            if (files.format() == manifest.formats().get(0)) {
                tables.add(new TableRows(files.table(), files.rows()));
            }
        }
        return tables;
    }

    /**
     * Generates into a staging folder beside {@code options.out()} and moves the finished dataset into place. A folder
     * that held a dataset keeps it until the new one is complete; a run that fails or is interrupted leaves nothing
     * behind. The caller has checked that the folder is empty or {@linkplain #holdsOnlyADataset() holds only a dataset}.
     */
    public static DatasetSummary generateStaged(GenerationSettings settings, DatasetOptions options, GenerationProgress progress)
            throws IOException, InterruptedException
    {
        Path out = options.out().toAbsolutePath().normalize();
        Files.createDirectories(out.getParent());
        Path staging = createStaging(out);
        try {
            DatasetOptions stagingOptions = new DatasetOptions(staging, options.formats(), options.shardRows(), options.compression(), options.threads(), true);
            DatasetSummary summary = GenerateDataset.run(settings, stagingOptions, progress);
            if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
                Path previous = out.resolveSibling(".simdata-previous-" + staging.getFileName().toString().substring(STAGING_PREFIX.length()));
                Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
                Folders.deleteTree(previous);
            }
            else {
                Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
            }
            return new DatasetSummary(options.out(), summary.files(), summary.elapsedNanos());
        }
        finally {
            deleteStaging(staging);
        }
    }

    /** A new folder beside {@code out}, created like any folder (not private, as a temporary folder would be). */
    private static Path createStaging(Path out)
            throws IOException
    {
        for (int attempt = 0; ; attempt++) {
            Path staging = out.resolveSibling(STAGING_PREFIX + ProcessHandle.current().pid() + "-" + attempt);
            try {
                return Files.createDirectory(staging);
            }
            catch (FileAlreadyExistsException e) {
                // left by an earlier run of this process id: take the next name
            }
        }
    }

    /**
     * Deletes a staging folder. After an interruption the writer's worker threads may still be finishing a file for
     * a moment, so a folder that refills is deleted again.
     */
    static void deleteStaging(Path staging)
            throws IOException
    {
        for (int attempt = 1; ; attempt++) {
            try {
                Folders.deleteTree(staging);
                return;
            }
            catch (IOException e) {
                if (attempt == DELETE_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }
}
