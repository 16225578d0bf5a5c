package dev.simdata.load;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPaths;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a load reads, decided from the manifest before any data file is opened: the tables in dependency order
 * (each must be defined in {@code schemas/}) and, per table, the shards of one format, each path confined to the
 * dataset folder.
 */
record LoadPlan(List<TableSchema> tables, Map<String, List<PlannedShard>> shards)
{
    LoadPlan
    {
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        shards = requireNonNull(shards, "shards is null");
    }

    static LoadPlan of(Manifest manifest, SchemaCatalog catalog, LoadOptions options)
    {
        List<TableSchema> tables = tablesOf(manifest, catalog, options.dataset());
        Map<String, List<PlannedShard>> shards = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            TableFiles files = chooseFiles(manifest, table.name(), options.format());
            List<PlannedShard> planned = new ArrayList<>();
            for (int index = 0; index < files.shards().size(); index++) {
                ShardFile shard = files.shards().get(index);
                Path file = DatasetPaths.resolve(options.dataset(), shard.path());
                planned.add(new PlannedShard(table, files.format(), shard, index, file));
            }
            shards.put(table.name(), planned);
        }
        return new LoadPlan(tables, shards);
    }

    /** The rows of each table, as the manifest gives them. */
    Map<String, Long> rows()
    {
        Map<String, Long> rows = new LinkedHashMap<>();
        shards.forEach((table, planned) -> rows.put(table, planned.stream().mapToLong(shard -> shard.shard().rows()).sum()));
        return rows;
    }

    /** The manifest's tables in dependency order; refuses a table that {@code schemas/} does not define. */
    private static List<TableSchema> tablesOf(Manifest manifest, SchemaCatalog catalog, Path dataset)
    {
        Set<String> named = new HashSet<>();
        for (String table : manifest.tables()) {
            if (catalog.find(table).isEmpty()) {
                throw new LoadException(dataset.resolve(Manifest.FILE_NAME) + " lists table '" + printable(table)
                        + "', which is not defined in schemas/; refusing to load it (use a simdata version that knows it, or remove the resource)");
            }
            if (table.equals(Ledger.TABLE) || table.equals(LoadLease.TABLE)) {
                throw new LoadException("table name " + table + " is reserved for the loader's own bookkeeping");
            }
            named.add(table);
        }
        List<TableSchema> tables = new ArrayList<>();
        for (TableSchema table : catalog.tables()) {
            if (named.contains(table.name())) {
                tables.add(table);
            }
        }
        return tables;
    }

    private static TableFiles chooseFiles(Manifest manifest, String table, DataFormat format)
    {
        if (format != null) {
            return manifest.files(table, format).orElseThrow(() -> new LoadException(
                    "the dataset has no " + format.id() + " files for table " + table + "; drop --format or choose one of " + formatsOf(manifest)));
        }
        Optional<TableFiles> csv = manifest.files(table, DataFormat.CSV);
        if (csv.isPresent()) {
            return csv.get();
        }
        return manifest.files(table, DataFormat.PARQUET).orElseThrow(() -> new LoadException("the dataset lists no files for table " + table));
    }

    private static String formatsOf(Manifest manifest)
    {
        List<String> ids = new ArrayList<>();
        for (DataFormat format : manifest.formats()) {
            ids.add(format.id());
        }
        return String.join(", ", ids);
    }

    private static String printable(String text)
    {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
