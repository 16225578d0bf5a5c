package dev.simdata.it;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Field;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shard is read back by independent, real readers: each Parquet shard by DuckDB (row count and column types),
 * and each CSV shard by PostgreSQL's plain {@code COPY … (FORMAT csv, HEADER)}. After the COPY, primary keys and
 * validated foreign keys are added: PostgreSQL itself proves that keys are unique and every reference resolves.
 */
class ReadBackIT
{
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start()
            throws Exception
    {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop()
            throws Exception
    {
        postgres.close();
    }

    @Test
    void duckDbReadsEveryParquetShardWithTheSchemaTypes()
            throws Exception
    {
        for (Scenario scenario : List.of(Scenario.DEMO, Scenario.DEVELOPMENT)) {
            Path dataset = TestDatasets.dataset(scenario);
            Manifest manifest = Manifest.read(dataset);
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                    Statement statement = duck.createStatement()) {
                for (TableSchema table : tablesOf(scenario)) {
                    TableFiles files = manifest.files(table.name(), DataFormat.PARQUET).orElseThrow();
                    for (ShardFile shard : files.shards()) {
                        String source = "read_parquet('" + dataset.resolve(shard.path()) + "')";
                        try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + source)) {
                            count.next();
                            assertThat(count.getLong(1)).as("rows of %s", shard.path()).isEqualTo(shard.rows());
                        }
                        List<String> names = new ArrayList<>();
                        List<String> types = new ArrayList<>();
                        try (ResultSet describe = statement.executeQuery("DESCRIBE SELECT * FROM " + source)) {
                            while (describe.next()) {
                                names.add(describe.getString("column_name"));
                                types.add(describe.getString("column_type"));
                            }
                        }
                        assertThat(names).as("columns of %s", shard.path()).containsExactlyElementsOf(table.fields().stream().map(Field::name).toList());
                        assertThat(types).as("types of %s", shard.path()).containsExactlyElementsOf(table.fields().stream().map(ReadBackIT::duckDbType).toList());
                    }
                }
            }
        }
    }

    @Test
    void postgresCopiesEveryCsvShardAndTheKeysHold()
            throws Exception
    {
        for (Scenario scenario : List.of(Scenario.DEMO, Scenario.DEVELOPMENT)) {
            Path dataset = TestDatasets.dataset(scenario);
            Manifest manifest = Manifest.read(dataset);
            String schema = "readback_" + scenario.name();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + PostgresDdl.quote(schema));
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                List<TableSchema> tables = tablesOf(scenario);
                for (TableSchema table : SchemaCatalog.bundled().tables()) {
                    assertThat(manifest.files(table.name(), DataFormat.CSV).isPresent()).as("%s in %s", table.name(), scenario.name()).isEqualTo(tables.contains(table));
                }
                for (TableSchema table : tables) {
                    statement.execute(PostgresDdl.createTable(schema, table));
                    TableFiles files = manifest.files(table.name(), DataFormat.CSV).orElseThrow();
                    for (ShardFile shard : files.shards()) {
                        try (InputStream in = Files.newInputStream(dataset.resolve(shard.path()))) {
                            long copied = copy.copyIn("COPY " + PostgresDdl.qualified(schema, table.name()) + " FROM STDIN (FORMAT csv, HEADER)", in);
                            assertThat(copied).as("rows copied from %s", shard.path()).isEqualTo(shard.rows());
                        }
                    }
                }
                for (TableSchema table : tables) {
                    statement.execute(PostgresDdl.primaryKey(schema, table));
                }
                for (TableSchema table : tables) {
                    for (String foreignKey : PostgresDdl.foreignKeys(schema, table)) {
                        statement.execute(foreignKey);
                    }
                    try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + PostgresDdl.qualified(schema, table.name()))) {
                        count.next();
                        assertThat(count.getLong(1)).isEqualTo(manifest.files(table.name(), DataFormat.CSV).orElseThrow().rows());
                    }
                }
                // a recipient's contact always belongs to the campaign's client
                try (ResultSet mismatched = statement.executeQuery("SELECT count(*) FROM " + schema + ".recipients r"
                        + " JOIN " + schema + ".campaigns c ON c.id = r.campaign_id JOIN " + schema + ".contacts k ON k.id = r.contact_id"
                        + " WHERE k.client_id <> c.client_id")) {
                    mismatched.next();
                    assertThat(mismatched.getLong(1)).isZero();
                }
                // a campaign's template, landing page and audience are its client's; it prints its template's format,
                // mails no more than its audience holds, and was created after all three
                try (ResultSet assets = statement.executeQuery("SELECT count(*) FROM " + schema + ".campaigns c"
                        + " JOIN " + schema + ".templates t ON t.id = c.template_id JOIN " + schema + ".landing_pages l ON l.id = c.landing_page_id"
                        + " JOIN " + schema + ".audiences a ON a.id = c.audience_id"
                        + " WHERE t.client_id <> c.client_id OR l.client_id <> c.client_id OR a.client_id <> c.client_id"
                        + " OR t.format <> c.mail_piece_format OR c.recipient_count > a.size"
                        + " OR greatest(t.created_at, l.created_at, a.created_at) >= c.created_at")) {
                    assets.next();
                    assertThat(assets.getLong(1)).isZero();
                }
                // a reward's condition is its campaign's, its brand is active and sells its amount; the first condition is a call
                try (ResultSet rewards = statement.executeQuery("SELECT count(*) FROM " + schema + ".campaign_reward_configs r"
                        + " JOIN " + schema + ".campaign_conditions c ON c.id = r.campaign_condition_id JOIN " + schema + ".gift_card_brands b ON b.id = r.gift_card_brand_id"
                        + " WHERE c.campaign_id <> r.campaign_id OR NOT b.is_active"
                        + " OR position(',' || trunc(r.amount)::text || ',' in ',' || b.denominations || ',') = 0"
                        + " OR (c.sequence = 1 AND c.condition_type <> 'call_received')")) {
                    rewards.next();
                    assertThat(rewards.getLong(1)).isZero();
                }
                // a contact is in a campaign at most once; tracking codes are unique
                try (ResultSet duplicates = statement.executeQuery("SELECT (SELECT count(*) FROM (SELECT 1 FROM " + schema + ".recipients GROUP BY campaign_id, contact_id HAVING count(*) > 1) d)"
                        + " + (SELECT count(*) - count(DISTINCT tracking_code) FROM " + schema + ".recipients)")) {
                    duplicates.next();
                    assertThat(duplicates.getLong(1)).isZero();
                }
                for (String index : CrossTableInvariants.INDEXES) {
                    statement.execute(index.replace("$s", schema));
                }
                statement.execute("ANALYZE");
                CrossTableInvariants.assertHold(statement, schema, scenario.name());
                // NULL is an empty unquoted field, an empty string is "": optional columns arrive as NULL
                try (ResultSet nulls = statement.executeQuery("SELECT count(*) FILTER (WHERE email IS NULL), count(*) FILTER (WHERE email = '') FROM " + schema + ".contacts")) {
                    nulls.next();
                    assertThat(nulls.getLong(1)).isPositive();
                    assertThat(nulls.getLong(2)).isZero();
                }
            }
        }
    }

    /** DOMAIN.md: the analytics tables and error logs exist from the development scenario up. */
    private static List<TableSchema> tablesOf(Scenario scenario)
    {
        List<String> platformTables = List.of("performance_metrics", "usage_analytics", "error_logs");
        return SchemaCatalog.bundled().tables().stream()
                .filter(table -> scenario != Scenario.DEMO || !platformTables.contains(table.name()))
                .toList();
    }

    private static String duckDbType(Field field)
    {
        return switch (field.type()) {
            case UUID, STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + field.precision() + "," + field.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }
}
