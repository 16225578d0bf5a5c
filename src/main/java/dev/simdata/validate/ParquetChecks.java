package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.TableSchema;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.simdata.validate.DuckdbRelations.firstLine;
import static dev.simdata.validate.SqlTables.literal;
import static dev.simdata.validate.SqlTables.quote;

/**
 * A table's Parquet shards: each opens with the manifest's rows and the schema's columns and types, and every page
 * of every column decodes to values the loader accepts (a UUID string in its form, text without NUL, dates and
 * instants within years 1 to 9999).
 */
final class ParquetChecks
{
    private ParquetChecks() {}

    static void check(FileState state, TableSchema table, TableFiles files, boolean integrity, boolean schema)
            throws SQLException
    {
        String name = table.name();
        Map<String, Long> rows = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            String file = literal(state.dataset.resolve(shard.path()).toAbsolutePath().toString());
            try (Statement statement = state.duckdb.createStatement();
                    var result = statement.executeQuery("SELECT count(*) FROM read_parquet(" + file + ")")) {
                result.next();
                rows.put(state.dataset.resolve(shard.path()).toAbsolutePath().toString(), result.getLong(1));
            }
            catch (SQLException e) {
                problems.add(shard.path() + ": " + firstLine(e.getMessage()));
            }
        }
        problems.addAll(problems.isEmpty() ? state.rowMismatches(files, rows) : List.of());
        state.add(integrity, CheckResult.of(problems.isEmpty(), CheckGroup.INTEGRITY, "integrity.readable", name, problems.isEmpty() ? files.rows() + " parquet rows" : problems.size() + " files unreadable",
                "every parquet shard opens with its manifest rows", "table " + name + ": " + String.join("; ", problems), problems));
        if (!problems.isEmpty()) {
            state.reject(name, DataFormat.PARQUET, "reading");
            return;
        }
        List<String> differences = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            List<String> found = new ArrayList<>();
            try (Statement statement = state.duckdb.createStatement();
                    var result = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(state.dataset.resolve(shard.path()).toAbsolutePath().toString()) + ")")) {
                while (result.next()) {
                    found.add(result.getString(1) + " " + result.getString(2));
                }
            }
            List<String> expected = table.fields().stream().map(field -> field.name() + " " + EngineDialect.duckdbFileType(field)).toList();
            if (!found.equals(expected)) {
                List<String> diff = new ArrayList<>();
                for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
                    String have = i < found.size() ? found.get(i) : "nothing";
                    String want = i < expected.size() ? expected.get(i) : "nothing";
                    if (!have.equals(want)) {
                        diff.add("column " + (i + 1) + " is '" + have + "', expected '" + want + "'");
                    }
                }
                differences.add(shard.path() + ": " + String.join(", ", diff));
            }
        }
        state.add(schema, CheckResult.of(differences.isEmpty(), CheckGroup.SCHEMA, "schema.types", name, differences.size() + " parquet files differ",
                "parquet columns, order and types as in schemas/", "table " + name + ": " + String.join("; ", differences), differences));
        if (!differences.isEmpty()) {
            state.reject(name, DataFormat.PARQUET, "the schema's columns and types");
        }
    }

    /**
     * Decodes every value of every shard (a query that reads each column) and counts the values the loader would
     * refuse. When the CSV files of the table passed too, {@link FormatAgreement} decodes the pages instead.
     */
    static void decodeAll(FileState state, TableSchema table, TableFiles files, boolean integrity)
    {
        String name = table.name();
        // the hash of every column makes DuckDB read (and decompress and decode) every page
        StringBuilder sql = new StringBuilder("SELECT CAST(sum(hash(" + String.join(", ", table.fields().stream().map(field -> quote(field.name())).toList()) + ")) AS VARCHAR)");
        for (Field field : table.fields()) {
            sql.append(", count(*) FILTER (WHERE ").append(refused(field)).append(')');
        }
        List<String> problems = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            String file = literal(state.dataset.resolve(shard.path()).toAbsolutePath().toString());
            try (Statement statement = state.duckdb.createStatement(); var result = statement.executeQuery(sql + " FROM read_parquet(" + file + ")")) {
                result.next();
                List<String> columns = new ArrayList<>();
                for (int i = 0; i < table.columnCount(); i++) {
                    long count = result.getLong(i + 2);
                    if (count > 0) {
                        columns.add(table.field(i).name() + " (" + count + " values)");
                    }
                }
                if (!columns.isEmpty()) {
                    problems.add(shard.path() + ": values the loader refuses in " + String.join(", ", columns));
                }
            }
            catch (SQLException e) {
                problems.add(shard.path() + ": does not decode: " + firstLine(e.getMessage()));
            }
        }
        state.add(integrity, CheckResult.of(problems.isEmpty(), CheckGroup.INTEGRITY, "integrity.decoded", name, problems.size() + " parquet files with bad pages or values",
                "every parquet page decodes to values of its column's type", "table " + name + ": " + String.join("; ", problems), problems));
        if (!problems.isEmpty()) {
            state.reject(name, DataFormat.PARQUET, "decoding");
        }
    }

    /** SQL true for a value that the loader's COPY would refuse. */
    private static String refused(Field field)
    {
        String column = quote(field.name());
        return switch (field.type()) {
            case UUID -> column + " IS NOT NULL AND NOT regexp_full_match(" + column + ", '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}')";
            case STRING -> "contains(" + column + ", chr(0))";
            case DATE, DATETIME -> "year(" + column + ") NOT BETWEEN 1 AND 9999";
            case INTEGER, DECIMAL, BOOLEAN -> "false";
        };
    }
}
