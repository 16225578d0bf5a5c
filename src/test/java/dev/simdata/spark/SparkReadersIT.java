package dev.simdata.spark;

import dev.simdata.cli.Cli;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.it.TestDatasets;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spark 4 reads every table of {@code development} as other engines do: Parquet with its default (vectorized)
 * reader, and CSV with the schema {@code simdata schema --dialect spark} prints (issues 11 and 14).
 */
class SparkReadersIT
{
    private static final SchemaCatalog CATALOG = SchemaCatalog.bundled();
    private static SparkSession spark;
    private static Path dataset;
    private static Manifest manifest;

    @BeforeAll
    static void setUp()
            throws IOException
    {
        dataset = TestDatasets.dataset(Scenario.DEVELOPMENT);
        manifest = Manifest.read(dataset);
        spark = SparkTestSession.start("local[2]");
    }

    @AfterAll
    static void tearDown()
    {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void defaultParquetReaderReadsEveryTableExactly()
            throws IOException
    {
        assertThat(spark.conf().get("spark.sql.parquet.enableVectorizedReader")).isEqualTo("true");
        int decimals = 0;
        long timestamps = 0;
        for (TableSchema table : CATALOG.tables()) {
            String name = table.name();
            TableFiles parquet = manifest.files(name, DataFormat.PARQUET).orElseThrow();
            TableFiles csv = manifest.files(name, DataFormat.CSV).orElseThrow();
            Dataset<Row> frame = spark.read().parquet(dataset.resolve("parquet").resolve(name).toString());
            assertThat(frame.count()).as(name).isEqualTo(parquet.rows());
            List<String[]> csvRows = new ArrayList<>();
            for (ShardFile shard : csv.shards()) {
                csvRows.addAll(CsvRecords.read(dataset.resolve(shard.path())));
            }
            assertThat(csvRows).as(name).hasSize((int) parquet.rows());
            List<String> datetimes = new ArrayList<>();
            for (int i = 0; i < table.columnCount(); i++) {
                Field field = table.field(i);
                if (field.type() == FieldType.DECIMAL) {
                    BigDecimal expected = null;
                    for (String[] record : csvRows) {
                        if (record[i] != null) {
                            BigDecimal value = new BigDecimal(record[i]);
                            expected = expected == null ? value : expected.add(value);
                        }
                    }
                    BigDecimal actual = frame.agg(sum(col(field.name()))).first().getDecimal(0);
                    assertThat(actual).as(name + "." + field.name()).isEqualTo(expected);
                    decimals++;
                }
                if (field.type() == FieldType.DATETIME) {
                    datetimes.add(field.name());
                }
            }
            if (datetimes.isEmpty()) {
                continue;
            }
            // shard by shard, so that the rows come back in file order and pair with the CSV's
            int offset = 0;
            for (ShardFile shard : parquet.shards()) {
                List<Row> rows = spark.read().parquet(dataset.resolve(shard.path()).toString())
                        .select(datetimes.stream().map(column -> col(column)).toArray(org.apache.spark.sql.Column[]::new))
                        .collectAsList();
                for (int r = 0; r < rows.size(); r++) {
                    String[] record = csvRows.get(offset + r);
                    for (int c = 0; c < datetimes.size(); c++) {
                        String text = record[table.columnIndex(datetimes.get(c))];
                        Object value = rows.get(r).get(c);
                        assertThat(value).as(name + "." + datetimes.get(c) + " row " + (offset + r)).isEqualTo(text == null ? null : Instant.parse(text));
                        timestamps++;
                    }
                }
                offset += rows.size();
            }
        }
        assertThat(decimals).as("decimal columns summed").isGreaterThanOrEqualTo(9);
        assertThat(timestamps).as("timestamps compared").isGreaterThan(100_000);
    }

    @Test
    void printedSparkSchemaReadsTheCsvOfContactsIntact()
            throws IOException
    {
        String ddl = printedSchema("contacts");
        Dataset<Row> contacts = readCsv("contacts", ddl);
        Map<String, String[]> raw = new HashMap<>();
        for (ShardFile shard : manifest.files("contacts", DataFormat.CSV).orElseThrow().shards()) {
            for (String[] record : CsvRecords.read(dataset.resolve(shard.path()))) {
                raw.put(record[0], record);
            }
        }
        TableSchema table = CATALOG.table("contacts");
        int phone = table.columnIndex("phone");
        int postalCode = table.columnIndex("postal_code");
        int plusSigns = 0;
        int leadingZeros = 0;
        List<Row> rows = contacts.select("id", "phone", "postal_code").collectAsList();
        assertThat(rows).hasSize(raw.size());
        for (Row row : rows) {
            String[] record = raw.get(row.getString(0));
            assertThat(row.getString(1)).isEqualTo(record[phone]);
            assertThat(row.getString(2)).isEqualTo(record[postalCode]);
            plusSigns += row.getString(1) != null && row.getString(1).startsWith("+") ? 1 : 0;
            leadingZeros += row.getString(2) != null && row.getString(2).startsWith("0") ? 1 : 0;
        }
        assertThat(plusSigns).isGreaterThan(1_000);
        assertThat(leadingZeros).isGreaterThan(100);
    }

    @Test
    void everyTablesPrintedSchemaHasTheParquetTypesAndItsCsvEqualsTheParquet()
    {
        for (TableSchema table : CATALOG.tables()) {
            String name = table.name();
            String ddl = printedSchema(name);
            Dataset<Row> parquet = spark.read().parquet(dataset.resolve("parquet").resolve(name).toString());
            StructType printed = StructType.fromDDL(ddl);
            assertThat(types(printed)).as(name).isEqualTo(types(parquet.schema()));
            assertThat(types(SparkSchemas.of(table))).as(name).isEqualTo(types(parquet.schema()));
            // every value, money and text included: the two files hold the same multiset of rows
            RowHashes.Fingerprint csv = RowHashes.of(readCsv(name, ddl));
            assertThat(csv.rows()).as(name).isEqualTo(manifest.files(name, DataFormat.CSV).orElseThrow().rows());
            assertThat(csv).as(name + ": CSV read with the printed schema against Parquet").isEqualTo(RowHashes.of(parquet));
        }
    }

    @Test
    void dataSourceRowsEqualTheParquetFilesForEveryTable()
    {
        for (TableSchema table : CATALOG.tables()) {
            String name = table.name();
            Dataset<Row> generated = spark.read().format("simdata").option("scenario", "development").option("table", name).load();
            Dataset<Row> parquet = spark.read().parquet(dataset.resolve("parquet").resolve(name).toString());
            assertThat(types(generated.schema())).as(name).isEqualTo(types(parquet.schema()));
            RowHashes.Fingerprint fingerprint = RowHashes.of(generated);
            assertThat(fingerprint.rows()).as(name).isEqualTo(manifest.files(name, DataFormat.PARQUET).orElseThrow().rows());
            assertThat(fingerprint).as(name + ": data source against Parquet").isEqualTo(RowHashes.of(parquet));
        }
    }

    @Test
    void dataSourceHasOnePartitionPerShardAndTakesTheGenerateFlags()
    {
        long events = manifest.files("events", DataFormat.PARQUET).orElseThrow().rows();
        Dataset<Row> generated = spark.read().format("simdata").option("scenario", "development").option("shard_rows", "5000").option("table", "events").load();
        assertThat(generated.rdd().getNumPartitions()).isEqualTo((int) ((events + 4_999) / 5_000));
        assertThat(generated.count()).isEqualTo(events);
        long otherSeed = spark.read().format("simdata").option("scenario", "development").option("seed", "7").option("table", "events").load().count();
        assertThat(otherSeed).as("another seed, other rows").isNotEqualTo(events);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> spark.read().format("simdata").option("scenario", "development").option("table", "nope").load())
                .hasMessageContaining("no table 'nope'");
    }

    /** The README's recipe: header, doubled quotes, line breaks inside quotes, and the printed schema. */
    private static Dataset<Row> readCsv(String table, String ddl)
    {
        return spark.read().schema(ddl).option("header", "true").option("escape", "\"").option("multiLine", "true")
                .csv(dataset.resolve("csv").resolve(table).toString());
    }

    private static List<String> types(StructType schema)
    {
        List<String> types = new ArrayList<>();
        for (StructField field : schema.fields()) {
            types.add(field.name() + " " + field.dataType().sql());
        }
        return types;
    }

    /** What {@code simdata schema --dialect spark TABLE} prints, through the command itself. */
    private static String printedSchema(String table)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out), new PrintWriter(err)).execute("schema", "--dialect", "spark", table);
        assertThat(code).as(err.toString()).isZero();
        return out.toString().strip();
    }
}
