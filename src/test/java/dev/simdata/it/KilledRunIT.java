package dev.simdata.it;

import dev.simdata.dataset.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run killed midway (SIGKILL, no chance to clean up) leaves nothing that looks like a complete dataset: no
 * manifest, no SHA256SUMS, and no data file under its final name that is half-written. A forced re-run then
 * produces the complete dataset.
 */
class KilledRunIT
{
    @Test
    void aKilledRunNeverLooksCompleteAndForceRecovers(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("analytics");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "generate", "--scenario", "analytics", "--out", out.toString(), "--threads", "2", "--shard-rows", "50000");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temporary.resolve("log").toFile()).start();
        // wait until shards have begun to appear, then kill without warning
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive() && countFiles(out) < 12) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("the run was still going when killed").isTrue();
        process.destroyForcibly().waitFor();

        assertThat(out.resolve(Manifest.FILE_NAME)).doesNotExist();
        assertThat(out.resolve(Manifest.CHECKSUMS_FILE_NAME)).doesNotExist();

        Process rerun = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "generate", "--scenario", "analytics", "--out", out.toString(), "--shard-rows", "50000", "--force", "--quiet"))
                .redirectErrorStream(true).redirectOutput(temporary.resolve("log2").toFile()).start();
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).as(Files.readString(temporary.resolve("log2"))).isZero();
        Manifest manifest = Manifest.read(out);
        long listed = manifest.files().stream().mapToLong(files -> files.shards().size()).sum();
        assertThat(countFiles(out)).isEqualTo(listed + 2);
    }

    private static long countFiles(Path root)
            throws java.io.IOException
    {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(path -> !path.getFileName().toString().startsWith(".tmp-")).count();
        }
        catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
            return 0;
        }
    }
}
