package dev.simdata.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Folders;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tools no one here wrote read the dataset as written: datapackage-js (npm {@code datapackage} 1.1.10, installed by
 * this test into {@code target/datapackage-js}) validates the package, reads and casts every CSV resource and checks
 * its foreign keys; DuckDB reads each table with one glob and the {@code columns} that {@code simdata schema
 * --dialect duckdb} prints, and gets the manifest's row counts and the Parquet's values.
 */
class FrictionlessAndEnginesIT
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_MODULES = Path.of("target/datapackage-js/node_modules");
    private static Path development;

    @BeforeAll
    static void setUp()
            throws Exception
    {
        if (!Files.isDirectory(NODE_MODULES.resolve("datapackage"))) {
            Files.createDirectories(NODE_MODULES.getParent());
            run(List.of("npm", "install", "--prefix", NODE_MODULES.getParent().toString(), "--no-audit", "--no-fund", "datapackage@1.1.10"), 600);
        }
        development = Files.createTempDirectory("simdata-frictionless-").resolve("development");
        TestDatasets.generate(GenerationSettings.defaults(Scenario.DEVELOPMENT), development, 5_000, 2);
    }

    @AfterAll
    static void tearDown()
            throws IOException
    {
        if (development != null) {
            Folders.deleteTree(development.getParent());
        }
    }

    @Test
    void datapackageJsAcceptsTheDemoSnapshot()
            throws Exception
    {
        assertAccepted(Path.of("output/demo"));
    }

    @Test
    void datapackageJsAcceptsMultiPartTables()
            throws Exception
    {
        Manifest manifest = Manifest.read(development);
        assertThat(manifest.files("events", DataFormat.CSV).orElseThrow().shards()).hasSizeGreaterThan(1);
        assertAccepted(development);
    }

    @Test
    void datapackageJsFindsABrokenForeignKey()
            throws Exception
    {
        Path copy = Files.createTempDirectory("simdata-broken-fk-");
        try {
            copyTree(Path.of("output/demo"), copy);
            Path recipients = copy.resolve("csv/recipients/part-00000.csv");
            List<String> lines = new ArrayList<>(Files.readAllLines(recipients));
            int column = List.of(lines.get(0).split(",")).indexOf("campaign_id");
            String[] cells = lines.get(1).split(",", -1);
            cells[column] = "00000000-0000-4000-8000-000000000000";
            lines.set(1, String.join(",", cells));
            Files.write(recipients, lines);
            JsonNode report = check(copy);
            assertThat(report.path("problems").toString()).contains("recipients-csv").contains("Foreign key \\\"campaign_id\\\" violation");
        }
        finally {
            Folders.deleteTree(copy);
        }
    }

    @Test
    void duckdbReadsEachTableByOneGlobWithThePrintedColumns()
            throws Exception
    {
        Manifest manifest = Manifest.read(development);
        String folder = development.toAbsolutePath().toString().replace("'", "''");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (TableFiles files : manifest.files()) {
                if (files.format() != DataFormat.CSV) {
                    continue;
                }
                TableSchema table = SchemaCatalog.bundled().table(files.table());
                statement.execute(EngineDialect.DUCKDB.render(table).replace("read_csv('csv/", "read_csv('" + folder + "/csv/"));
                assertThat(count(statement, "SELECT count(*) FROM " + table.name())).as(table.name()).isEqualTo(files.rows());
                StringBuilder casts = new StringBuilder();
                for (Field field : table.fields()) {
                    casts.append(casts.isEmpty() ? "" : ", ").append("CAST(\"").append(field.name()).append("\" AS ").append(EngineDialect.DUCKDB.columnType(field)).append(")");
                }
                String parquet = "SELECT " + casts + " FROM read_parquet('" + folder + "/parquet/" + table.name() + "/*.parquet')";
                assertThat(count(statement, "SELECT count(*) FROM (SELECT * FROM " + table.name() + " EXCEPT ALL " + parquet + ")")).as(table.name()).isZero();
                assertThat(count(statement, "SELECT count(*) FROM (" + parquet + " EXCEPT ALL SELECT * FROM " + table.name() + ")")).as(table.name()).isZero();
            }
            // the columns keep what inference loses: ZIP leading zeros and phones stay text
            assertThat(count(statement, "SELECT count(*) FROM contacts WHERE postal_code LIKE '0%'")).isPositive();
            assertThat(count(statement, "SELECT count(*) FROM contacts WHERE phone LIKE '+%'")).isPositive();
        }
    }

    private static long count(Statement statement, String sql)
            throws Exception
    {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void assertAccepted(Path dataset)
            throws Exception
    {
        JsonNode report = check(dataset);
        Manifest manifest = Manifest.read(dataset);
        long csvRows = manifest.files().stream().filter(files -> files.format() == DataFormat.CSV).mapToLong(TableFiles::rows).sum();
        assertThat(report.path("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("errors")).as(report.toString()).isEmpty();
        assertThat(report.path("problems")).as(report.toString()).isEmpty();
        assertThat(report.path("tabular").asLong()).isEqualTo(manifest.files().stream().filter(files -> files.format() == DataFormat.CSV).mapToLong(files -> files.shards().size()).sum());
        assertThat(report.path("rows").asLong()).isEqualTo(csvRows);
        JsonNode root = JSON.readTree(dataset.resolve(Manifest.FILE_NAME).toFile());
        assertThat(root.path("licenses").get(0).path("name").asText()).isEqualTo("CC0-1.0");
        assertThat(root.path("created").asText()).isEqualTo(root.path("simdata").path("as_of_instant").asText());
        for (JsonNode resource : root.path("resources")) {
            if (resource.path("path").isTextual()) {
                assertThat(resource.path("hash").asText()).matches("sha256:[0-9a-f]{64}");
            }
        }
    }

    private static JsonNode check(Path dataset)
            throws Exception
    {
        Path script = Path.of("src/test/resources/datapackage-js/check.js");
        String output = run(List.of("node", script.toString(), NODE_MODULES.toAbsolutePath().toString(), dataset.toAbsolutePath().toString()), 600);
        return JSON.readTree(output.lines().reduce((first, second) -> second).orElseThrow());
    }

    private static String run(List<String> command, int timeoutSeconds)
            throws Exception
    {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(timeoutSeconds, TimeUnit.SECONDS)).isTrue();
        String text = new String(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + ": " + text).isZero();
        return text;
    }

    private static void copyTree(Path from, Path to)
            throws IOException
    {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
