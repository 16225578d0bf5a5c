package dev.simdata.validate;

import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structure of a loaded PostgreSQL schema: every table of {@code schemas/} that is present has the schema's
 * columns, in order, with the types {@link PostgresDdl} gives them. Tables that differ are left out of the SQL checks.
 */
final class DatabaseChecks
{
    private DatabaseChecks() {}

    static SqlTables inspect(Connection connection, String schema, SchemaCatalog catalog, boolean report, List<CheckResult> results)
            throws SQLException
    {
        Map<String, List<String[]>> columns = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT table_name, column_name, data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position")) {
            statement.setString(1, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String type = rows.getString(3);
                    if (type.equals("numeric")) {
                        type = "numeric(" + rows.getInt(4) + "," + rows.getInt(5) + ")";
                    }
                    columns.computeIfAbsent(rows.getString(1), key -> new ArrayList<>()).add(new String[] {rows.getString(2), type});
                }
            }
        }
        Map<String, String> relations = new LinkedHashMap<>();
        Map<String, String> absent = new LinkedHashMap<>();
        java.util.Set<String> damaged = new java.util.HashSet<>();
        for (TableSchema table : catalog.tables()) {
            List<String[]> found = columns.get(table.name());
            if (found == null) {
                absent.put(table.name(), "table " + table.name() + " is not in schema " + schema);
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (int i = 0; i < Math.max(found.size(), table.columnCount()); i++) {
                String have = i < found.size() ? found.get(i)[0] + " " + found.get(i)[1] : "nothing";
                String want = i < table.columnCount() ? table.field(i).name() + " " + PostgresDdl.columnType(table.field(i)) : "nothing";
                if (!have.equals(want)) {
                    differences.add("column " + (i + 1) + " is '" + have + "', expected '" + want + "'");
                }
            }
            if (report) {
                results.add(CheckResult.of(differences.isEmpty(), CheckGroup.SCHEMA, "schema.types", table.name(), differences.size() + " columns differ",
                        "columns, order and types as in schemas/", "table " + schema + "." + table.name() + ": " + String.join("; ", differences), differences));
            }
            if (differences.isEmpty()) {
                relations.put(table.name(), PostgresDdl.qualified(schema, table.name()));
            }
            else {
                absent.put(table.name(), "table " + table.name() + " does not have the schema's columns");
                damaged.add(table.name());
            }
        }
        return new SqlTables(SqlTables.Backend.POSTGRES, connection, catalog, relations, absent, false, damaged);
    }
}
