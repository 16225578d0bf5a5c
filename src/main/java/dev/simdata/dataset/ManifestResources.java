package dev.simdata.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.schema.TableSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a manifest's {@code resources} so that the Frictionless specs and datapackage-js accept them as written.
 * <ul>
 * <li>A CSV table in one part is one tabular resource {@code <table>-csv}. A CSV table in several parts is one
 * tabular resource per part, {@code <table>-csv-part-NNNNN}: each part keeps its header line (so each part reads on
 * its own and one glob per table reads in DuckDB, ClickHouse and Spark), and the spec's multipart rule (parts are
 * joined into one file, so only the first may hold a header) is never invoked.</li>
 * <li>A Parquet table is one (non-tabular) resource {@code <table>-parquet}, its parts in {@code path}.</li>
 * <li>A foreign key names the parent's resource of the same format. A CSV key whose parent is in several parts
 * cannot be named by one resource, so it is left out of that resource; {@code simdata validate} checks it.</li>
 * <li>A single-file resource carries {@code hash} as {@code sha256:<hex>}; every resource keeps its {@code shards}
 * (path, rows, bytes, sha256), which is what simdata's readers use.</li>
 * <li>An exact decimal keeps {@code decimalPrecision}/{@code decimalScale} and gains {@code bareNumber: true} and a
 * {@code pattern} constraint stating its scale, which generic Table Schema tools understand.</li>
 * </ul>
 */
final class ManifestResources
{
    private ManifestResources() {}

    static void render(ArrayNode resources, List<TableFiles> files, Function<String, TableSchema> schemas)
    {
        Map<String, Integer> csvParts = new HashMap<>();
        for (TableFiles entry : files) {
            if (entry.format() == DataFormat.CSV) {
                csvParts.put(entry.table(), entry.shards().size());
            }
        }
        for (TableFiles entry : files) {
            JsonNode definition = schemas.apply(entry.table()).definition();
            if (entry.format() == DataFormat.CSV && entry.shards().size() > 1) {
                for (ShardFile shard : entry.shards()) {
                    ObjectNode resource = resources.addObject();
                    resource.put("name", entry.table() + "-csv-" + baseName(shard.path()));
                    fill(resource, entry, List.of(shard), schema(definition, entry.format(), csvParts));
                }
            }
            else {
                ObjectNode resource = resources.addObject();
                resource.put("name", entry.table() + "-" + entry.format().id());
                fill(resource, entry, entry.shards(), schema(definition, entry.format(), csvParts));
            }
        }
    }

    /** The resource name a foreign key of the given format uses for a parent table, or null when none can. */
    static String referencedResource(String table, DataFormat format, Map<String, Integer> csvParts)
    {
        if (format == DataFormat.CSV) {
            return csvParts.getOrDefault(table, 0) == 1 ? table + "-csv" : null;
        }
        return table + "-" + format.id();
    }

    private static void fill(ObjectNode resource, TableFiles entry, List<ShardFile> shards, ObjectNode schema)
    {
        resource.put("table", entry.table());
        resource.put("profile", entry.format() == DataFormat.CSV ? "tabular-data-resource" : "data-resource");
        resource.put("format", entry.format().id());
        resource.put("mediatype", entry.format().mediaType());
        if (entry.format() == DataFormat.CSV) {
            resource.put("encoding", "utf-8");
            ObjectNode dialect = resource.putObject("dialect");
            dialect.put("delimiter", ",");
            dialect.put("lineTerminator", "\n");
            dialect.put("quoteChar", "\"");
            dialect.put("doubleQuote", true);
            dialect.put("header", true);
            dialect.put("nullSequence", "");
        }
        if (shards.size() == 1) {
            resource.put("path", shards.get(0).path());
            resource.put("hash", "sha256:" + shards.get(0).sha256());
        }
        else {
            ArrayNode paths = resource.putArray("path");
            shards.forEach(shard -> paths.add(shard.path()));
        }
        resource.put("rows", shards.stream().mapToLong(ShardFile::rows).sum());
        resource.put("bytes", shards.stream().mapToLong(ShardFile::bytes).sum());
        ArrayNode list = resource.putArray("shards");
        for (ShardFile shard : shards) {
            ObjectNode node = list.addObject();
            node.put("path", shard.path());
            node.put("rows", shard.rows());
            node.put("bytes", shard.bytes());
            node.put("sha256", shard.sha256());
        }
        resource.set("schema", schema);
    }

    private static ObjectNode schema(JsonNode definition, DataFormat format, Map<String, Integer> csvParts)
    {
        ObjectNode schema = definition.deepCopy();
        for (JsonNode field : schema.path("fields")) {
            if (field.has("decimalScale")) {
                ObjectNode node = (ObjectNode) field;
                int precision = field.path("decimalPrecision").asInt();
                int scale = field.path("decimalScale").asInt();
                node.put("bareNumber", true);
                ObjectNode constraints = node.has("constraints") ? (ObjectNode) node.get("constraints") : node.putObject("constraints");
                constraints.put("pattern", decimalPattern(precision, scale));
            }
        }
        if (schema.has("foreignKeys")) {
            ArrayNode kept = schema.arrayNode();
            for (JsonNode foreignKey : schema.path("foreignKeys")) {
                String parent = foreignKey.path("reference").path("resource").asText();
                String resource = referencedResource(parent, format, csvParts);
                if (resource != null) {
                    ObjectNode copy = foreignKey.deepCopy();
                    ((ObjectNode) copy.get("reference")).put("resource", resource);
                    kept.add(copy);
                }
            }
            schema.set("foreignKeys", kept);
        }
        return schema;
    }

    /** A regular expression every value of a {@code decimal(precision, scale)} matches, in its plain text form. */
    static String decimalPattern(int precision, int scale)
    {
        int integerDigits = precision - scale;
        String integer = "-?[0-9]{1," + Math.max(integerDigits, 1) + "}";
        return scale == 0 ? "^" + integer + "$" : "^" + integer + "(\\.[0-9]{1," + scale + "})?$";
    }

    private static String baseName(String path)
    {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
