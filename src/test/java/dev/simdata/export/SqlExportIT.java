package dev.simdata.export;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The exported migration and seed files, run by the real psql client into an empty embedded PostgreSQL database. */
class SqlExportIT
{
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start()
            throws IOException
    {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop()
            throws IOException
    {
        postgres.close();
    }

    @Test
    void demoSeedsAnEmptyDatabaseWithExactCountsAndValidatedForeignKeys(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("supabase");
        SqlExport.export(ExportFixtures.DEMO, out, false);
        String database = createDatabase("plain");
        for (Path file : files(out)) {
            psql(database, "psql -v ON_ERROR_STOP=1 -q -X -f \"$1\" " + connection(database), file);
        }
        assertCounts(database, Manifest.read(ExportFixtures.DEMO));
    }

    @Test
    void gzippedSeedsRunThroughZcat(@TempDir Path temporary)
            throws Exception
    {
        Path out = temporary.resolve("supabase");
        SqlExport.export(ExportFixtures.DEMO, out, true);
        List<Path> files = files(out);
        assertThat(files.subList(1, files.size())).allMatch(file -> file.toString().endsWith(".sql.gz"));
        String database = createDatabase("gzipped");
        psql(database, "psql -v ON_ERROR_STOP=1 -q -X -f \"$1\" " + connection(database), files.get(0));
        for (Path file : files.subList(1, files.size())) {
            psql(database, "set -o pipefail; zcat \"$1\" | psql -v ON_ERROR_STOP=1 -q -X " + connection(database), file);
        }
        assertCounts(database, Manifest.read(ExportFixtures.DEMO));
    }

    @Test
    void aQuoteABackslashANewlineAndNonAsciiTextRoundTrip(@TempDir Path temporary)
            throws Exception
    {
        String nasty = "O'Brien \\ Söhne\n\"Crème\" 東京 \\' ''";
        Path dataset = ExportFixtures.csvOnlyCopy(temporary.resolve("demo"));
        String field = "\"" + nasty.replace("\"", "\"\"") + "\"";
        ExportFixtures.rewriteCsv(dataset, "csv/organizations/part-00000.csv", lines -> {
            List<String> changed = new ArrayList<>(lines);
            String[] columns = changed.get(0).split(",", -1);
            columns[1] = field;
            changed.set(0, String.join(",", columns));
            return changed;
        });
        String id = Files.readAllLines(dataset.resolve("csv/organizations/part-00000.csv")).get(1).split(",")[0];
        Path out = temporary.resolve("supabase");
        SqlExport.export(dataset, out, false);
        String database = createDatabase("nasty");
        for (Path file : files(out)) {
            psql(database, "psql -v ON_ERROR_STOP=1 -q -X -f \"$1\" " + connection(database), file);
        }
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT name FROM organizations WHERE id = '" + id + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo(nasty);
        }
    }

    private static List<Path> files(Path out)
            throws IOException
    {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> migrations = Files.list(out.resolve("migrations"))) {
            files.addAll(migrations.sorted().toList());
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("[0-9]{14}_simdata_schema\\.sql");
        try (Stream<Path> seeds = Files.list(out.resolve("seed"))) {
            files.addAll(seeds.sorted().toList());
        }
        return files;
    }

    private static void assertCounts(String database, Manifest manifest)
            throws SQLException
    {
        try (Connection connection = postgres.getDatabase("postgres", database).getConnection(); Statement statement = connection.createStatement()) {
            for (TableFiles files : manifest.files()) {
                if (files.format() != DataFormat.PARQUET) {
                    continue;
                }
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM public.\"" + files.table() + "\"")) {
                    count.next();
                    assertThat(count.getLong(1)).as(files.table()).isEqualTo(files.rows());
                }
            }
            try (ResultSet keys = statement.executeQuery("SELECT count(*), count(*) FILTER (WHERE convalidated) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace")) {
                keys.next();
                assertThat(keys.getLong(1)).isGreaterThan(20);
                assertThat(keys.getLong(2)).isEqualTo(keys.getLong(1));
            }
        }
    }

    private static String createDatabase(String name)
            throws SQLException
    {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    private static String connection(String database)
    {
        return "-h localhost -p " + postgres.getPort() + " -U postgres -d " + database;
    }

    private static void psql(String database, String script, Path file)
            throws IOException, InterruptedException
    {
        Process process = new ProcessBuilder("bash", "-c", script, "psql", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(file + ": " + output).isZero();
        assertThat(output).as(file.toString()).doesNotContain("ERROR");
    }
}
