package dev.simdata.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A dataset's {@code datapackage.json}: a Frictionless Data Package whose resources ({@link ManifestResources}) list
 * each table's shards with rows, bytes and SHA-256 and embed the table's schema from {@code schemas/}. A CSV table in
 * several parts is one resource per part; {@link #read} joins them back. The {@code simdata} section records how the data was made: generator, scenario, seed,
 * as-of date and every option that affects the bytes. It holds nothing from the wall clock and no absolute path.
 */
public record Manifest(String name, JsonNode simdata, List<TableFiles> files)
{
    public static final String FILE_NAME = "datapackage.json";
    public static final String CHECKSUMS_FILE_NAME = "SHA256SUMS";
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Manifest
    {
        requireNonNull(name, "name is null");
        requireNonNull(simdata, "simdata is null");
        files = List.copyOf(requireNonNull(files, "files is null"));
    }

    public Optional<TableFiles> files(String table, DataFormat format)
    {
        return files.stream().filter(entry -> entry.table().equals(table) && entry.format() == format).findFirst();
    }

    /** The formats present, in {@link DataFormat} order. */
    public List<DataFormat> formats()
    {
        List<DataFormat> formats = new ArrayList<>();
        for (DataFormat format : DataFormat.values()) {
            if (files.stream().anyMatch(entry -> entry.format() == format)) {
                formats.add(format);
            }
        }
        return formats;
    }

    /** The tables present, in manifest order, each once. */
    public List<String> tables()
    {
        return files.stream().map(TableFiles::table).distinct().toList();
    }

    /** Serialises the manifest, embedding each table's schema definition. */
    public byte[] toJson(java.util.function.Function<String, TableSchema> schemas)
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "data-package");
        root.put("name", name);
        JsonNode asOf = simdata.path("as_of_instant");
        if (asOf.isTextual()) {
            root.put("created", asOf.asText());
        }
        ArrayNode licenses = root.putArray("licenses");
        ObjectNode license = licenses.addObject();
        license.put("name", "CC0-1.0");
        license.put("path", "https://creativecommons.org/publicdomain/zero/1.0/");
        license.put("title", "CC0 1.0 Universal (synthetic data)");
        root.set("simdata", simdata);
        ManifestResources.render(root.putArray("resources"), files, schemas);
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            String text = JSON.writer(printer).writeValueAsString(root) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the manifest", e);
        }
    }

    /**
     * Reads and checks the structure of {@code <dataset>/datapackage.json}. Paths are checked for form here (relative,
     * no {@code ..}); {@link DatasetPaths#resolve} confines them to the folder when a file is opened.
     *
     * @throws DatasetException naming the file and the problem
     */
    public static Manifest read(Path dataset)
    {
        Path file = dataset.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (NoSuchFileException e) {
            throw new DatasetException(file + " is missing: " + dataset + " is not a complete simdata dataset");
        }
        catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DatasetException(file + " is not a JSON object");
        }
        List<TableFiles> files = new ArrayList<>();
        for (JsonNode resource : root.path("resources")) {
            String table = text(resource, "table", file);
            DataFormat format = DataFormat.parse(text(resource, "format", file))
                    .orElseThrow(() -> new DatasetException(file + ": resource " + resource.path("name").asText() + " has unknown format " + resource.path("format")));
            List<ShardFile> shards = new ArrayList<>();
            for (JsonNode shard : resource.path("shards")) {
                String path = text(shard, "path", file);
                DatasetPaths.checkRelative(path, file);
                String sha256 = text(shard, "sha256", file);
                if (!SHA256.matcher(sha256).matches()) {
                    throw new DatasetException(file + ": shard " + path + " has a malformed sha256");
                }
                long rows = shard.path("rows").asLong(-1);
                long bytes = shard.path("bytes").asLong(-1);
                if (rows < 0 || bytes < 0) {
                    throw new DatasetException(file + ": shard " + path + " lacks rows or bytes");
                }
                shards.add(new ShardFile(path, rows, bytes, sha256));
            }
            TableFiles previous = files.isEmpty() ? null : files.get(files.size() - 1);
            if (previous != null && previous.table().equals(table) && previous.format() == format) {
                // a CSV table in several parts is one resource per part: join them back into one table
                List<ShardFile> joined = new ArrayList<>(previous.shards());
                joined.addAll(shards);
                files.set(files.size() - 1, new TableFiles(table, format, joined));
            }
            else {
                files.add(new TableFiles(table, format, shards));
            }
        }
        if (files.isEmpty()) {
            throw new DatasetException(file + " lists no resources");
        }
        return new Manifest(root.path("name").asText(""), root.path("simdata"), files);
    }

    private static String text(JsonNode node, String field, Path file)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new DatasetException(file + ": a resource or shard lacks the text field '" + field + "'");
        }
        return value.asText();
    }
}
