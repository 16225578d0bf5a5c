package dev.simdata.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.Manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of the committed demo snapshot for the export tests, some changed and re-sealed. */
public final class ExportFixtures
{
    static final Path DEMO = Path.of("output/demo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFixtures() {}

    /** A copy of the demo with its CSV files only (the Parquet resources dropped from the manifest). */
    static Path csvOnlyCopy(Path target)
            throws IOException
    {
        return csvOnlyCopy(DEMO, target);
    }

    /** A copy of a dataset with its CSV files only (the Parquet resources dropped from the manifest). */
    public static Path csvOnlyCopy(Path dataset, Path target)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(dataset.resolve("csv"))) {
            for (Path source : walk.toList()) {
                Path copy = target.resolve(dataset.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(source, copy);
                }
            }
        }
        JsonNode root = JSON.readTree(dataset.resolve(Manifest.FILE_NAME).toFile());
        for (Iterator<JsonNode> resources = ((ArrayNode) root.path("resources")).elements(); resources.hasNext(); ) {
            if (!resources.next().path("format").asText().equals("csv")) {
                resources.remove();
            }
        }
        Files.write(target.resolve(Manifest.FILE_NAME), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        return target;
    }

    /** Rewrites the data lines of one CSV shard and updates its rows, bytes and SHA-256 in the manifest. */
    public static void rewriteCsv(Path dataset, String shard, UnaryOperator<List<String>> change)
            throws IOException
    {
        Path file = dataset.resolve(shard);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> changed = new java.util.ArrayList<>(List.of(lines.get(0)));
        changed.addAll(change.apply(lines.subList(1, lines.size())));
        Files.writeString(file, String.join("\n", changed) + "\n", StandardCharsets.UTF_8);
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        JsonNode root = JSON.readTree(manifestFile.toFile());
        for (JsonNode resource : root.path("resources")) {
            for (JsonNode node : resource.path("shards")) {
                if (node.path("path").asText().equals(shard)) {
                    ((ObjectNode) node).put("rows", changed.size() - 1).put("bytes", Files.size(file)).put("sha256", Checksums.sha256(file));
                }
            }
            long rows = 0;
            long bytes = 0;
            for (JsonNode node : resource.path("shards")) {
                rows += node.path("rows").asLong();
                bytes += node.path("bytes").asLong();
            }
            ((ObjectNode) resource).put("rows", rows).put("bytes", bytes);
        }
        Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }
}
