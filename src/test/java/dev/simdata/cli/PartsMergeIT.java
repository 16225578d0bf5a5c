package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.PartManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.simdata.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate --part K/N} then {@code merge} gives the very dataset one {@code generate} gives, and merge refuses
 * parts that do not make one dataset, with a one-line error, exit code 2 and no manifest in {@code --out}.
 */
class PartsMergeIT
{
    @Test
    void developmentInThreePartsMergesToTheSameChecksums(@TempDir Path temporary)
            throws IOException
    {
        assertPartsMergeToWhole(temporary, 3, "--scenario", "development");
    }

    @Test
    void analyticsInFivePartsOfSmallShardsMergesToTheSameChecksums(@TempDir Path temporary)
            throws IOException
    {
        assertPartsMergeToWhole(temporary, 5, "--scenario", "analytics", "--shard-rows", "50000");
    }

    private static void assertPartsMergeToWhole(Path temporary, int n, String... options)
            throws IOException
    {
        Path whole = temporary.resolve("whole");
        assertThat(run(generate(whole, options)).code()).isZero();
        List<Path> parts = writeParts(temporary, n, options);
        long[] rows = new long[n];
        int shards = 0;
        for (int k = 0; k < n; k++) {
            JsonNode part = new ObjectMapper().readTree(parts.get(k).resolve(PartManifest.FILE_NAME).toFile());
            assertThat(parts.get(k).resolve(Manifest.FILE_NAME)).doesNotExist();
            for (JsonNode resource : part.path("resources")) {
                if (resource.path("format").asText().equals("csv")) {
                    for (JsonNode shard : resource.path("shards")) {
                        rows[k] += shard.path("rows").asLong();
                        shards++;
                    }
                }
            }
        }
        long total = java.util.Arrays.stream(rows).sum();
        if (shards >= 4 * n) {
            for (long partRows : rows) {
                assertThat((double) partRows).isBetween(0.85 * total / n, 1.15 * total / n);
            }
        }
        Path merged = temporary.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge", "--out", merged.toString()));
        for (int k = parts.size() - 1; k >= 0; k--) {
            args.add(parts.get(k).toString());
        }
        CliTest.Result result = run(args.toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(Files.readString(merged.resolve(Manifest.CHECKSUMS_FILE_NAME)))
                .isEqualTo(Files.readString(whole.resolve(Manifest.CHECKSUMS_FILE_NAME)));
        assertThat(Files.mismatch(merged.resolve(Manifest.FILE_NAME), whole.resolve(Manifest.FILE_NAME))).isEqualTo(-1);
        try (Stream<Path> files = Files.walk(merged)) {
            assertThat(files.filter(Files::isRegularFile).count())
                    .isEqualTo(Files.readAllLines(whole.resolve(Manifest.CHECKSUMS_FILE_NAME)).size() + 1);
        }
        assertThat(parts.get(0).resolve(PartManifest.FILE_NAME)).doesNotExist();
    }

    @Test
    void mergeRefusesPartsThatDoNotMakeOneDataset(@TempDir Path temporary)
            throws IOException
    {
        List<Path> parts = writeParts(temporary, 3, "--scenario", "demo", "--shard-rows", "2000");
        Path otherSeed = temporary.resolve("seed7-part2");
        assertThat(run(generate(otherSeed, "--scenario", "demo", "--shard-rows", "2000", "--seed", "7", "--part", "2/3")).code()).isZero();

        assertRefused(temporary, "part 3/3 is missing", parts.get(0), parts.get(1));
        assertRefused(temporary, "part 1/3 is given twice", parts.get(0), parts.get(1), parts.get(2), parts.get(0));
        assertRefused(temporary, "was made with seed 7", parts.get(0), otherSeed, parts.get(2));

        Path otherVersion = temporary.resolve("other-version");
        copyTree(parts.get(1), otherVersion);
        Path partFile = otherVersion.resolve(PartManifest.FILE_NAME);
        Files.writeString(partFile, Files.readString(partFile).replaceFirst("\"version\" : \"[^\"]*\"", "\"version\" : \"0.0.1\""));
        assertRefused(temporary, "was made with generator", parts.get(0), otherVersion, parts.get(2));

        Path changed = temporary.resolve("changed");
        copyTree(parts.get(2), changed);
        JsonNode shard = null;
        for (JsonNode resource : new ObjectMapper().readTree(changed.resolve(PartManifest.FILE_NAME).toFile()).path("resources")) {
            if (shard == null && resource.path("shards").size() > 0) {
                shard = resource.path("shards").get(0);
            }
        }
        Path file = changed.resolve(shard.path("path").asText());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 1;
        Files.write(file, bytes);
        assertRefused(temporary, "changed since part 3/3 was written", parts.get(0), parts.get(1), changed);

        // nothing was moved by the refusals: the parts still merge
        Path merged = temporary.resolve("merged");
        assertThat(run("merge", "--copy", "--out", merged.toString(), parts.get(0).toString(), parts.get(1).toString(), parts.get(2).toString()).code()).isZero();
        assertThat(merged.resolve(Manifest.FILE_NAME)).exists();
        assertThat(parts.get(0).resolve(PartManifest.FILE_NAME)).exists();
    }

    @Test
    void planShowsAPartsShare()
    {
        CliTest.Result result = run("plan", "--scenario", "demo", "--shard-rows", "2000", "--part", "2/3");
        assertThat(result.code()).as(result.err()).isZero();
        java.util.regex.Matcher share = java.util.regex.Pattern.compile("part 2/3 \\(est\\.\\): [0-9,]+ rows \\(([0-9.]+)%\\) in (\\d+) of (\\d+) shards")
                .matcher(result.out());
        assertThat(share.find()).as(result.out()).isTrue();
        assertThat(Double.parseDouble(share.group(1))).isBetween(100.0 / 3 * 0.85, 100.0 / 3 * 1.15);
        assertThat(Integer.parseInt(share.group(2))).isLessThan(Integer.parseInt(share.group(3)));
        assertThat(run("merge", "--help").out()).contains("Usage: simdata merge");
    }

    @Test
    void aBadPartOptionIsAOneLineError(@TempDir Path temporary)
    {
        CliTest.Result result = run(generate(temporary.resolve("x"), "--scenario", "demo", "--part", "4/3"));
        assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err().strip()).doesNotContain("\n").contains("'4/3' is not a part");
    }

    private static void assertRefused(Path temporary, String message, Path... parts)
    {
        Path out = temporary.resolve("refused");
        List<String> args = new ArrayList<>(List.of("merge", "--out", out.toString()));
        for (Path part : parts) {
            args.add(part.toString());
        }
        CliTest.Result result = run(args.toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err().strip()).contains(message).doesNotContain("\n");
        assertThat(out.resolve(Manifest.FILE_NAME)).doesNotExist();
    }

    private static List<Path> writeParts(Path temporary, int n, String... options)
    {
        List<Path> parts = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            Path part = temporary.resolve("part" + k);
            List<String> args = new ArrayList<>(List.of(generate(part, options)));
            args.add("--part");
            args.add(k + "/" + n);
            CliTest.Result result = run(args.toArray(String[]::new));
            assertThat(result.code()).as(result.err()).isZero();
            parts.add(part);
        }
        return parts;
    }

    private static String[] generate(Path out, String... options)
    {
        List<String> args = new ArrayList<>(List.of("generate", "--quiet", "--threads", "2", "--out", out.toString()));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
