package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.TableSchema;

import java.io.File;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static dev.simdata.validate.SqlTables.literal;
import static dev.simdata.validate.SqlTables.quote;

/** DuckDB over a dataset's files: the relations that read them, the type map, and the views the SQL checks query. */
final class DuckdbRelations
{
    private DuckdbRelations() {}

    static String castType(Field field)
    {
        return EngineDialect.DUCKDB.columnType(field);
    }

    static String fileList(FileState state, TableFiles files)
    {
        StringBuilder list = new StringBuilder("[");
        for (ShardFile shard : files.shards()) {
            list.append(list.length() == 1 ? "" : ", ").append(literal(state.dataset.resolve(shard.path()).toAbsolutePath().toString()));
        }
        return list.append(']').toString();
    }

    /** The CSV files as the loader's COPY reads them: RFC 4180, header, empty unquoted field as NULL. */
    static String readCsv(FileState state, TableSchema table, TableFiles files, boolean typed, boolean withFileName)
    {
        StringBuilder columns = new StringBuilder("{");
        for (Field field : table.fields()) {
            columns.append(columns.length() == 1 ? "" : ", ").append(literal(field.name())).append(": ").append(literal(typed ? EngineDialect.duckdbFileType(field) : "VARCHAR"));
        }
        columns.append('}');
        return "read_csv(" + fileList(state, files) + ", header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false,"
                + " auto_detect = false, strict_mode = true, columns = " + columns + (withFileName ? ", filename = true" : "") + ")";
    }

    static String relation(FileState state, TableSchema table, DataFormat format, boolean withFileName)
    {
        TableFiles files = state.manifest.files(table.name(), format).orElseThrow();
        return format == DataFormat.CSV ? readCsv(state, table, files, true, withFileName)
                : "read_parquet(" + fileList(state, files) + (withFileName ? ", filename = true" : "") + ")";
    }

    /** One view per table whose files passed, Parquet preferred; the other tables are absent with their reason. */
    static SqlTables createViews(FileState state)
            throws SQLException
    {
        Map<String, String> relations = new LinkedHashMap<>();
        Map<String, String> absent = new LinkedHashMap<>();
        for (TableSchema table : state.catalog.tables()) {
            String name = table.name();
            Set<DataFormat> formats = state.formats(name);
            if (formats.isEmpty()) {
                absent.put(name, state.damaged().getOrDefault(name, "table " + name + " is not in the dataset"));
                continue;
            }
            DataFormat format = formats.contains(DataFormat.PARQUET) ? DataFormat.PARQUET : DataFormat.CSV;
            try (Statement statement = state.duckdb.createStatement()) {
                // Each row keeps its file (relative to the dataset) in _file, for the samples of failures.
                String prefix = state.dataset.toAbsolutePath() + File.separator;
                statement.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * EXCLUDE (filename), replace(filename, " + literal(prefix) + ", '') AS "
                        + quote(SqlTables.FILE_COLUMN) + " FROM " + relation(state, table, format, true));
            }
            relations.put(name, quote(name));
        }
        return new SqlTables(SqlTables.Backend.DUCKDB, state.duckdb, state.catalog, relations, absent, true, state.damaged().keySet());
    }

    /** DuckDB's CSV error without its advice on parser options. */
    static String csvError(String message)
    {
        String text = message == null ? "" : message;
        int advice = text.indexOf("Possible fixes");
        return firstLine(advice < 0 ? text : text.substring(0, advice));
    }

    /** A database error message on one line, shortened. */
    static String firstLine(String message)
    {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " | ").strip();
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }
}
