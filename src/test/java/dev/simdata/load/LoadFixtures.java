package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Datasets and database helpers for the loader's tests. */
final class LoadFixtures
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private LoadFixtures() {}

    static Path generate(Path directory, Scenario scenario, long shardRows)
            throws IOException, InterruptedException
    {
        GenerateDataset.run(GenerationSettings.defaults(scenario),
                new DatasetOptions(directory, EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), shardRows, ParquetCompression.SNAPPY, 2, false),
                GenerationProgress.NONE);
        return directory;
    }

    static ConnectionTarget target(EmbeddedPostgres postgres)
    {
        return new ConnectionTarget("localhost", postgres.getPort(), "postgres", "postgres", null, Map.of("sslmode", "disable"));
    }

    static LoadOptions options(Path dataset, String schema)
    {
        return LoadOptions.defaults(dataset).withSchema(schema).withJobs(2);
    }

    /** Copies a dataset folder (regular files only). */
    static Path copy(Path source, Path target)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(source)) {
            for (Iterator<Path> iterator = files.iterator(); iterator.hasNext(); ) {
                Path file = iterator.next();
                Path destination = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                }
                else {
                    Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Rewrites datapackage.json through {@code edit}, which gets each resource. */
    static void editResources(Path dataset, Consumer<ArrayNode> edit)
            throws IOException
    {
        Path manifest = dataset.resolve("datapackage.json");
        ObjectNode root = (ObjectNode) JSON.readTree(manifest.toFile());
        edit.accept((ArrayNode) root.get("resources"));
        Files.write(manifest, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** A copy holding only the Parquet files and a manifest listing only them. */
    static Path parquetOnly(Path source, Path target)
            throws IOException
    {
        copy(source.resolve("parquet"), target.resolve("parquet"));
        Files.copy(source.resolve("datapackage.json"), target.resolve("datapackage.json"));
        editResources(target, resources -> {
            for (Iterator<JsonNode> iterator = resources.elements(); iterator.hasNext(); ) {
                if (!iterator.next().path("format").asText().equals("parquet")) {
                    iterator.remove();
                }
            }
        });
        return target;
    }

    /** A progress that runs {@code action} once, when the {@code n}-th shard has committed. */
    static LoadProgress atCommit(int n, Runnable action)
    {
        java.util.concurrent.atomic.AtomicInteger committed = new java.util.concurrent.atomic.AtomicInteger();
        return new LoadProgress()
        {
            @Override
            public void loaded(String table, long rows)
            {
                if (committed.incrementAndGet() == n) {
                    action.run();
                }
            }
        };
    }

    /**
     * Kills {@code process} (a child JVM loading into {@code schema}) with SIGKILL once the ledger holds
     * {@code shards} rows, or leaves it when it ends first or two minutes pass; returns when it has exited.
     */
    static void killOnceCommitted(Process process, Connection connection, String schema, long shards)
            throws InterruptedException
    {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (process.isAlive() && System.nanoTime() < deadline) {
            long committed;
            try {
                committed = queryLong(connection, "SELECT count(*) FROM " + schema + ".simdata_load_ledger");
            }
            catch (SQLException e) {
                committed = 0; // not created yet
            }
            if (committed >= shards) {
                process.destroyForcibly();
                break;
            }
            Thread.sleep(10);
        }
        process.waitFor();
    }

    static long queryLong(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    static String queryString(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** An order-independent checksum of a table's contents. */
    static String tableChecksum(Connection connection, String schema, String table)
            throws SQLException
    {
        return queryString(connection, "SELECT count(*) || ':' || coalesce(md5(string_agg(h, '' ORDER BY h)), '') FROM (SELECT md5(t::text) AS h FROM \""
                + schema + "\".\"" + table + "\" t) s");
    }

    /** Every table holds the manifest's rows, has its primary key and validated foreign keys, no orphans; one ledger row per shard. */
    static void assertExactCountsAndKeys(Connection connection, Path dataset, String schema)
            throws SQLException
    {
        Manifest manifest = Manifest.read(dataset);
        SchemaCatalog catalog = SchemaCatalog.bundled();
        for (String table : manifest.tables()) {
            long expected = manifest.files(table, dev.simdata.dataset.DataFormat.CSV).orElseThrow().rows();
            assertThat(queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\""))
                    .as("rows of %s", table).isEqualTo(expected);
            TableSchema definition = catalog.table(table);
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                    + "WHERE n.nspname = '" + schema + "' AND c.conrelid = '\"" + schema + "\".\"" + table + "\"'::regclass AND c.contype = 'p'"))
                    .as("primary key of %s", table).isEqualTo(1);
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_constraint c WHERE c.conrelid = '\"" + schema + "\".\"" + table
                    + "\"'::regclass AND c.contype = 'f' AND c.convalidated"))
                    .as("validated foreign keys of %s", table).isEqualTo(definition.foreignKeys().size());
            for (ForeignKey foreignKey : definition.foreignKeys()) {
                String column = foreignKey.fields().get(0);
                assertThat(queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\" c WHERE c.\"" + column
                        + "\" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"" + schema + "\".\"" + foreignKey.referencedTable()
                        + "\" p WHERE p.\"" + foreignKey.referencedFields().get(0) + "\" = c.\"" + column + "\")"))
                        .as("orphans in %s.%s", table, column).isZero();
            }
        }
        assertThat(queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".simdata_load_ledger"))
                .isEqualTo(manifest.files().stream().filter(files -> files.format() == dev.simdata.dataset.DataFormat.CSV).mapToLong(files -> files.shards().size()).sum());
    }
}
