package dev.simdata.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Assembles part folders into one dataset. Everything is checked before any file moves: every part's
 * {@code part.json}, that all parts share the same provenance and part count, that each part 1..N is given exactly
 * once, that every shard is listed once, and every file's size and SHA-256. Then the files go into a staging folder
 * beside {@code out}, the manifest and {@code SHA256SUMS} are written last, and the staging folder becomes
 * {@code out}. The result is byte-identical to one {@code generate} with the same options.
 */
public final class PartMerger
{
    private static final String STAGING_PREFIX = ".simdata-merge-";

    private PartMerger() {}

    /**
     * @param copy copy the files instead of moving them (the parts stay intact)
     * @throws DatasetException for parts or an output folder the user must fix
     */
    public static DatasetSummary merge(List<Path> folders, Path out, boolean copy, Function<String, TableSchema> schemas)
            throws IOException
    {
        long started = System.nanoTime();
        if (folders.isEmpty()) {
            throw new DatasetException("no part folders given; name every folder written by 'generate --part K/N'");
        }
        List<PartManifest> parts = new ArrayList<>();
        for (Path folder : folders) {
            parts.add(PartManifest.read(folder));
        }
        PartManifest first = parts.get(0);
        int n = first.part().n();
        Path[] byK = new Path[n + 1];
        for (int i = 0; i < parts.size(); i++) {
            PartManifest part = parts.get(i);
            Path folder = folders.get(i);
            if (part.part().n() != n) {
                throw new DatasetException(folder + " is part " + part.part() + " but " + folders.get(0) + " is part " + first.part() + "; give the parts of one split");
            }
            checkSameProvenance(first.simdata(), folders.get(0), part.simdata(), folder);
            int k = part.part().k();
            if (byK[k] != null) {
                throw new DatasetException("part " + part.part() + " is given twice (" + byK[k] + " and " + folder + "); give each part once");
            }
            byK[k] = folder;
        }
        for (int k = 1; k <= n; k++) {
            if (byK[k] == null) {
                throw new DatasetException("part " + k + "/" + n + " is missing; give all " + n + " part folders");
            }
        }
        List<TableFiles> files = assemble(parts, folders);
        for (int i = 0; i < parts.size(); i++) {
            verify(parts.get(i), folders.get(i));
        }
        publish(out, files, parts, folders, copy, new Manifest(first.name(), first.simdata(), files).toJson(schemas));
        if (!copy) {
            for (int i = 0; i < parts.size(); i++) {
                tidyMovedPart(parts.get(i), folders.get(i));
            }
        }
        return new DatasetSummary(out, files, System.nanoTime() - started);
    }

    private static void checkSameProvenance(JsonNode expected, Path expectedFolder, JsonNode actual, Path folder)
    {
        if (expected.equals(actual)) {
            return;
        }
        for (String field : List.of("generator", "scenario", "seed", "as_of", "time_zone", "options", "format_version")) {
            if (!expected.path(field).equals(actual.path(field))) {
                throw new DatasetException(folder + " was made with " + field + " " + actual.path(field) + " but " + expectedFolder + " with "
                        + expected.path(field) + "; every part must come from the same version, scenario, seed and options");
            }
        }
        throw new DatasetException(folder + " and " + expectedFolder + " differ in provenance; every part must come from the same generate options");
    }

