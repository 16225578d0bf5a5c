package dev.simdata.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table's schema spelled for one engine, derived from {@code schemas/} like everything else, so that no engine has
 * to infer types from the CSV (inference turns phones into numbers, drops ZIP leading zeros and reads money as
 * doubles). Paths in the printed statements are relative to the dataset folder.
 */
public enum EngineDialect
{
    /** {@code CREATE TABLE} for PostgreSQL, as {@code simdata load} creates it (no keys). */
    POSTGRES,
    /** A DuckDB view over {@code read_csv(..., columns = {...})}. */
    DUCKDB,
    /** A ClickHouse query over {@code file(..., 'CSVWithNames', 'structure')}. */
    CLICKHOUSE,
    /** A Spark DDL schema string for {@code spark.read.schema(...)}. */
    SPARK,
    /** A BigQuery JSON schema (the {@code bq load --schema} file). */
    BIGQUERY;

    public String id()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EngineDialect> parse(String text)
    {
        return Arrays.stream(values()).filter(dialect -> dialect.id().equalsIgnoreCase(text)).findFirst();
    }

    /** The type DuckDB reads from simdata's files for a column: UUIDs are stored as text, every other type as itself. */
    public static String duckdbFileType(Field field)
    {
        return field.type() == FieldType.UUID ? "VARCHAR" : DUCKDB.columnType(field);
    }

    /** The column type in this engine; it holds every value the type map allows. */
    public String columnType(Field field)
    {
        return switch (this) {
            case POSTGRES -> PostgresDdl.columnType(field);
            case DUCKDB -> switch (field.type()) {
                case UUID -> "UUID";
                case STRING -> "VARCHAR";
                case INTEGER -> "BIGINT";
                case DECIMAL -> "DECIMAL(" + field.precision() + "," + field.scale() + ")";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case DATETIME -> "TIMESTAMP WITH TIME ZONE";
            };
            case CLICKHOUSE -> {
                String type = switch (field.type()) {
                    case UUID -> "UUID";
                    case STRING -> "String";
                    case INTEGER -> "Int64";
                    case DECIMAL -> "Decimal(" + field.precision() + ", " + field.scale() + ")";
                    case BOOLEAN -> "Bool";
                    case DATE -> "Date32";
                    case DATETIME -> "DateTime64(0, 'UTC')";
                };
                yield field.required() ? type : "Nullable(" + type + ")";
            }
            case SPARK -> switch (field.type()) {
                case UUID, STRING -> "STRING";
                case INTEGER -> "BIGINT";
                case DECIMAL -> "DECIMAL(" + field.precision() + "," + field.scale() + ")";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case DATETIME -> "TIMESTAMP";
            };
            case BIGQUERY -> switch (field.type()) {
                case UUID, STRING -> "STRING";
                case INTEGER -> "INT64";
                case DECIMAL -> field.precision() - field.scale() <= 29 && field.scale() <= 9 ? "NUMERIC" : "BIGNUMERIC";
                case BOOLEAN -> "BOOL";
                case DATE -> "DATE";
                case DATETIME -> "TIMESTAMP";
            };
        };
    }

    /** What to paste into the engine for one table: a statement, or for BigQuery its JSON schema. */
    public String render(TableSchema table)
    {
        String csv = "csv/" + table.name() + "/*.csv";
        return switch (this) {
            case POSTGRES -> PostgresDdl.createTable("public", table) + ";";
            case DUCKDB -> "CREATE OR REPLACE VIEW " + table.name() + " AS SELECT * FROM read_csv('" + csv
                    + "', header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', columns = " + duckdbColumns(table) + ");";
            case CLICKHOUSE -> "SELECT * FROM file('" + csv + "', 'CSVWithNames', '" + structure(table) + "');";
            case SPARK -> sparkSchema(table);
            case BIGQUERY -> bigQuerySchema(table);
        };
    }

    /** Renders several tables, one block each; BigQuery's blocks are each a JSON array preceded by a {@code #} line. */
    public String render(List<TableSchema> tables)
    {
        StringBuilder text = new StringBuilder();
        for (TableSchema table : tables) {
            String comment = this == BIGQUERY || this == SPARK ? "# " : "-- ";
            text.append(comment).append(table.name()).append('\n').append(render(table)).append('\n');
        }
        return text.toString();
    }

    /** DuckDB's {@code columns} struct: {@code {'id': 'UUID', ...}}. */
    public static String duckdbColumns(TableSchema table)
    {
        StringBuilder columns = new StringBuilder("{");
        for (Field field : table.fields()) {
            columns.append(columns.length() == 1 ? "" : ", ").append(sqlString(field.name())).append(": ").append(sqlString(DUCKDB.columnType(field)));
        }
        return columns.append('}').toString();
    }

    /** ClickHouse's structure argument: {@code id UUID, phone Nullable(String), ...}. */
    public static String structure(TableSchema table)
    {
        StringBuilder structure = new StringBuilder();
        for (Field field : table.fields()) {
            structure.append(structure.isEmpty() ? "" : ", ").append('`').append(field.name()).append("` ").append(CLICKHOUSE.columnType(field));
        }
        return structure.toString().replace("'", "\\'");
    }

    /** Spark's DDL schema string: {@code id STRING, budget DECIMAL(12,2), ...}. */
    public static String sparkSchema(TableSchema table)
    {
        StringBuilder schema = new StringBuilder();
        for (Field field : table.fields()) {
            schema.append(schema.isEmpty() ? "" : ", ").append('`').append(field.name()).append("` ").append(SPARK.columnType(field));
        }
        return schema.toString();
    }

    private static String bigQuerySchema(TableSchema table)
    {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < table.columnCount(); i++) {
            Field field = table.field(i);
            json.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": \"").append(field.name()).append("\", \"type\": \"").append(BIGQUERY.columnType(field))
                    .append("\", \"mode\": \"").append(field.required() ? "REQUIRED" : "NULLABLE").append("\"}");
        }
        return json.append("\n]").toString();
    }

    private static String sqlString(String text)
    {
        return "'" + text.replace("'", "''") + "'";
    }
}
