package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's property: for random single-byte flips and truncations of a re-signed shard of {@code development},
 * whenever the real loader (into a real embedded PostgreSQL) refuses the dataset, {@code validate} fails too.
 * The sample size is {@code -Dsimdata.agreement.samples} (default 12), bounded by {@code -Dsimdata.agreement.seconds} (default 240).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidateLoadAgreementIT
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private Path dataset;

    @BeforeAll
    void setUp()
            throws Exception
    {
        postgres = EmbeddedPostgres.builder().start();
        dataset = temporary.resolve("development");
        GenerateDataset.run(GenerationSettings.defaults(Scenario.DEVELOPMENT),
                new DatasetOptions(dataset, EnumSet.of(DataFormat.CSV), 1_000_000, ParquetCompression.SNAPPY, 2, false), GenerationProgress.NONE);
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        postgres.close();
    }

    private static int run(String... args)
    {
        StringWriter out = new StringWriter();
        return Cli.create(new PrintWriter(out, true), new PrintWriter(out, true)).execute(args);
    }

    @Test
    void validateFailsWheneverLoadFails()
            throws Exception
    {
        int samples = Integer.getInteger("simdata.agreement.samples", 12);
        long deadline = System.nanoTime() + Long.getLong("simdata.agreement.seconds", 240L) * 1_000_000_000L;
        String shard = Manifest.read(dataset).files("contacts", DataFormat.CSV).orElseThrow().shards().get(0).path();
        Path file = dataset.resolve(shard);
        byte[] original = Files.readAllBytes(file);
        byte[] manifest = Files.readAllBytes(dataset.resolve(Manifest.FILE_NAME));
        byte[] sums = Files.readAllBytes(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME));
        Random random = new Random(17);
        String url = postgres.getJdbcUrl("postgres", "postgres");
        List<String> disagreements = new ArrayList<>();
        int tried = 0;
        int loadFailed = 0;
        for (int i = 0; i < samples && System.nanoTime() < deadline; i++) {
            byte[] damaged;
            String what;
            if (random.nextInt(4) == 0) {
                int length = random.nextInt(original.length);
                damaged = java.util.Arrays.copyOf(original, length);
                what = "truncated to " + length + " bytes";
            }
            else {
                damaged = original.clone();
                int at = random.nextInt(original.length);
                int bit = 1 << random.nextInt(8);
                damaged[at] ^= (byte) bit;
                what = "byte " + at + " xor " + bit;
            }
            Files.write(file, damaged);
            reseal(shard, damaged);
            int validate = run("validate", dataset.toString(), "--threads", "2");
            int load = run("load", dataset.toString(), "--url", url, "--schema", "agree_" + i, "--mode", "create", "--quiet");
            tried++;
            if (load != ExitCode.OK) {
                loadFailed++;
                if (validate == ExitCode.OK) {
                    disagreements.add(what + ": load exit " + load + ", validate exit 0");
                }
                if (load != ExitCode.INVALID_INPUT) {
                    // damaged content is the dataset's fault (exit 2), never "could not run" (exit 3)
                    disagreements.add(what + ": load exit " + load + " instead of " + ExitCode.INVALID_INPUT);
                }
            }
            Files.write(file, original);
            Files.write(dataset.resolve(Manifest.FILE_NAME), manifest);
            Files.write(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME), sums);
        }
        System.out.println("validate/load agreement: " + tried + " damaged copies, load refused " + loadFailed + ", disagreements " + disagreements.size());
        assertThat(tried).isGreaterThanOrEqualTo(Math.min(samples, 5));
        assertThat(disagreements).isEmpty();
    }

    private void reseal(String shard, byte[] bytes)
            throws Exception
    {
        String sha256 = Checksums.hex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        JsonNode root = JSON.readTree(manifestFile.toFile());
        for (JsonNode resource : root.path("resources")) {
            for (JsonNode node : resource.path("shards")) {
                if (node.path("path").asText().equals(shard)) {
                    ((ObjectNode) node).put("bytes", bytes.length).put("sha256", sha256);
                    long total = 0;
                    for (JsonNode other : resource.path("shards")) {
                        total += other.path("bytes").asLong();
                    }
                    ((ObjectNode) resource).put("bytes", total);
                }
            }
        }
        Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
            String path = line.substring(66);
            lines.add(path.equals(shard) ? sha256 + "  " + path : path.equals(Manifest.FILE_NAME) ? Checksums.sha256(manifestFile) + "  " + path : line);
        }
        Files.write(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME), lines);
    }
}
