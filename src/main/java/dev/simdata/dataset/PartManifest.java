package dev.simdata.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A part folder's {@code part.json}: which part of how many it is, the dataset's name and full provenance, and for
 * every (table, format) the number of shards in the whole dataset and the shards this part holds, with their index,
 * rows, bytes and SHA-256. A part folder has no {@code datapackage.json}, so nothing mistakes it for a dataset.
 */
public record PartManifest(Part part, String name, JsonNode simdata, List<Resource> resources)
{
    public static final String FILE_NAME = "part.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any real part's (about 200 bytes per shard), so a hostile file cannot exhaust the heap. */
    private static final long MAX_BYTES = 64L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One indexed shard file of a part. */
    public record Shard(int index, ShardFile file) {}

    /** One table in one format: how many shards the whole dataset has, and those of this part. */
    public record Resource(String table, DataFormat format, int shardCount, List<Shard> shards)
    {
        public Resource
        {
            shards = List.copyOf(shards);
        }
    }

    public PartManifest
    {
        requireNonNull(part, "part is null");
        requireNonNull(name, "name is null");
        requireNonNull(simdata, "simdata is null");
        resources = List.copyOf(resources);
    }

    /**
     * @param files what this part wrote, per (table, format), its shards in the order of {@code mine}
     * @param mine each table's shards in this part
     * @param plans each table's shards in the whole dataset
     */
    static PartManifest of(Part part, String name, JsonNode simdata, List<TableFiles> files,
            java.util.Map<String, List<ShardSpec>> mine, java.util.Map<String, List<ShardSpec>> plans)
    {
        List<Resource> resources = new ArrayList<>();
        for (TableFiles entry : files) {
            List<ShardSpec> specs = mine.get(entry.table());
            List<Shard> shards = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                shards.add(new Shard(specs.get(i).index(), entry.shards().get(i)));
            }
            resources.add(new Resource(entry.table(), entry.format(), plans.get(entry.table()).size(), shards));
        }
        return new PartManifest(part, name, simdata, resources);
    }

    public byte[] toJson()
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("profile", "simdata-part");
        ObjectNode partNode = root.putObject("part");
        partNode.put("k", part.k());
        partNode.put("n", part.n());
        root.put("name", name);
        root.set("simdata", simdata);
        ArrayNode list = root.putArray("resources");
        for (Resource resource : resources) {
            ObjectNode node = list.addObject();
            node.put("table", resource.table());
            node.put("format", resource.format().id());
            node.put("shard_count", resource.shardCount());
            ArrayNode shards = node.putArray("shards");
            for (Shard shard : resource.shards()) {
                ObjectNode entry = shards.addObject();
                entry.put("index", shard.index());
                entry.put("path", shard.file().path());
                entry.put("rows", shard.file().rows());
                entry.put("bytes", shard.file().bytes());
                entry.put("sha256", shard.file().sha256());
            }
        }
        try {
            return (JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the part manifest", e);
        }
    }

    /**
     * Reads {@code <folder>/part.json}, checking its structure and the form of its paths.
     *
     * @throws DatasetException naming the folder and the problem
     */
    public static PartManifest read(Path folder)
    {
        Path file = folder.resolve(FILE_NAME);
        JsonNode root;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DatasetException(file + " is larger than " + (MAX_BYTES >> 20) + " MB; it is not a part manifest simdata wrote");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        }
        catch (NoSuchFileException e) {
            throw new DatasetException(folder + " is not a simdata part: it has no " + FILE_NAME + "; give folders written by 'generate --part K/N'");
        }
        catch (IOException e) {
            throw new DatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("simdata").isObject()) {
            throw new DatasetException(file + " is not a simdata part manifest");
        }
        int k = root.path("part").path("k").asInt(0);
        int n = root.path("part").path("n").asInt(0);
        if (n < 1 || k < 1 || k > n) {
            throw new DatasetException(file + ": part must be K/N with 1 <= K <= N, got " + k + "/" + n);
        }
        List<Resource> resources = new ArrayList<>();
        for (JsonNode node : root.path("resources")) {
            String table = node.path("table").asText("");
            DataFormat format = DataFormat.parse(node.path("format").asText(""))
                    .orElseThrow(() -> new DatasetException(file + ": table " + table + " has unknown format " + node.path("format")));
            int count = node.path("shard_count").asInt(-1);
            if (table.isEmpty() || count < 1) {
                throw new DatasetException(file + ": a resource lacks its table or shard_count");
            }
            List<Shard> shards = new ArrayList<>();
            for (JsonNode shard : node.path("shards")) {
                String path = shard.path("path").asText("");
                DatasetPaths.checkRelative(path, file);
                String sha256 = shard.path("sha256").asText("");
                int index = shard.path("index").asInt(-1);
                long rows = shard.path("rows").asLong(-1);
                long bytes = shard.path("bytes").asLong(-1);
                if (!SHA256.matcher(sha256).matches() || index < 0 || index >= count || rows < 0 || bytes < 0) {
                    throw new DatasetException(file + ": shard " + path + " has a malformed index, rows, bytes or sha256");
                }
                shards.add(new Shard(index, new ShardFile(path, rows, bytes, sha256)));
            }
            resources.add(new Resource(table, format, count, shards));
        }
        if (resources.isEmpty()) {
            throw new DatasetException(file + " lists no resources");
        }
        return new PartManifest(new Part(k, n), root.path("name").asText(""), root.path("simdata"), resources);
    }
}
