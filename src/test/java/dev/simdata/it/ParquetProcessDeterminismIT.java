package dev.simdata.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parquet bytes do not depend on the JVM process: parquet-java#3215 reports the footer's encodings list coming from
 * a HashSet, whose order could change from one process to the next. Two separate processes (and a JDK 25 one where
 * it is installed) write the demo's Parquet files; every file's SHA-256 must agree.
 */
class ParquetProcessDeterminismIT
{
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    @Test
    void separateProcessesAndJdksWriteTheSameParquetBytes(@TempDir Path scratch)
            throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String first = generate(java, scratch.resolve("a"), "2");
        String second = generate(java, scratch.resolve("b"), "1");
        assertThat(first).contains("parquet/events/part-00000.parquet");
        assertThat(second).isEqualTo(first);
        if (Files.isExecutable(JDK25)) {
            assertThat(generate(JDK25.toString(), scratch.resolve("c"), "2")).as("JDK 25").isEqualTo(first);
        }
    }

    private static String generate(String java, Path out, String threads)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.simdata.cli.Main", "generate", "--scenario", "demo", "--format", "parquet", "--threads", threads,
                "--out", out.toString(), "--quiet"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("generate finished").isTrue();
        assertThat(process.exitValue()).as("exit code").isZero();
        return Files.readString(out.resolve("SHA256SUMS"));
    }
}
