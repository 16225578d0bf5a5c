package dev.simdata.export;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import dev.simdata.it.TestDatasets;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Field;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.validate.ValidationOptions;
import dev.simdata.validate.ValidationReport;
import dev.simdata.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckdbExportIT
{
    @Test
    void analyticsOpensReadOnlyWithEveryTableItsCountAndTypesAndValidates(@TempDir Path temporary)
            throws Exception
    {
        Path dataset = TestDatasets.dataset(Scenario.ANALYTICS);
        Path file = temporary.resolve("analytics.duckdb");
        Map<String, Long> exported = DuckdbExport.export(dataset, file);
        Manifest manifest = Manifest.read(dataset);
        assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(manifest.tables());
        try (Stream<Path> leftovers = Files.list(temporary)) {
            assertThat(leftovers.map(path -> path.getFileName().toString()).toList()).containsExactly("analytics.duckdb");
        }

        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection first = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
                Connection second = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly);
                Statement statement = first.createStatement();
                Statement other = second.createStatement()) {
            for (TableFiles files : manifest.files()) {
                if (files.format() != DataFormat.PARQUET) {
                    continue;
                }
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM \"" + files.table() + "\"")) {
                    count.next();
                    assertThat(count.getLong(1)).as(files.table()).isEqualTo(files.rows());
                }
                TableSchema schema = SchemaCatalog.bundled().table(files.table());
                List<String> types = new ArrayList<>();
                try (ResultSet columns = statement.executeQuery("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '"
                        + files.table() + "' ORDER BY ordinal_position")) {
                    while (columns.next()) {
                        types.add(columns.getString(1) + " " + columns.getString(2));
                    }
                }
                assertThat(types).as(files.table()).containsExactlyElementsOf(schema.fields().stream().map(DuckdbExportIT::expected).toList());
            }
            try (ResultSet provenance = other.executeQuery("SELECT value FROM simdata_dataset WHERE key = 'manifest'")) {
                assertThat(provenance.next()).isTrue();
                assertThat(provenance.getString(1)).contains("\"scenario\"", "analytics");
            }
            try (ResultSet keys = other.executeQuery("SELECT count(*) FILTER (WHERE constraint_type = 'PRIMARY KEY'), count(*) FILTER (WHERE constraint_type = 'FOREIGN KEY') FROM duckdb_constraints()")) {
                keys.next();
                assertThat(keys.getLong(1)).isEqualTo(manifest.tables().size() + 1);
                assertThat(keys.getLong(2)).isGreaterThan(20);
            }
            assertThatThrownBy(() -> statement.execute("DELETE FROM organizations")).hasMessageContaining("read-only");
        }

        ValidationReport report = Validator.validateDuckdb(file, ValidationOptions.all());
        assertThat(report.passed()).as(dev.simdata.validate.ReportWriter.text(report)).isTrue();
    }

    @Test
    void aDatasetFailingItsChecksumsIsRefusedBeforeAnythingIsWritten(@TempDir Path temporary)
            throws Exception
    {
        Path copy = ExportFixtures.csvOnlyCopy(temporary.resolve("demo"));
        Path shard = copy.resolve("csv/organizations/part-00000.csv");
        Files.writeString(shard, Files.readString(shard).replace("Creative", "Creativf"));
        Path file = temporary.resolve("out.duckdb");
        assertThatThrownBy(() -> DuckdbExport.export(copy, file))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("part-00000.csv does not match its size or SHA-256");
        assertThatThrownBy(() -> SqlExport.export(copy, temporary.resolve("sql"), false))
                .isInstanceOf(DatasetException.class);
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left.map(path -> path.getFileName().toString()).toList()).containsExactly("demo");
        }
    }

    private static String expected(Field field)
    {
        return field.name() + " " + dev.simdata.schema.EngineDialect.DUCKDB.columnType(field);
    }

}
