package dev.simdata.diff;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.export.DatasetViews;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.simdata.schema.PostgresDdl.quote;

/**
 * {@code simdata diff}: compares two dataset folders, each verified against its checksums first. Tables are read
 * through DuckDB (Parquet when both sides have it, else CSV as text) and joined on their primary key, so the result
 * counts rows added, removed and changed, and the changed rows per column. Columns are taken from the files, not
 * from this version's schemas, so datasets of different simdata versions compare.
 */
public final class DatasetDiff
{
    private DatasetDiff() {}

    public static DiffReport diff(Path before, Path after, int examples)
            throws IOException, SQLException
    {
        Manifest old = DatasetViews.verified(before);
        Manifest changed = DatasetViews.verified(after);
        DataFormat format = old.formats().contains(DataFormat.PARQUET) && changed.formats().contains(DataFormat.PARQUET) ? DataFormat.PARQUET : DataFormat.CSV;
        if (!old.formats().contains(format) || !changed.formats().contains(format)) {
            throw new dev.simdata.dataset.DatasetException(before + " and " + after + " share no file format (one is Parquet only, the other CSV only); generate both with --format csv or parquet");
        }
        List<String> provenance = new ArrayList<>();
        compare("", old.simdata(), changed.simdata(), provenance);
        Set<String> names = new LinkedHashSet<>();
        SchemaCatalog.bundled().tables().forEach(table -> names.add(table.name()));
        Set<String> present = new LinkedHashSet<>(old.tables());
        present.addAll(changed.tables());
        names.retainAll(present);
        names.addAll(present);
        List<TableDiff> tables = new ArrayList<>();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            for (String name : names) {
                boolean inOld = old.files(name, format).isPresent();
                boolean inNew = changed.files(name, format).isPresent();
                if (inOld) {
                    statement.execute("CREATE TEMP VIEW " + quote("old_" + name) + " AS SELECT * FROM " + DatasetViews.untypedRelation(before, old, name, format));
                }
                if (inNew) {
                    statement.execute("CREATE TEMP VIEW " + quote("new_" + name) + " AS SELECT * FROM " + DatasetViews.untypedRelation(after, changed, name, format));
                }
                if (inOld && inNew && sameFiles(old.files(name, format).orElseThrow(), changed.files(name, format).orElseThrow())) {
                    long rows = old.files(name, format).orElseThrow().rows();
                    tables.add(new TableDiff(name, rows, rows, List.of(), List.of(), Map.of(), List.of(), 0, 0, 0, Map.of(), List.of(), List.of(), List.of()));
                    continue;
                }
                tables.add(table(statement, name, inOld, inNew, examples));
            }
        }
        return new DiffReport(before.toString(), after.toString(), provenance, tables);
    }

    private static TableDiff table(Statement statement, String name, boolean inOld, boolean inNew, int examples)
            throws SQLException
    {
        Map<String, String> oldColumns = inOld ? columns(statement, "old_" + name) : Map.of();
        Map<String, String> newColumns = inNew ? columns(statement, "new_" + name) : Map.of();
        long rowsBefore = inOld ? count(statement, "old_" + name) : -1;
        long rowsAfter = inNew ? count(statement, "new_" + name) : -1;
        List<String> added = newColumns.keySet().stream().filter(column -> !oldColumns.containsKey(column)).toList();
        List<String> removed = oldColumns.keySet().stream().filter(column -> !newColumns.containsKey(column)).toList();
        Map<String, String> retyped = new LinkedHashMap<>();
        List<String> common = new ArrayList<>();
        for (Map.Entry<String, String> column : oldColumns.entrySet()) {
            String newType = newColumns.get(column.getKey());
            if (newType != null) {
                common.add(column.getKey());
                if (!newType.equals(column.getValue())) {
                    retyped.put(column.getKey(), column.getValue() + " -> " + newType);
                }
            }
        }
        List<String> key = SchemaCatalog.bundled().find(name).map(TableSchema::primaryKey).orElse(List.of("id"));
        if (!inOld || !inNew || key.isEmpty() || !common.containsAll(key)) {
            return new TableDiff(name, rowsBefore, rowsAfter, added, removed, retyped, List.of(),
                    0, 0, 0, Map.of(), List.of(), List.of(), List.of());
        }
        List<String> compared = common.stream().filter(column -> !key.contains(column)).toList();
        StringBuilder join = new StringBuilder(" FROM ").append(quote("old_" + name)).append(" o FULL OUTER JOIN ").append(quote("new_" + name)).append(" n ON ");
        for (int i = 0; i < key.size(); i++) {
            join.append(i == 0 ? "" : " AND ").append(side("o", key.get(i), retyped)).append(" = ").append(side("n", key.get(i), retyped));
        }
        String oldMissing = "o." + quote(key.get(0)) + " IS NULL";
        String newMissing = "n." + quote(key.get(0)) + " IS NULL";
        String both = "o." + quote(key.get(0)) + " IS NOT NULL AND n." + quote(key.get(0)) + " IS NOT NULL";
        StringBuilder anyChange = new StringBuilder("false");
        StringBuilder select = new StringBuilder("SELECT count(*) FILTER (WHERE ").append(oldMissing).append("), count(*) FILTER (WHERE ").append(newMissing).append(")");
        for (String column : compared) {
            String distinct = side("o", column, retyped) + " IS DISTINCT FROM " + side("n", column, retyped);
            anyChange.append(" OR ").append(distinct);
            select.append(", count(*) FILTER (WHERE ").append(both).append(" AND ").append(distinct).append(")");
        }
        select.append(", count(*) FILTER (WHERE ").append(both).append(" AND (").append(anyChange).append("))");
        long addedRows;
        long removedRows;
        long changedRows;
        Map<String, Long> changedColumns = new LinkedHashMap<>();
        try (ResultSet result = statement.executeQuery(select + join.toString())) {
            result.next();
            addedRows = result.getLong(1);
            removedRows = result.getLong(2);
            for (int i = 0; i < compared.size(); i++) {
                long count = result.getLong(3 + i);
                if (count > 0) {
                    changedColumns.put(compared.get(i), count);
                }
            }
            changedRows = result.getLong(3 + compared.size());
        }
        List<String> addedExamples = examples(statement, "n", key, join + " WHERE " + oldMissing, addedRows == 0 ? 0 : examples);
        List<String> removedExamples = examples(statement, "o", key, join + " WHERE " + newMissing, removedRows == 0 ? 0 : examples);
        List<String> changedExamples = examples(statement, "o", key, join + " WHERE " + both + " AND (" + anyChange + ")", changedRows == 0 ? 0 : examples);
        return new TableDiff(name, rowsBefore, rowsAfter, added, removed, retyped, key, addedRows, removedRows, changedRows, changedColumns,
                addedExamples, removedExamples, changedExamples);
    }

    /** Byte-identical shards (both already verified against their SHA-256) hold the same rows: no need to join them. */
    private static boolean sameFiles(dev.simdata.dataset.TableFiles old, dev.simdata.dataset.TableFiles changed)
    {
        return old.shards().stream().map(dev.simdata.dataset.ShardFile::sha256).toList()
                .equals(changed.shards().stream().map(dev.simdata.dataset.ShardFile::sha256).toList());
    }

    /** A column of one side; retyped columns are compared as text. */
    private static String side(String alias, String column, Map<String, String> retyped)
    {
        String reference = alias + "." + quote(column);
        return retyped.containsKey(column) ? "CAST(" + reference + " AS VARCHAR)" : reference;
    }

    private static List<String> examples(Statement statement, String alias, List<String> key, String from, int limit)
            throws SQLException
    {
        if (limit <= 0) {
            return List.of();
        }
        StringBuilder keyText = new StringBuilder();
        for (String column : key) {
            keyText.append(keyText.length() == 0 ? "" : " || ',' || ").append("CAST(").append(alias).append('.').append(quote(column)).append(" AS VARCHAR)");
        }
        List<String> keys = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("SELECT " + keyText + " AS k" + from + " ORDER BY k LIMIT " + limit)) {
            while (result.next()) {
                keys.add(result.getString(1));
            }
        }
        return keys;
    }

    private static Map<String, String> columns(Statement statement, String view)
            throws SQLException
    {
        Map<String, String> columns = new LinkedHashMap<>();
        try (ResultSet result = statement.executeQuery("DESCRIBE " + quote(view))) {
            while (result.next()) {
                columns.put(result.getString(1), result.getString(2));
            }
        }
        return columns;
    }

    private static long count(Statement statement, String view)
            throws SQLException
    {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + quote(view))) {
            result.next();
            return result.getLong(1);
        }
    }

    /** Appends "path: old -> new" for every leaf that differs between two JSON trees. */
    static void compare(String path, JsonNode old, JsonNode changed, List<String> differences)
    {
        if (old.isObject() && changed.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            old.fieldNames().forEachRemaining(fields::add);
            changed.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(path.isEmpty() ? field : path + "." + field, old.path(field), changed.path(field), differences);
            }
            return;
        }
        if (!old.equals(changed)) {
            differences.add(path + ": " + text(old) + " -> " + text(changed));
        }
    }

    private static String text(JsonNode node)
    {
        return node.isMissingNode() ? "(absent)" : node.isValueNode() ? node.asText() : node.toString();
    }
}
