package dev.simdata.load;

import dev.simdata.dataset.DataFormat;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static dev.simdata.load.LoadFixtures.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Binary and text COPY, from CSV and from Parquet, load the same contents; grants and row level security after the
 * load; {@code --mode replace} drops no object of the user unless {@code --cascade}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadOptionsIT
{
    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private Path development;
    private Path parquet;

    @BeforeAll
    void setUp()
            throws IOException, InterruptedException
    {
        postgres = EmbeddedPostgres.builder().start();
        development = LoadFixtures.generate(temporary.resolve("development"), Scenario.DEVELOPMENT, 5_000);
        parquet = LoadFixtures.parquetOnly(development, temporary.resolve("development-parquet"));
    }

    @AfterAll
    void tearDown()
            throws IOException
    {
        postgres.close();
    }

    private LoadSummary load(LoadOptions options)
    {
        return DatasetLoader.load(LoadFixtures.target(postgres), options, LoadProgress.NONE, ReplaceConfirmation.ALWAYS);
    }

    @Test
    void everyCopyFormatFromEveryFileFormatLoadsIdenticalContents()
            throws SQLException
    {
        LoadSummary textCsv = load(LoadFixtures.options(development, "text_csv").withCopyFormat(CopyFormat.TEXT));
        LoadSummary binaryCsv = load(LoadFixtures.options(development, "binary_csv").withCopyFormat(CopyFormat.BINARY));
        LoadSummary textParquet = load(LoadFixtures.options(parquet, "text_parquet").withCopyFormat(CopyFormat.TEXT));
        LoadSummary binaryParquet = load(LoadFixtures.options(parquet, "binary_parquet"));

        assertThat(binaryParquet.copyFormat()).as("the default").isEqualTo(CopyFormat.BINARY);
        assertThat(binaryCsv.tables()).allSatisfy(table -> assertThat(table.format()).isEqualTo(DataFormat.CSV));
        assertThat(binaryParquet.tables()).allSatisfy(table -> assertThat(table.format()).isEqualTo(DataFormat.PARQUET));
        assertThat(binaryCsv.rowsLoaded()).isEqualTo(textCsv.rowsLoaded()).isPositive();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (TableSchema table : SchemaCatalog.bundled().tables()) {
                String expected = LoadFixtures.tableChecksum(connection, "text_csv", table.name());
                assertThat(expected).doesNotStartWith("0:");
                for (String schema : List.of("binary_csv", "text_parquet", "binary_parquet")) {
                    assertThat(LoadFixtures.tableChecksum(connection, schema, table.name())).as("%s.%s", schema, table.name()).isEqualTo(expected);
                }
            }
        }
        // the text COPY of CSV sends the files' bytes (less headers); binary sends fewer (0.69x measured on development:
        // every field carries a 4-byte length, and text columns are as long in both)
        assertThat(textCsv.bytesSent()).isPositive();
        assertThat((double) binaryCsv.bytesSent() / textCsv.bytesSent()).as("binary bytes / text bytes").isLessThanOrEqualTo(0.7);
        assertThat(binaryParquet.bytesSent()).isEqualTo(binaryCsv.bytesSent());
        assertThat(textParquet.bytesSent()).as("Parquet as CSV text quotes every string").isGreaterThanOrEqualTo(textCsv.bytesSent());
    }

    @Test
    void grantAndEnableRlsShowInTheCatalogForEveryLoadedTable()
            throws SQLException
    {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN CREATE ROLE anon NOLOGIN; END IF; "
                    + "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN CREATE ROLE authenticated NOLOGIN; END IF; END $$");
        }
        LoadSummary summary = load(LoadFixtures.options(development, "granted").withAccess(List.of("anon", "authenticated"), true));
        assertThat(summary.granted()).containsExactly("anon", "authenticated");
        assertThat(summary.rowLevelSecurity()).isTrue();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (TableSchema table : SchemaCatalog.bundled().tables()) {
                String qualified = "'granted.\"" + table.name() + "\"'";
                for (String role : List.of("anon", "authenticated")) {
                    assertThat(queryLong(connection, "SELECT has_table_privilege('" + role + "', " + qualified + ", 'SELECT')::int"))
                            .as("%s may select %s", role, table.name()).isEqualTo(1);
                }
                assertThat(queryLong(connection, "SELECT relrowsecurity::int FROM pg_class WHERE oid = " + qualified + "::regclass"))
                        .as("row level security on %s", table.name()).isEqualTo(1);
            }
            assertThat(queryLong(connection, "SELECT has_table_privilege('anon', 'granted.simdata_load_ledger', 'SELECT')::int"))
                    .as("the ledger is not granted").isZero();
        }
        // a rerun changes no data and keeps the grants
        assertThat(load(LoadFixtures.options(development, "granted").withAccess(List.of("anon"), true)).nothingToDo()).isTrue();
    }

    @Test
    void aReplaceThatCannotGetALockNamesTheTableAndChangesNothing()
            throws SQLException
    {
        load(LoadFixtures.options(development, "held"));
        long contacts;
        try (Connection holder = postgres.getPostgresDatabase().getConnection(); Statement statement = holder.createStatement()) {
            contacts = queryLong(holder, "SELECT count(*) FROM held.contacts");
            holder.setAutoCommit(false);
            // a reader holds contacts: dropping it has to wait
            statement.execute("LOCK TABLE held.contacts IN ACCESS SHARE MODE");
            long started = System.nanoTime();
            assertThatThrownBy(() -> load(LoadFixtures.options(development, "held").withMode(LoadMode.REPLACE)
                    .withLockTimeout(java.time.Duration.ofSeconds(1))))
                    .isInstanceOf(LoadException.class)
                    .hasMessageContaining("gave up waiting for a lock on")
                    .hasMessageContaining("\"held\".\"contacts\" is held by pid ")
                    .hasMessageContaining("--lock-timeout")
                    .hasMessageContaining("nothing was changed");
            assertThat((System.nanoTime() - started) / 1e9).as("seconds until it gave up").isLessThan(30);
            holder.rollback();
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM held.contacts")).isEqualTo(contacts);
        }
    }

    @Test
    void grantToAMissingRoleIsRefusedBeforeAnythingIsLoaded()
            throws SQLException
    {
        assertThatThrownBy(() -> load(LoadFixtures.options(development, "no_role").withAccess(List.of("no_such_role"), false)))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("no_such_role")
                .hasMessageContaining("nothing was loaded");
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'no_role'"))
                    .isZero();
        }
    }

    @Test
    void replaceKeepsTheUsersViewAndForeignKeyUnlessCascadeNamesThemFirst()
            throws SQLException
    {
        load(LoadFixtures.options(development, "replaced"));
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE VIEW replaced.my_orgs AS SELECT * FROM replaced.organizations");
            statement.execute("CREATE TABLE replaced.my_notes (organization_id uuid REFERENCES replaced.organizations (id), note text)");
        }
        LoadOptions replace = LoadFixtures.options(development, "replaced").withMode(LoadMode.REPLACE);
        assertThatThrownBy(() -> load(replace))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("view replaced.my_orgs")
                .hasMessageContaining("foreign key my_notes_organization_id_fkey on replaced.my_notes")
                .hasMessageContaining("--cascade")
                .hasMessageContaining("nothing was changed");
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM replaced.my_orgs")).isPositive();
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_constraint WHERE conname = 'my_notes_organization_id_fkey'")).isEqualTo(1);
        }

        List<String> named = new java.util.ArrayList<>();
        ReplaceConfirmation recording = new ReplaceConfirmation()
        {
            @Override
            public boolean confirm(String schema, List<TableRows> tables)
            {
                return true;
            }

            @Override
            public boolean confirm(String schema, List<TableRows> tables, List<String> dependents)
            {
                named.addAll(dependents);
                return true;
            }
        };
        LoadSummary summary = DatasetLoader.load(LoadFixtures.target(postgres), replace.withCascade(true), LoadProgress.NONE, recording);
        assertThat(named).containsExactlyInAnyOrder("view replaced.my_orgs", "foreign key my_notes_organization_id_fkey on replaced.my_notes");
        assertThat(summary.rowsLoaded()).isPositive();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_class WHERE relname = 'my_orgs'")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_class WHERE relname = 'my_notes'")).as("the user's table itself stays").isEqualTo(1);
        }
    }
}
