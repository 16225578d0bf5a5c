package dev.simdata.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.simdata.database.ConnectionTarget;
import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 cases 4 and 5: re-signed damage the loader refuses fails validation naming the file; a validation that
 * checked nothing, or a dataset or database without a table it must have, fails.
 */
class LoaderAgreementIT
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temporary;

    private Path demo(EnumSet<DataFormat> formats)
            throws Exception
    {
        return TestDatasets.copy(TestDatasets.fresh(Scenario.DEMO, formats, 400), temporary.resolve("damaged"));
    }

    private static String contactsShard(Path dataset, DataFormat format)
    {
        return Manifest.read(dataset).files("contacts", format).orElseThrow().shards().get(0).path();
    }

    private static CheckResult onlyFailure(ValidationReport report)
    {
        assertThat(report.passed()).isFalse();
        return report.failures().get(0);
    }

    @Test
    void nulByteInACsvValueFailsNamingTheFile()
            throws Exception
    {
        Path dataset = demo(EnumSet.of(DataFormat.CSV));
        String shard = contactsShard(dataset, DataFormat.CSV);
        Mutations.rewriteFirst(dataset, shard, line -> line.contains("@"), line -> line.replaceFirst("@", "\u0000@"));
        Mutations.reseal(dataset, shard, Manifest.read(dataset).files("contacts", DataFormat.CSV).orElseThrow().shards().get(0).rows());
        ValidationReport report = Validator.validateFiles(dataset, ValidationOptions.all());
        CheckResult failure = onlyFailure(report);
        assertThat(failure.name()).isEqualTo("integrity.encoding");
        assertThat(failure.message()).contains(shard).contains("NUL byte");
    }

    @Test
    void windowsLineEndingsFailNamingTheFile()
            throws Exception
    {
        Path dataset = demo(EnumSet.of(DataFormat.CSV));
        String shard = contactsShard(dataset, DataFormat.CSV);
        Path file = dataset.resolve(shard);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Mutations.reseal(dataset, shard, Manifest.read(dataset).files("contacts", DataFormat.CSV).orElseThrow().shards().get(0).rows());
        CheckResult failure = onlyFailure(Validator.validateFiles(dataset, ValidationOptions.all()));
        assertThat(failure.name()).isEqualTo("schema.columns");
        assertThat(failure.message()).contains(shard).contains("LF");
    }

    @Test
    void crInsideAQuotedValueIsNotALineEnding()
            throws Exception
    {
        // what COPY accepts must pass: a carriage return inside quotes is data
        Path dataset = TestDatasets.copy(TestDatasets.fresh(Scenario.DEMO, EnumSet.of(DataFormat.CSV), 400), temporary.resolve("quoted"));
        assertThat(CsvBytes.firstProblem(write("a,\"x\r\ny\"\n"))).isEmpty();
        assertThat(CsvBytes.firstProblem(write("a,b\r\n"))).get().asString().contains("carriage return");
        assertThat(CsvBytes.firstProblem(write("a,\"\u00e9\"\n"))).isEmpty();
        Path invalid = temporary.resolve("invalid.csv");
        Files.write(invalid, new byte[] {'a', ',', (byte) 0xC0, (byte) 0xAF, '\n'});
        assertThat(CsvBytes.firstProblem(invalid)).get().asString().contains("invalid UTF-8 at byte 2");
        assertThat(Validator.validateFiles(dataset, ValidationOptions.all()).passed()).isTrue();
    }

    private Path write(String text)
            throws Exception
    {
        Path file = Files.createTempFile(temporary, "bytes", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void flippedByteInAParquetDataPageFailsNamingTheFile()
            throws Exception
    {
        Path dataset = demo(EnumSet.of(DataFormat.PARQUET));
        String shard = contactsShard(dataset, DataFormat.PARQUET);
        Path file = dataset.resolve(shard);
        byte[] bytes = Files.readAllBytes(file);
        // the first column chunk (contact UUIDs) starts after the magic and the page header; XOR 0x40 takes any
        // UUID character out of [0-9a-f-]
        bytes[200] ^= 0x40;
        Files.write(file, bytes);
        Mutations.reseal(dataset, shard, Manifest.read(dataset).files("contacts", DataFormat.PARQUET).orElseThrow().shards().get(0).rows());
        ValidationReport report = Validator.validateFiles(dataset, ValidationOptions.all());
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).anySatisfy(failure -> assertThat(failure.message()).contains(shard));
    }

    @Test
    void manifestWithoutTheEventsTablesFails()
            throws Exception
    {
        Path dataset = demo(EnumSet.of(DataFormat.CSV, DataFormat.PARQUET));
        Path manifestFile = dataset.resolve(Manifest.FILE_NAME);
        JsonNode root = JSON.readTree(manifestFile.toFile());
        ArrayNode resources = (ArrayNode) root.path("resources");
        List<String> removed = new ArrayList<>();
        for (int i = resources.size() - 1; i >= 0; i--) {
            if (resources.get(i).path("table").asText().equals("events")) {
                resources.get(i).path("shards").forEach(shard -> removed.add(shard.path("path").asText()));
                resources.remove(i);
            }
        }
        for (String path : removed) {
            Files.delete(dataset.resolve(path));
        }
        Files.write(manifestFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        List<String> sums = new ArrayList<>();
        for (String line : Files.readAllLines(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME))) {
            String path = line.substring(66);
            if (path.equals(Manifest.FILE_NAME)) {
                sums.add(Checksums.sha256(manifestFile) + "  " + path);
            }
            else if (!removed.contains(path)) {
                sums.add(line);
            }
        }
        Files.write(dataset.resolve(Manifest.CHECKSUMS_FILE_NAME), sums);
        ValidationReport report = Validator.validateFiles(dataset, ValidationOptions.all());
        assertThat(report.failures()).extracting(CheckResult::name).contains("integrity.tables");
        assertThat(report.failures().stream().filter(failure -> failure.name().equals("integrity.tables")).findFirst().orElseThrow().message())
                .contains("events-csv").contains("events-parquet");
    }

    @Test
    void emptyDatabaseOrMisspeltSchemaFails()
            throws Exception
    {
        ConnectionTarget target = ConnectionTarget.resolve(PostgresFixture.url(), null, Map.of(), null);
        ValidationReport report = Validator.validateDatabase(target, "no_such_schema", Optional.empty(), ValidationOptions.all());
        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).extracting(CheckResult::name).contains("validation.coverage", "schema.tables");
        assertThat(report.failures().stream().filter(failure -> failure.name().equals("validation.coverage")).findFirst().orElseThrow().message())
                .contains("nothing was checked").contains("no_such_schema");
    }

    @Test
    void databaseMissingATableFails()
            throws Exception
    {
        Path dataset = TestDatasets.fresh(Scenario.DEMO, EnumSet.of(DataFormat.CSV), 400);
        PostgresFixture.load(dataset, "lacks_events");
        try (Connection connection = DriverManager.getConnection(PostgresFixture.url())) {
            PostgresFixture.execute(connection, "DROP TABLE lacks_events.events");
        }
        ConnectionTarget target = ConnectionTarget.resolve(PostgresFixture.url(), null, Map.of(), null);
        ValidationReport report = Validator.validateDatabase(target, "lacks_events", Optional.of(dataset), ValidationOptions.all());
        CheckResult tables = report.failures().stream().filter(failure -> failure.name().equals("schema.tables")).findFirst().orElseThrow();
        assertThat(tables.samples()).containsExactly("events");
    }
}