    /** Each (table, format) of the dataset, its shards in index order, each from exactly one part. */
    private static List<TableFiles> assemble(List<PartManifest> parts, List<Path> folders)
    {
        List<TableFiles> files = new ArrayList<>();
        List<PartManifest.Resource> layout = parts.get(0).resources();
        for (int r = 0; r < layout.size(); r++) {
            PartManifest.Resource resource = layout.get(r);
            ShardFile[] shards = new ShardFile[resource.shardCount()];
            for (int i = 0; i < parts.size(); i++) {
                List<PartManifest.Resource> theirs = parts.get(i).resources();
                PartManifest.Resource other = r < theirs.size() ? theirs.get(r) : null;
                if (other == null || theirs.size() != layout.size() || !other.table().equals(resource.table())
                        || other.format() != resource.format() || other.shardCount() != resource.shardCount()) {
                    throw new DatasetException(folders.get(i).resolve(PartManifest.FILE_NAME) + " lists other tables or shard counts than "
                            + folders.get(0).resolve(PartManifest.FILE_NAME) + "; the parts do not belong together");
                }
                for (PartManifest.Shard shard : other.shards()) {
                    String expected = resource.format().shardPath(resource.table(), shard.index());
                    if (!shard.file().path().equals(expected) || shards[shard.index()] != null) {
                        throw new DatasetException(folders.get(i).resolve(PartManifest.FILE_NAME) + ": shard " + shard.file().path()
                                + " is misnamed or listed by two parts; the parts do not belong together");
                    }
                    shards[shard.index()] = shard.file();
                }
            }
            for (int index = 0; index < shards.length; index++) {
                if (shards[index] == null) {
                    throw new DatasetException("no part holds " + resource.format().shardPath(resource.table(), index) + "; give all the part folders");
                }
            }
            files.add(new TableFiles(resource.table(), resource.format(), List.of(shards)));
        }
        return files;
    }

    private static void verify(PartManifest part, Path folder)
            throws IOException
    {
        for (PartManifest.Resource resource : part.resources()) {
            for (PartManifest.Shard shard : resource.shards()) {
                Path file = DatasetPaths.resolve(folder, shard.file().path());
                if (Files.size(file) != shard.file().bytes() || !Checksums.sha256(file).equals(shard.file().sha256())) {
                    throw new DatasetException(folder.resolve(shard.file().path()) + " changed since part " + part.part()
                            + " was written (size or SHA-256 differs); regenerate that part");
                }
            }
        }
    }

    /**
     * The one step that writes {@code out}: files into a staging folder beside it, manifest and checksums last, then
     * the staging folder renamed to {@code out}. Meant to become the project's shared replace protocol.
     */
    private static void publish(Path out, List<TableFiles> files, List<PartManifest> parts, List<Path> folders, boolean copy, byte[] manifest)
            throws IOException
    {
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target) && (!Files.isDirectory(target) || !isEmpty(target))) {
            throw new DatasetException("--out " + out + " exists and is not an empty folder; choose a new or empty folder");
        }
        Files.createDirectories(target.getParent());
        Path staging = Files.createTempDirectory(target.getParent(), STAGING_PREFIX);
        try {
            for (int i = 0; i < parts.size(); i++) {
                for (PartManifest.Resource resource : parts.get(i).resources()) {
                    Files.createDirectories(staging.resolve(resource.format().id()).resolve(resource.table()));
                    for (PartManifest.Shard shard : resource.shards()) {
                        Path source = folders.get(i).resolve(shard.file().path());
                        Path destination = staging.resolve(shard.file().path());
                        if (copy) {
                            Files.copy(source, destination);
                        }
                        else {
                            Files.move(source, destination);
                        }
                    }
                }
            }
            DatasetWriter.commitManifest(staging, manifest, files);
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            if (Files.exists(staging)) {
                Files.deleteIfExists(staging.resolve(Manifest.CHECKSUMS_FILE_NAME));
                Files.deleteIfExists(staging.resolve(Manifest.FILE_NAME));
                if (copy) {
                    Folders.deleteTree(staging);
                }
            }
        }
    }

    private static boolean isEmpty(Path folder)
            throws IOException
    {
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
            return !listing.iterator().hasNext();
        }
    }

    /** After a move, a part folder holds no data: its part.json and the folders generate made for it go. */
    private static void tidyMovedPart(PartManifest part, Path folder)
            throws IOException
    {
        Files.deleteIfExists(folder.resolve(PartManifest.FILE_NAME));
        Map<String, Boolean> formats = new LinkedHashMap<>();
        for (PartManifest.Resource resource : part.resources()) {
            deleteIfEmpty(folder.resolve(resource.format().id()).resolve(resource.table()));
            formats.put(resource.format().id(), true);
        }
        for (String format : formats.keySet()) {
            deleteIfEmpty(folder.resolve(format));
        }
    }

    private static void deleteIfEmpty(Path folder)
            throws IOException
    {
        try {
            Files.deleteIfExists(folder);
        }
        catch (DirectoryNotEmptyException e) {
            // the user's own file: leave it
        }
    }

}
