package dev.simdata.validate;

import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The structure of a DuckDB file written by {@code simdata export duckdb}: every table of {@code schemas/} that is
 * present has the schema's columns, in order, with DuckDB's types for them; and the file's {@code simdata_dataset}
 * table gives back the manifest (for expected counts, as-of date and time zone).
 */
final class DuckdbFileChecks
{
    static final String DATASET_TABLE = "simdata_dataset";

    private DuckdbFileChecks() {}

    /** The manifest stored in the file, or empty when it has none. */
    static Optional<Manifest> manifest(Connection connection)
            throws SQLException, IOException
    {
        String json;
        try (PreparedStatement statement = connection.prepareStatement("SELECT value FROM main." + DATASET_TABLE + " WHERE key = 'manifest'");
                ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            json = rows.getString(1);
        }
        catch (SQLException e) {
            return Optional.empty();
        }
        Path folder = Files.createTempDirectory("simdata-validate-manifest-");
        Path file = folder.resolve(Manifest.FILE_NAME);
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return Optional.of(Manifest.read(folder));
        }
        catch (DatasetException e) {
            throw new DatasetException("the " + DATASET_TABLE + " table's manifest is malformed: " + e.getMessage());
        }
        finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }

    static SqlTables inspect(Connection connection, SchemaCatalog catalog, boolean report, List<CheckResult> results)
            throws SQLException
    {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' ORDER BY table_name, ordinal_position");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(new String[] {rows.getString(2), rows.getString(3)});
            }
        }
        Map<String, String> relations = new LinkedHashMap<>();
        Map<String, String> absent = new LinkedHashMap<>();
        Set<String> damaged = new HashSet<>();
        for (TableSchema table : catalog.tables()) {
            List<String[]> found = columns.get(table.name());
            if (found == null) {
                absent.put(table.name(), "table " + table.name() + " is not in the DuckDB file");
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < Math.max(found.size(), table.columnCount()); i++) {
                String have = i < found.size() ? found.get(i)[0] + " " + found.get(i)[1] : "nothing";
                String want = i < table.columnCount() ? table.field(i).name() + " " + EngineDialect.DUCKDB.columnType(table.field(i)) : "nothing";
                if (!have.equals(want)) {
                    differences.add("column " + (i + 1) + " is '" + have + "', expected '" + want + "'");
                }
            }
            if (report) {
                results.add(CheckResult.of(differences.isEmpty(), CheckGroup.SCHEMA, "schema.types", table.name(), differences.size() + " columns differ",
                        "columns, order and types as in schemas/", "table " + table.name() + ": " + String.join("; ", differences), differences));
            }
            if (differences.isEmpty()) {
                relations.put(table.name(), SqlTables.quote("main") + "." + SqlTables.quote(table.name()));
            }
            else {
                absent.put(table.name(), "table " + table.name() + " does not have the schema's columns");
                damaged.add(table.name());
            }
        }
        return new SqlTables(SqlTables.Backend.DUCKDB, connection, catalog, relations, absent, false, damaged);
    }
}
