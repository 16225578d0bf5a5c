package dev.simdata.validate;

import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.DatasetPaths;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Integrity of a dataset's files: every listed file present, confined to the folder, with the manifest's size and
 * SHA-256; no unlisted file in the data folders; SHA256SUMS agrees with the manifest. These always run, reported or
 * not: later checks must not read damaged files.
 */
final class IntegrityChecks
{
    private IntegrityChecks() {}

    static void checkFiles(FileState state, TableFiles files, boolean report)
            throws IOException
    {
        String table = files.table();
        List<String> missing = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            Path file;
            try {
                file = DatasetPaths.resolve(state.dataset, shard.path());
            }
            catch (DatasetException e) {
                if (Files.exists(state.dataset.resolve(shard.path()))) {
                    outside.add(shard.path() + ": " + e.getMessage());
                }
                else {
                    missing.add(shard.path());
                }
                continue;
            }
            long size = Files.size(file);
            if (size != shard.bytes()) {
                wrong.add(shard.path() + ": " + size + " bytes, manifest says " + shard.bytes());
                continue;
            }
            String sha256 = Checksums.sha256(file);
            if (!sha256.equals(shard.sha256())) {
                wrong.add(shard.path() + ": sha256 " + sha256 + ", manifest says " + shard.sha256());
            }
        }
        String format = files.format().id();
        state.add(report, CheckResult.of(missing.isEmpty(), CheckGroup.INTEGRITY, "integrity.complete", table, (files.shards().size() - missing.size()) + " of " + files.shards().size() + " files",
                "every listed " + format + " file present", "table " + table + ": listed " + format + " files missing: " + String.join(", ", missing), missing));
        state.add(report, CheckResult.of(outside.isEmpty(), CheckGroup.INTEGRITY, "integrity.confined", table, outside.size() + " files outside",
                "every " + format + " file inside the dataset folder", "table " + table + ": " + String.join("; ", outside), outside));
        state.add(report, CheckResult.of(wrong.isEmpty(), CheckGroup.INTEGRITY, "integrity.checksums", table, wrong.size() + " files differ",
                "size and sha256 of every " + format + " file as listed", "table " + table + ": " + String.join("; ", wrong), wrong));
        if (!missing.isEmpty() || !outside.isEmpty() || !wrong.isEmpty()) {
            state.reject(table, files.format(), "integrity");
        }
    }

    /** No file in the data folders ({@code csv/}, {@code parquet/}) that the manifest does not list. */
    static void checkUnlisted(FileState state, boolean report)
            throws IOException
    {
        Set<String> listed = new HashSet<>();
        state.manifest.files().forEach(files -> files.shards().forEach(shard -> listed.add(shard.path())));
        List<String> unlisted = new ArrayList<>();
        for (DataFormat format : DataFormat.values()) {
            Path folder = state.dataset.resolve(format.id());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(path -> !Files.isDirectory(path))
                        .map(path -> state.dataset.relativize(path).toString().replace('\\', '/'))
                        .filter(path -> !listed.contains(path))
                        .sorted()
                        .forEach(unlisted::add);
            }
        }
        for (String path : unlisted) {
            String[] parts = path.split("/");
            if (parts.length >= 3) {
                DataFormat.parse(parts[0]).ifPresent(format -> state.reject(parts[1], format, "integrity (an unlisted file in its folder)"));
            }
        }
        state.add(report, CheckResult.of(unlisted.isEmpty(), CheckGroup.INTEGRITY, "integrity.unlisted", "", unlisted.size() + " unlisted files", "no file outside the manifest in csv/ and parquet/",
                "files not listed in " + Manifest.FILE_NAME + ": " + String.join(", ", unlisted.stream().limit(10).toList()), unlisted.stream().limit(10).toList()));
    }

    /** SHA256SUMS lists exactly the manifest's files with the same hashes. */
    static void checkSha256Sums(FileState state, boolean report)
            throws IOException
    {
        Path file = state.dataset.resolve(Manifest.CHECKSUMS_FILE_NAME);
        if (!Files.isRegularFile(file)) {
            state.add(report, CheckResult.failed(CheckGroup.INTEGRITY, "integrity.sha256sums", "", "missing", "SHA256SUMS lists every file",
                    Manifest.CHECKSUMS_FILE_NAME + " is missing from " + state.dataset, List.of()));
            return;
        }
        Map<String, String> sums = new HashMap<>();
        for (Checksums.Entry entry : Checksums.read(file)) {
            sums.put(entry.path(), entry.sha256());
        }
        List<String> differences = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (TableFiles files : state.manifest.files()) {
            for (ShardFile shard : files.shards()) {
                listed.add(shard.path());
                String sum = sums.get(shard.path());
                if (!shard.sha256().equals(sum)) {
                    differences.add(shard.path() + (sum == null ? ": not in SHA256SUMS" : ": SHA256SUMS has " + sum));
                }
            }
        }
        String manifestSum = sums.remove(Manifest.FILE_NAME);
        if (manifestSum != null && !manifestSum.equals(Checksums.sha256(state.dataset.resolve(Manifest.FILE_NAME)))) {
            differences.add(Manifest.FILE_NAME + ": SHA256SUMS has " + manifestSum + ", the file has another sha256");
        }
        sums.keySet().stream().filter(path -> !listed.contains(path)).sorted().forEach(path -> differences.add(path + ": in SHA256SUMS but not in the manifest"));
        state.add(report, CheckResult.of(differences.isEmpty(), CheckGroup.INTEGRITY, "integrity.sha256sums", "", differences.size() + " differences", "SHA256SUMS agrees with the manifest",
                Manifest.CHECKSUMS_FILE_NAME + " disagrees with " + Manifest.FILE_NAME + ": " + String.join("; ", differences.stream().limit(5).toList()), differences.stream().limit(5).toList()));
    }

    /**
     * The manifest lists every table the scenario's features must produce, in every format it has: a resource
     * removed (and the files re-signed) fails here. A table of a feature that is off may be absent. Gift-card tables
     * are only required with the call center too (gift cards are issued on calls).
     */
    static void checkCompleteness(FileState state, boolean report)
    {
        var features = state.manifest.simdata().path("features");
        Set<String> optional = RequiredTables.optional(Optional.of(features));
        List<String> missing = new ArrayList<>();
        for (DataFormat format : state.manifest.formats()) {
            for (var table : state.catalog.tables()) {
                if (!optional.contains(table.name()) && state.manifest.files(table.name(), format).isEmpty()) {
                    missing.add(table.name() + "-" + format.id());
                }
            }
        }
        state.add(report, CheckResult.of(missing.isEmpty(), CheckGroup.INTEGRITY, "integrity.tables", "", missing.size() + " resources missing",
                "every table of the features " + features + " in every format",
                Manifest.FILE_NAME + " lacks resources the scenario's features must have: " + String.join(", ", missing.stream().limit(10).toList()), missing.stream().limit(10).toList()));
    }
}
