package dev.simdata.it;

import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.Folders;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datasets generated once per test JVM with default options, shared read-only by the tests that need them.
 */
public final class TestDatasets
{
    private static final Map<String, Path> GENERATED = new ConcurrentHashMap<>();
    private static Path root;

    private TestDatasets() {}

    public static Path dataset(Scenario scenario)
    {
        return GENERATED.computeIfAbsent(scenario.name(), name -> generate(scenario, 2));
    }

    public static Path generate(Scenario scenario, int threads)
    {
        try {
            Path out = Files.createTempDirectory(root(), scenario.name() + "-");
            generate(GenerationSettings.defaults(scenario), out, DatasetOptions.DEFAULT_SHARD_ROWS, threads);
            return out;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One temporary folder for every generated dataset, deleted when the test JVM exits. */
    private static synchronized Path root()
            throws IOException
    {
        if (root == null) {
            root = Files.createTempDirectory("simdata-test-datasets-");
            Path folder = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Folders.deleteTree(folder);
                }
                catch (IOException e) {
                    // a leftover in the temporary folder is harmless
                }
            }));
        }
        return root;
    }

    public static void generate(GenerationSettings settings, Path out, long shardRows, int threads)
    {
        try {
            GenerateDataset.run(settings, new DatasetOptions(out, EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), shardRows, ParquetCompression.SNAPPY, threads, true), GenerationProgress.NONE);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
