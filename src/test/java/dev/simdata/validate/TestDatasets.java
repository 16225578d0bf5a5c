package dev.simdata.validate;

import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Fresh datasets generated once per test JVM, shared read-only; {@link #copy} gives a private copy to damage. */
final class TestDatasets
{
    private static final Map<String, Path> CACHE = new ConcurrentHashMap<>();
    private static Path root;

    private TestDatasets() {}

    static Path fresh(Scenario scenario, Set<DataFormat> formats, long shardRows)
    {
        String key = scenario.name() + "-" + String.join("-", formats.stream().map(DataFormat::id).sorted().toList()) + "-" + shardRows;
        return CACHE.computeIfAbsent(key, name -> {
            Path out = root().resolve(name);
            try {
                GenerateDataset.run(GenerationSettings.defaults(scenario),
                        new DatasetOptions(out, EnumSet.copyOf(formats), shardRows, ParquetCompression.SNAPPY, 2, false), GenerationProgress.NONE);
            }
            catch (Exception e) {
                throw new IllegalStateException("cannot generate " + name, e);
            }
            return out;
        });
    }

    /** The default dataset of a scenario, shared with the other integration tests. */
    static Path bothFormats(Scenario scenario)
    {
        return dev.simdata.it.TestDatasets.dataset(scenario);
    }

    static synchronized Path root()
    {
        if (root == null) {
            try {
                root = Files.createTempDirectory("simdata-validate-test-");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        }
        return root;
    }

    static Path copy(Path dataset, Path target)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(dataset)) {
            for (Path path : walk.toList()) {
                Path destination = target.resolve(dataset.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    private static void delete(Path folder)
    {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
