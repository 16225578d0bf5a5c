package dev.simdata.cli;

import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code simdata schema --dialect ...} prints, for every column, a type that holds every value the schema type map
 * allows. Spark is not a test dependency on this branch, so the Spark schema string is checked against the grammar
 * of Spark's DDL schema strings ({@code `name` TYPE, ...} with Spark's primitive type names) instead of Spark's parser.
 */
class SchemaCommandTest
{
    /** The type each engine must use per schema type; UUIDs are text where the engine has no UUID type. */
    private static final Map<FieldType, String> CLICKHOUSE = Map.of(
            FieldType.UUID, "UUID", FieldType.STRING, "String", FieldType.INTEGER, "Int64", FieldType.DECIMAL, "Decimal(%d, %d)",
            FieldType.BOOLEAN, "Bool", FieldType.DATE, "Date32", FieldType.DATETIME, "DateTime64(0, 'UTC')");
    private static final Map<FieldType, String> BIGQUERY = Map.of(
            FieldType.UUID, "STRING", FieldType.STRING, "STRING", FieldType.INTEGER, "INT64", FieldType.DECIMAL, "NUMERIC",
            FieldType.BOOLEAN, "BOOL", FieldType.DATE, "DATE", FieldType.DATETIME, "TIMESTAMP");
    private static final Map<FieldType, String> SPARK = Map.of(
            FieldType.UUID, "STRING", FieldType.STRING, "STRING", FieldType.INTEGER, "BIGINT", FieldType.DECIMAL, "DECIMAL(%d,%d)",
            FieldType.BOOLEAN, "BOOLEAN", FieldType.DATE, "DATE", FieldType.DATETIME, "TIMESTAMP");
    private static final Pattern SPARK_COLUMN = Pattern.compile("`[a-z_][a-z0-9_]*` (STRING|BIGINT|BOOLEAN|DATE|TIMESTAMP|DECIMAL\\(([1-9]|[12][0-9]|3[0-8]),([0-9]|[12][0-9]|3[0-8])\\))");

    @Test
    void everyColumnTypeHoldsItsValues()
    {
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            for (Field field : table.fields()) {
                String clickhouse = String.format(CLICKHOUSE.get(field.type()), field.precision(), field.scale());
                assertThat(EngineDialect.CLICKHOUSE.columnType(field)).as(table.name() + "." + field.name())
                        .isEqualTo(field.required() ? clickhouse : "Nullable(" + clickhouse + ")");
                assertThat(EngineDialect.BIGQUERY.columnType(field)).as(table.name() + "." + field.name()).isEqualTo(BIGQUERY.get(field.type()));
                assertThat(EngineDialect.SPARK.columnType(field)).as(table.name() + "." + field.name())
                        .isEqualTo(String.format(SPARK.get(field.type()), field.precision(), field.scale()));
                if (field.type() == FieldType.DECIMAL) {
                    // BigQuery NUMERIC holds 29 integer digits and 9 after the point; ClickHouse and Spark decimals up to 38 digits
                    assertThat(field.precision() - field.scale()).isLessThanOrEqualTo(29);
                    assertThat(field.scale()).isLessThanOrEqualTo(9);
                    assertThat(field.precision()).isLessThanOrEqualTo(38);
                }
            }
        }
    }

    @Test
    void sparkSchemaIsAValidDdlString()
    {
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            String schema = EngineDialect.sparkSchema(table);
            String[] columns = schema.split(", ");
            assertThat(columns).hasSize(table.columnCount());
            for (String column : columns) {
                assertThat(column).as(table.name()).matches(SPARK_COLUMN);
            }
        }
        assertThat(EngineDialect.sparkSchema(SchemaCatalog.bundled().table("contacts")))
                .contains("`phone` STRING").contains("`postal_code` STRING");
    }

    @Test
    void printsOneTableForEachDialect()
    {
        assertThat(run("schema", "--dialect", "duckdb", "contacts").out())
                .startsWith("CREATE OR REPLACE VIEW contacts AS SELECT * FROM read_csv('csv/contacts/*.csv', header = true")
                .contains("'postal_code': 'VARCHAR'");
        assertThat(run("schema", "--dialect", "clickhouse", "campaigns").out())
                .startsWith("SELECT * FROM file('csv/campaigns/*.csv', 'CSVWithNames', '`id` UUID, ")
                .contains("`budget` Decimal(12, 2)");
        assertThat(run("schema", "--dialect", "postgres", "organizations").out()).startsWith("CREATE TABLE IF NOT EXISTS \"public\".\"organizations\" (");
        assertThat(run("schema", "--dialect", "bigquery", "contacts").out()).startsWith("[\n  {\"name\": \"id\", \"type\": \"STRING\", \"mode\": \"REQUIRED\"}");
        Result all = run("schema", "--dialect", "spark");
        assertThat(all.code()).isZero();
        assertThat(all.out().lines().filter(line -> line.startsWith("# ")).count()).isEqualTo(SchemaCatalog.bundled().tables().size());
    }

    @Test
    void wrongDialectOrTableIsAOneLineUserError()
    {
        Result dialect = run("schema", "--dialect", "oracle");
        assertThat(dialect.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(dialect.err().strip()).contains("--dialect").contains("oracle").doesNotContain("\n").doesNotContain("Exception");
        Result table = run("schema", "--dialect", "duckdb", "contact");
        assertThat(table.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(table.err().strip()).contains("no table 'contact'").doesNotContain("\n");
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
