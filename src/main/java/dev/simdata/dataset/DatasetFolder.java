package dev.simdata.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * What an output folder holds, told before anything replaces it.
 *
 * @param dataset the complete dataset the folder holds, if any
 * @param otherFiles the first few files (relative paths) that are not part of that dataset: someone else's, which
 *         nothing may delete
 */
public record DatasetFolder(Path path, Optional<Manifest> dataset, List<String> otherFiles)
{
    private static final int MOST_OTHER_FILES = 3;

    public DatasetFolder
    {
        requireNonNull(path, "path is null");
        requireNonNull(dataset, "dataset is null");
        otherFiles = List.copyOf(otherFiles);
    }

    /** A table of the dataset in the folder, with the rows of its first format. */
    public record TableRows(String table, long rows) {}

    /**
     * Reads what {@code path} holds; a folder that does not exist is empty. A file counts as part of the dataset only
     * when its {@code SHA256SUMS} lists it, or when it is a temporary file of an interrupted simdata run.
     */
    public static DatasetFolder inspect(Path path)
            throws IOException
    {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new DatasetFolder(path, Optional.empty(), List.of());
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return new DatasetFolder(path, Optional.empty(), List.of(path.getFileName().toString()));
        }
        Optional<Manifest> manifest = Optional.empty();
        Set<String> listed = new HashSet<>();
        Path checksums = path.resolve(Manifest.CHECKSUMS_FILE_NAME);
        if (Files.isRegularFile(checksums, LinkOption.NOFOLLOW_LINKS)) {
            try {
                manifest = Optional.of(Manifest.read(path));
                Checksums.read(checksums).forEach(entry -> listed.add(entry.path()));
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
                boolean ours = listed.contains(relative) || file.getFileName().toString().startsWith(DatasetWriter.TEMPORARY_PREFIX);
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) && !ours && others.size() < MOST_OTHER_FILES) {
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
}
