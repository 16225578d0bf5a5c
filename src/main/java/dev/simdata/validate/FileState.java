package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.SchemaCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.sql.Connection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the file checks share: the dataset, its manifest, the DuckDB engine, the results so far, and which
 * (table, format) files passed every check so far. A table's files that fail a check are rejected, with the reason
 * kept for the checks that then skip it.
 */
final class FileState
{
    final Path dataset;
    final Manifest manifest;
    final SchemaCatalog catalog;
    final Connection duckdb;
    final ValidationOptions options;
    final List<CheckResult> results;
    private final Map<String, Set<DataFormat>> verified = new LinkedHashMap<>();
    private final Map<String, String> damaged = new HashMap<>();

    FileState(Path dataset, Manifest manifest, SchemaCatalog catalog, Connection duckdb, ValidationOptions options, List<CheckResult> results)
    {
        this.dataset = dataset;
        this.manifest = manifest;
        this.catalog = catalog;
        this.duckdb = duckdb;
        this.options = options;
        this.results = results;
    }

    void admit(String table, DataFormat format)
    {
        verified.computeIfAbsent(table, key -> new TreeSet<>()).add(format);
    }

    boolean isVerified(String table, DataFormat format)
    {
        return verified.getOrDefault(table, Set.of()).contains(format);
    }

    Set<DataFormat> formats(String table)
    {
        return verified.getOrDefault(table, Set.of());
    }

    void reject(String table, DataFormat format, String reason)
    {
        Set<DataFormat> formats = verified.get(table);
        if (formats != null) {
            formats.remove(format);
        }
        damaged.putIfAbsent(table, "files of table " + table + " failed " + reason + " (" + format.id() + ")");
    }

    /** Both formats of a table are rejected: they disagree. */
    void rejectAll(String table, String reason)
    {
        damaged.putIfAbsent(table, reason);
        Set<DataFormat> formats = verified.get(table);
        if (formats != null) {
            formats.clear();
        }
    }

    Map<String, String> damaged()
    {
        return damaged;
    }

    void add(boolean enabled, CheckResult result)
    {
        if (enabled) {
            results.add(result);
        }
    }

    /** A dataset file's path relative to the dataset, with forward slashes. */
    String relative(Path file)
    {
        return dataset.relativize(file).toString().replace('\\', '/');
    }

    /** Shards whose row count (by absolute file name, as DuckDB reports it) differs from the manifest's. */
    List<String> rowMismatches(TableFiles files, Map<String, Long> rows)
    {
        List<String> problems = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            long found = rows.getOrDefault(dataset.resolve(shard.path()).toAbsolutePath().toString(), 0L);
            if (found != shard.rows()) {
                problems.add(shard.path() + ": " + found + " rows, manifest says " + shard.rows());
            }
        }
        return problems;
    }
}
