package dev.simdata.it;

import dev.simdata.app.GenerateDataset;
import dev.simdata.cli.Cli;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.OutputLock;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code generate --force} over a complete dataset, killed with SIGKILL half-way, leaves the old dataset whole and
 * verifiable with {@code sha256sum -c}; while it runs a second writer is refused naming it; the next run reports the
 * stale lock, clears the leftovers and replaces the dataset.
 */
class KilledRunIT
{
    @Test
    void aKilledForceLeavesTheOldDatasetWholeAndASecondWriterIsRefused(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("data");
        GenerateDataset.run(GenerationSettings.defaults(Scenario.DEMO),
                new DatasetOptions(out, EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), 50_000, ParquetCompression.SNAPPY, 2, false), GenerationProgress.NONE);
        String oldSums = Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "generate", "--scenario", "analytics", "--out", out.toString(), "--force", "--threads", "2", "--shard-rows", "50000");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temporary.resolve("log").toFile()).start();
        // wait until the new dataset's shards have begun to appear beside the old one, then kill without warning
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && process.isAlive() && stagedFiles(temporary) < 12) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("the run was still going when killed").isTrue();

        StringWriter err = new StringWriter();
        int second = Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("generate", "--scenario", "demo", "--seed", "7", "--out", out.toString(), "--force", "--quiet");
        assertThat(second).isEqualTo(2);
        assertThat(err.toString()).contains("being written by another simdata run (process " + process.pid());

        process.destroyForcibly().waitFor();
        assertThat(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(oldSums);
        Process check = new ProcessBuilder("sha256sum", "--quiet", "-c", Manifest.CHECKSUMS_FILE_NAME).directory(out.toFile())
                .redirectErrorStream(true).redirectOutput(temporary.resolve("check").toFile()).start();
        assertThat(check.waitFor()).as(Files.readString(temporary.resolve("check"))).isZero();
        assertThat(OutputLock.lockFile(out)).exists();

        StringWriter notes = new StringWriter();
        int rerun = Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(notes, true))
                .execute("generate", "--scenario", "demo", "--seed", "7", "--out", out.toString(), "--force", "--quiet");
        assertThat(rerun).as(notes.toString()).isZero();
        assertThat(notes.toString()).contains("removed the stale lock");
        assertThat(Files.readString(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isNotEqualTo(oldSums);
        try (Stream<Path> beside = Files.list(temporary)) {
            assertThat(beside.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("data", "log", "check");
        }
    }

    private static long stagedFiles(Path parent)
            throws java.io.IOException
    {
        try (Stream<Path> walk = Files.walk(parent)) {
            return walk.filter(path -> path.toString().contains(".simdata-staging-")).filter(Files::isRegularFile).count();
        }
        catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }
}
