package dev.simdata.it;

import dev.simdata.dataset.Manifest;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same inputs give the same bytes whatever the thread count, and shard boundaries only cut the same rows
 * differently: the shards of a table, concatenated without their headers, are the rows of one big shard.
 */
class DeterminismIT
{
    @Test
    void threadCountNeverChangesTheBytes()
            throws IOException
    {
        Path twoThreads = TestDatasets.dataset(Scenario.DEVELOPMENT);
        Path oneThread = TestDatasets.generate(Scenario.DEVELOPMENT, 1);
        assertThat(Files.readString(oneThread.resolve(Manifest.CHECKSUMS_FILE_NAME)))
                .isEqualTo(Files.readString(twoThreads.resolve(Manifest.CHECKSUMS_FILE_NAME)));
    }

    @Test
    void shardsConcatenatedEqualOneShard(@TempDir Path temporary)
            throws IOException
    {
        GenerationSettings settings = GenerationSettings.defaults(Scenario.DEMO);
        Path small = temporary.resolve("small");
        Path whole = temporary.resolve("whole");
        TestDatasets.generate(settings, small, 97, 2);
        TestDatasets.generate(settings, whole, 1_000_000, 2);
        for (String table : Manifest.read(whole).tables()) {
            List<String> pieces = new ArrayList<>();
            List<Path> shards;
            try (Stream<Path> listing = Files.list(small.resolve("csv").resolve(table))) {
                shards = listing.sorted().toList();
            }
            for (Path shard : shards) {
                List<String> lines = Files.readAllLines(shard);
                pieces.addAll(lines.subList(1, lines.size()));
            }
            List<String> one = Files.readAllLines(whole.resolve("csv").resolve(table).resolve("part-00000.csv"));
            assertThat(pieces).as("rows of %s", table).isEqualTo(one.subList(1, one.size()));
            if (one.size() - 1 > 97) {
                assertThat(shards).as("shards of %s", table).hasSize((one.size() - 1 + 96) / 97);
            }
        }
    }

    @Test
    void anotherSeedGivesOtherData(@TempDir Path temporary)
            throws IOException
    {
        GenerationSettings defaults = GenerationSettings.defaults(Scenario.DEMO);
        TestDatasets.generate(new GenerationSettings(defaults.scenario(), 7, defaults.asOf(), defaults.zone()), temporary, 250_000, 2);
        String other = Files.readString(temporary.resolve("csv/contacts/part-00000.csv"));
        String usual = Files.readString(TestDatasets.dataset(Scenario.DEMO).resolve("csv/contacts/part-00000.csv"));
        assertThat(other).isNotEqualTo(usual);
    }
}
