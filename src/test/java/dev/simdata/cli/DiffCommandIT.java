package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.export.ExportFixtures;
import dev.simdata.it.TestDatasets;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.simdata.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** 'simdata diff' run through the real CLI on generated datasets. */
class DiffCommandIT
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMO = "output/demo";

    @Test
    void identicalDatasetsExitZeroWithOneLine()
    {
        CliTest.Result result = run("diff", DEMO, DEMO);
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out().strip()).startsWith("identical: ").contains("21 tables").doesNotContain("\n");
    }

    @Test
    void anotherSeedChangesEveryKeyAndTheProvenance(@TempDir Path temporary)
            throws Exception
    {
        Path other = temporary.resolve("seed7");
        assertThat(run("generate", "--scenario", "demo", "--seed", "7", "--out", other.toString(), "--quiet").code()).isZero();
        CliTest.Result text = run("diff", DEMO, other.toString(), "--rows", "2");
        assertThat(text.code()).as(text.err()).isEqualTo(1);
        assertThat(text.out()).contains("seed: 20240601 -> 7", "table organizations: rows 2 -> 2, 2 added, 2 removed, 0 changed", "added keys: ");
        CliTest.Result json = run("diff", DEMO, other.toString(), "--format", "json");
        assertThat(json.code()).isEqualTo(1);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.path("identical").asBoolean()).isFalse();
        JsonNode contacts = table(root, "contacts");
        assertThat(contacts.path("rows_before").asLong()).isEqualTo(300);
        assertThat(contacts.path("added").asLong()).isEqualTo(contacts.path("rows_after").asLong());
        assertThat(contacts.path("removed").asLong()).isEqualTo(300);
    }

    @Test
    void aChangedRateShowsOnlyTheJourneyTablesChanging(@TempDir Path temporary)
            throws Exception
    {
        Path config = Files.writeString(temporary.resolve("rate.yaml"), "base: demo\nrates:\n  qr_scanned: 0.5\n");
        Path other = temporary.resolve("rate");
        assertThat(run("generate", "--config", config.toString(), "--out", other.toString(), "--quiet").code()).isZero();
        CliTest.Result json = run("diff", DEMO, other.toString(), "--format", "json");
        assertThat(json.code()).as(json.err()).isEqualTo(1);
        JsonNode root = JSON.readTree(json.out());
        assertThat(root.path("provenance").toString()).contains("scenario.rates.qr_scanned: 0.2 -> 0.5");
        List<String> changed = new ArrayList<>();
        root.path("tables").forEach(table -> {
            if (!table.path("identical").asBoolean()) {
                changed.add(table.path("table").asText());
            }
        });
        assertThat(changed).containsExactlyInAnyOrder("recipients", "events", "recipient_audit_log", "contact_campaign_participation");
        JsonNode events = table(root, "events");
        assertThat(events.path("removed").asLong()).isZero();
        assertThat(events.path("added").asLong()).isEqualTo(events.path("rows_after").asLong() - events.path("rows_before").asLong()).isPositive();
        assertThat(table(root, "recipients").path("changed_columns").path("status").asLong()).isPositive();
    }

    @Test
    void analyticsAgainstAChangedCopyInUnderThirtySeconds(@TempDir Path temporary)
            throws Exception
    {
        Path analytics = TestDatasets.dataset(Scenario.ANALYTICS);
        Path before = ExportFixtures.csvOnlyCopy(analytics, temporary.resolve("before"));
        Path after = ExportFixtures.csvOnlyCopy(analytics, temporary.resolve("after"));
        String shard = "csv/events/part-00000.csv";
        ExportFixtures.rewriteCsv(after, shard, lines -> {
            List<String> changed = new ArrayList<>(lines.subList(1, lines.size()));
            String[] columns = changed.get(0).split(",", -1);
            columns[columns.length - 1] = columns[columns.length - 1] + "x";
            changed.set(0, String.join(",", columns));
            return changed;
        });
        long started = System.nanoTime();
        CliTest.Result json = run("diff", before.toString(), after.toString(), "--format", "json", "--rows", "3");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(json.code()).as(json.err()).isEqualTo(1);
        assertThat(seconds).isLessThan(30);
        JsonNode root = JSON.readTree(json.out());
        JsonNode events = table(root, "events");
        assertThat(events.path("removed").asLong()).isEqualTo(1);
        assertThat(events.path("added").asLong()).isZero();
        assertThat(events.path("changed").asLong()).isEqualTo(1);
        assertThat(events.path("changed_columns").size()).isEqualTo(1);
        assertThat(events.path("removed_keys").size()).isEqualTo(1);
        long others = 0;
        for (JsonNode table : root.path("tables")) {
            others += table.path("identical").asBoolean() ? 0 : 1;
        }
        assertThat(others).isEqualTo(1);
        assertThat(root.path("provenance").size()).isZero();
        System.out.println("diff of analytics against a changed copy: " + seconds + " s");
    }

    @Test
    void aFolderThatIsNotADatasetExitsTwoWithOneLine(@TempDir Path temporary)
    {
        CliTest.Result result = run("diff", DEMO, temporary.toString());
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("simdata diff: error: ").contains("datapackage.json").doesNotContain("\n");
    }

    private static JsonNode table(JsonNode root, String name)
    {
        for (JsonNode table : root.path("tables")) {
            if (table.path("table").asText().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + root);
    }
}
