package dev.simdata.it;

import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed {@code output/demo} is exactly what the demo scenario generates with default options: the same file
 * names and the same bytes. Regenerate it with {@code scripts/simdata generate --scenario demo --force} when a
 * change to the generators is intended.
 */
class DemoSnapshotIT
{
    private static final Path SNAPSHOT = Path.of("output", "demo");

    @Test
    void regeneratingTheDemoGivesTheCommittedSnapshot()
            throws IOException
    {
        assertThat(SNAPSHOT.resolve("SHA256SUMS")).as("the committed snapshot (run from the repository root)").exists();
        Path fresh = TestDatasets.dataset(Scenario.DEMO);
        List<String> expected = files(SNAPSHOT);
        assertThat(files(fresh)).isEqualTo(expected);
        for (String file : expected) {
            assertThat(Files.mismatch(SNAPSHOT.resolve(file), fresh.resolve(file))).as("first differing byte of %s", file).isEqualTo(-1L);
        }
    }

    private static List<String> files(Path root)
            throws IOException
    {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
