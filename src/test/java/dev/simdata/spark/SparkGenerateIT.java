package dev.simdata.spark;

import dev.simdata.dataset.Manifest;
import dev.simdata.it.TestDatasets;
import dev.simdata.scenario.Scenario;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job in local mode writes the very dataset {@code generate} writes: the same SHA256SUMS and no other file,
 * on a local folder and on HDFS (an in-process MiniDFSCluster), also when a task fails on its first attempt; a driver
 * killed mid-job leaves no manifest.
 */
class SparkGenerateIT
{
    private static SparkSession spark;
    private static Path cli;

    @BeforeAll
    static void setUp()
    {
        cli = TestDatasets.dataset(Scenario.DEVELOPMENT);
        // two threads, and a task may fail once before the job fails (Spark's local[N,F])
        spark = SparkTestSession.start("local[2,2]");
    }

    @AfterAll
    static void tearDown()
    {
        if (spark != null) {
            spark.stop();
        }
        System.clearProperty(FailureHook.PROPERTY);
    }

    @Test
    void writesTheCliDatasetByteForByte(@TempDir Path temporary)
            throws IOException
    {
        Path out = temporary.resolve("spark");
        SparkJob.Result result = SparkJob.run(spark, List.of("--scenario", "development", "--out", out.toString()));
        assertThat(result.files()).isEqualTo(48);
        assertSameDataset(out);
    }

    @Test
    void writesTheCliDatasetToHdfs(@TempDir Path temporary)
            throws IOException
    {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, temporary.resolve("hdfs").toString());
        MiniDFSCluster cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        try {
            cluster.waitActive();
            String out = cluster.getURI() + "/datasets/development";
            assertThat(out).startsWith("hdfs://");
            SparkJob.run(spark, List.of("--scenario", "development", "--out", out));
            FileSystem hdfs = cluster.getFileSystem();
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path("/datasets/development");
            List<String> sums;
            try (InputStream in = hdfs.open(new org.apache.hadoop.fs.Path(root, Manifest.CHECKSUMS_FILE_NAME))) {
                sums = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            }
            assertThat(sums).isEqualTo(Files.readAllLines(cli.resolve(Manifest.CHECKSUMS_FILE_NAME)));
            // every file on HDFS is exactly the CLI's, and there is no other
            List<String> stored = new java.util.ArrayList<>();
            RemoteIterator<LocatedFileStatus> listing = hdfs.listFiles(root, true);
            while (listing.hasNext()) {
                org.apache.hadoop.fs.Path file = listing.next().getPath();
                String relative = file.toUri().getPath().substring(root.toUri().getPath().length() + 1);
                stored.add(relative);
                try (InputStream in = hdfs.open(file)) {
                    assertThat(in.readAllBytes()).as(relative).isEqualTo(Files.readAllBytes(cli.resolve(relative)));
                }
            }
            assertThat(stored.stream().sorted().toList()).isEqualTo(files(cli));
        }
        finally {
            cluster.shutdown();
        }
    }

    @Test
    void aTaskFailingOnItsFirstAttemptIsRetriedAndTheBytesAreTheSame(@TempDir Path temporary)
            throws IOException
    {
        Path out = temporary.resolve("retried");
        int before = FailureHook.injected();
        System.setProperty(FailureHook.PROPERTY, "events:0");
        try {
            SparkJob.run(spark, List.of("--scenario", "development", "--out", out.toUri().toString()));
        }
        finally {
            System.clearProperty(FailureHook.PROPERTY);
        }
        assertThat(FailureHook.injected()).as("failures injected").isEqualTo(before + 1);
        assertSameDataset(out);
    }

    @Test
    void aNonEmptyOutIsRefusedWithExitCode2AndLeftAlone(@TempDir Path temporary)
            throws IOException
    {
        Path mine = Files.writeString(temporary.resolve("mine.txt"), "keep");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkGenerate.run(List.of("--scenario", "demo", "--out", temporary.toString()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not empty").hasLineCount(1);
        assertThat(Files.readString(mine)).isEqualTo("keep");
        assertThat(files(temporary)).containsExactly("mine.txt");
    }

    @Test
    void aBadFlagIsOneLineWithExitCode2()
    {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SparkGenerate.run(List.of("--scenario", "nope", "--out", "/tmp/never"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), spark);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope").hasLineCount(1);
    }

    @Test
    void aDriverKilledMidJobLeavesNoManifest(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx1g", "-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1"));
        command.addAll(List.of(System.getProperty("simdata.spark.opens", "").split(" ")).stream().filter(option -> !option.isBlank()).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkGenerate.class.getName(), "--scenario", "analytics", "--shard-rows", "20000",
                "--out", out.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temporary.resolve("log").toFile());
        builder.environment().put("SPARK_MASTER", "local[2]");
        Process process = builder.start();
        try {
            long deadline = System.currentTimeMillis() + 120_000;
            while (System.currentTimeMillis() < deadline && process.isAlive() && countFiles(out, ".parquet") < 3) {
                Thread.sleep(50);
            }
            assertThat(process.isAlive()).as("the job still runs when its first shards are in place; log: " + Files.readString(temporary.resolve("log"))).isTrue();
            new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start().waitFor();
            process.waitFor();
        }
        finally {
            process.destroyForcibly();
        }
        assertThat(countFiles(out, ".parquet")).isGreaterThanOrEqualTo(3);
        assertThat(out.resolve(Manifest.FILE_NAME)).doesNotExist();
        assertThat(out.resolve(Manifest.CHECKSUMS_FILE_NAME)).doesNotExist();
    }

    private static void assertSameDataset(Path out)
            throws IOException
    {
        assertThat(Files.readAllLines(out.resolve(Manifest.CHECKSUMS_FILE_NAME))).isEqualTo(Files.readAllLines(cli.resolve(Manifest.CHECKSUMS_FILE_NAME)));
        // no stray file: exactly what generate writes (no temporaries, no .crc sidecars)
        assertThat(files(out)).isEqualTo(files(cli));
        for (String file : files(cli)) {
            assertThat(Files.mismatch(out.resolve(file), cli.resolve(file))).as(file).isEqualTo(-1);
        }
    }

    private static List<String> files(Path root)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }

    private static long countFiles(Path root, String suffix)
            throws IOException
    {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(suffix) && !path.getFileName().toString().startsWith(".")).count();
        }
    }
}
