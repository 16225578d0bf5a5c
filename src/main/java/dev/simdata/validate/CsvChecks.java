package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.simdata.validate.DuckdbRelations.csvError;
import static dev.simdata.validate.DuckdbRelations.readCsv;
import static dev.simdata.validate.SqlTables.quote;

/**
 * A table's CSV shards, accepted exactly where the loader's COPY accepts them (or more strictly): the header line
 * byte for byte, the bytes ({@link CsvBytes}), RFC 4180 with the manifest's rows, and every value in the one form
 * its column type has in simdata's files (UUID, integer, decimal within the column's scale, true/false, ISO date,
 * UTC instant).
 */
final class CsvChecks
{
    private CsvChecks() {}

    static void check(FileState state, TableSchema table, TableFiles files, boolean integrity, boolean schema)
            throws IOException, SQLException
    {
        String name = table.name();
        // Header of every shard: the schema's columns in order, ending in LF, as the loader compares it.
        byte[] expected = (table.csvHeader() + "\n").getBytes(StandardCharsets.UTF_8);
        List<String> badHeaders = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            try (InputStream in = Files.newInputStream(state.dataset.resolve(shard.path()))) {
                byte[] header = in.readNBytes(expected.length);
                if (!Arrays.equals(header, expected)) {
                    badHeaders.add(shard.path() + ": header '" + new String(header, StandardCharsets.UTF_8).strip() + "' (expected the schema's columns ending in LF)");
                }
            }
        }
        state.add(schema, CheckResult.of(badHeaders.isEmpty(), CheckGroup.SCHEMA, "schema.columns", name, badHeaders.size() + " csv headers differ", "csv header " + table.csvHeader(),
                "table " + name + ": " + String.join("; ", badHeaders), badHeaders));
        if (!badHeaders.isEmpty()) {
            state.reject(name, DataFormat.CSV, "the schema's columns");
            return;
        }
        List<String> badBytes = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            Optional<String> problem = CsvBytes.firstProblem(state.dataset.resolve(shard.path()));
            problem.ifPresent(text -> badBytes.add(shard.path() + ": " + text));
        }
        state.add(integrity, CheckResult.of(badBytes.isEmpty(), CheckGroup.INTEGRITY, "integrity.encoding", name, badBytes.size() + " csv files with bad bytes",
                "UTF-8 without NUL, LF line endings", "table " + name + ": " + String.join("; ", badBytes), badBytes));
        if (!badBytes.isEmpty()) {
            state.reject(name, DataFormat.CSV, "encoding");
            return;
        }
        if (!checkRows(state, table, files, integrity)) {
            return;
        }
        checkTypes(state, table, files, schema);
    }

    /** Every shard parses with the manifest's rows; false (and the CSV rejected) when not. */
    private static boolean checkRows(FileState state, TableSchema table, TableFiles files, boolean integrity)
    {
        String name = table.name();
        Map<String, Long> rows = new HashMap<>();
        try (Statement statement = state.duckdb.createStatement();
                var result = statement.executeQuery("SELECT filename, count(*) FROM " + readCsv(state, table, files, false, true) + " GROUP BY filename")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        catch (SQLException e) {
            // Find the shards that do not parse, to name them.
            List<String> broken = new ArrayList<>();
            for (ShardFile shard : files.shards()) {
                TableFiles single = new TableFiles(name, DataFormat.CSV, List.of(shard));
                try (Statement statement = state.duckdb.createStatement();
                        var result = statement.executeQuery("SELECT count(*) FROM " + readCsv(state, table, single, false, false))) {
                    result.next();
                }
                catch (SQLException shardError) {
                    broken.add(shard.path() + ": " + csvError(shardError.getMessage()));
                }
            }
            if (broken.isEmpty()) {
                broken.add(csvError(e.getMessage()));
            }
            state.add(integrity, CheckResult.failed(CheckGroup.INTEGRITY, "integrity.readable", name, broken.size() + " malformed csv files", "RFC 4180 csv with " + table.columnCount() + " columns",
                    "table " + name + ": csv does not parse: " + String.join("; ", broken), broken));
            state.reject(name, DataFormat.CSV, "parsing");
            return false;
        }
        List<String> wrongRows = state.rowMismatches(files, rows);
        state.add(integrity, CheckResult.of(wrongRows.isEmpty(), CheckGroup.INTEGRITY, "integrity.readable", name, wrongRows.isEmpty() ? files.rows() + " csv rows" : wrongRows.size() + " shards differ",
                "every csv shard parses with its manifest rows", "table " + name + ": " + String.join("; ", wrongRows), wrongRows));
        if (!wrongRows.isEmpty()) {
            state.reject(name, DataFormat.CSV, "row counts");
            return false;
        }
        return true;
    }

    /** Every value parses as its column's type, in simdata's form of it. */
    private static void checkTypes(FileState state, TableSchema table, TableFiles files, boolean schema)
            throws SQLException
    {
        String name = table.name();
        List<Field> typed = table.fields().stream().filter(field -> field.type() != FieldType.STRING).toList();
        if (typed.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < typed.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(badValue(typed.get(i))).append(')');
        }
        long[] counts = new long[typed.size()];
        try (Statement statement = state.duckdb.createStatement(); var result = statement.executeQuery(sql + " FROM " + readCsv(state, table, files, false, false))) {
            result.next();
            for (int i = 0; i < typed.size(); i++) {
                counts[i] = result.getLong(i + 1);
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            Field field = typed.get(i);
            problems.add(field.name() + " (" + PostgresDdl.columnType(field) + "): " + counts[i] + " values");
            try (Statement statement = state.duckdb.createStatement();
                    var result = statement.executeQuery("SELECT filename, " + quote(table.field(0).name()) + ", " + quote(field.name()) + " FROM "
                            + readCsv(state, table, files, false, true) + " WHERE " + badValue(field) + " LIMIT 3")) {
                while (result.next()) {
                    samples.add("file " + state.relative(Path.of(result.getString(1))) + ", " + table.field(0).name() + "=" + result.getString(2)
                            + ", " + field.name() + "='" + result.getString(3) + "'");
                }
            }
        }
        state.add(schema, CheckResult.of(problems.isEmpty(), CheckGroup.SCHEMA, "schema.types", name, problems.isEmpty() ? "all csv values parse" : String.join("; ", problems),
                "every csv value parses as its column's type", "table " + name + ": csv values of the wrong type in " + String.join("; ", problems)
                        + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
        if (!problems.isEmpty()) {
            state.reject(name, DataFormat.CSV, "the schema's types");
        }
    }

    /** SQL true for a non-null value that is not in simdata's form of the column's type, or that the type cannot hold. */
    static String badValue(Field field)
    {
        String column = quote(field.name());
        String form = switch (field.type()) {
            case UUID -> "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
            case INTEGER -> "-?[0-9]{1,19}";
            case DECIMAL -> "-?[0-9]{1," + Math.max(1, field.precision() - field.scale()) + "}" + (field.scale() > 0 ? "(\\.[0-9]{1," + field.scale() + "})?" : "");
            case BOOLEAN -> "true|false";
            case DATE -> "[0-9]{4}-[0-9]{2}-[0-9]{2}";
            // generated instants are UTC with a Z suffix; reject other offsets and forms
            case DATETIME -> "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z";
            case STRING -> ".*";
        };
        return column + " IS NOT NULL AND (NOT regexp_full_match(" + column + ", '" + form + "') OR TRY_CAST(" + column + " AS "
                + DuckdbRelations.castType(field) + ") IS NULL)";
    }
}
