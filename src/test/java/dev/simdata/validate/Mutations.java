package dev.simdata.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.Manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Damages a dataset copy on purpose. Content changes rewrite the manifest's rows, bytes and sha256 and the
 * SHA256SUMS line, so that only the check aimed at fires.
 */
final class Mutations
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private Mutations() {}

    /** Rewrites the data lines (header kept) of a CSV shard, then re-seals the dataset. */
    static void rewriteCsv(Path dataset, String shard, UnaryOperator<List<String>> change)
            throws IOException
    {
        Path file = dataset.resolve(shard);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> data = change.apply(new ArrayList<>(lines.subList(1, lines.size())));
        List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        out.addAll(data);
        Files.writeString(file, String.join("\n", out) + "\n", StandardCharsets.UTF_8);
        reseal(dataset, shard, data.size());
    }

    /** Updates the manifest entry of a rewritten file (rows, bytes, sha256) and SHA256SUMS. */
    /**
     * Rewrites the first data line of a CSV shard that {@code which} accepts with {@code change}, and re-seals the
     * dataset; returns that line as it was.
     */
    static String rewriteFirst(Path dataset, String shard, java.util.function.Predicate<String> which, UnaryOperator<String> change)
            throws IOException
    {
        String[] original = new String[1];
        rewriteCsv(dataset, shard, lines -> {
            for (int i = 0; i < lines.size(); i++) {
                if (which.test(lines.get(i))) {
                    original[0] = lines.get(i);
                    lines.set(i, change.apply(lines.get(i)));
                    return lines;
                }
            }
            throw new IllegalStateException("no line of " + shard + " to change");
        });
        return original[0];
    }

    static void reseal(Path dataset, String shard, long rows)
            throws IOException
    {
        Path file = dataset.resolve(shard);
        String sha256 = Checksums.sha256(file);
        long bytes = Files.size(file);
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        JsonNode root = JSON.readTree(manifestFile.toFile());
        for (JsonNode resource : root.path("resources")) {
            boolean touched = false;
            for (JsonNode node : resource.path("shards")) {
                if (node.path("path").asText().equals(shard)) {
                    ((ObjectNode) node).put("rows", rows).put("bytes", bytes).put("sha256", sha256);
                    touched = true;
                }
            }
            if (touched) {
                long totalRows = 0;
                long totalBytes = 0;
                for (JsonNode node : resource.path("shards")) {
                    totalRows += node.path("rows").asLong();
                    totalBytes += node.path("bytes").asLong();
                }
                ((ObjectNode) resource).put("rows", totalRows).put("bytes", totalBytes);
            }
        }
        Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Path sums = dataset.resolve(Manifest.CHECKSUMS_FILE_NAME);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            String path = line.substring(66);
            if (path.equals(shard)) {
                lines.add(sha256 + "  " + path);
            }
            else if (path.equals(Manifest.FILE_NAME)) {
                lines.add(Checksums.sha256(manifestFile) + "  " + path);
            }
            else {
                lines.add(line);
            }
        }
        Files.writeString(sums, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Updates SHA256SUMS after an edit of the manifest itself. */
    static void resealManifest(Path dataset)
            throws IOException
    {
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        Path sums = dataset.resolve(Manifest.CHECKSUMS_FILE_NAME);
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(sums, StandardCharsets.UTF_8)) {
            lines.add(line.substring(66).equals(Manifest.FILE_NAME) ? Checksums.sha256(manifestFile) + "  " + Manifest.FILE_NAME : line);
        }
        Files.writeString(sums, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** Replaces column {@code column} of a CSV line without quoted fields. */
    static String setColumn(String line, int column, String value)
    {
        String[] values = line.split(",", -1);
        values[column] = value;
        return String.join(",", values);
    }

    static String column(String line, int column)
    {
        return line.split(",", -1)[column];
    }
}
