package dev.simdata.load;

import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.simdata.load.LoadFixtures.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadIT
{
    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private Path demo;
    private Path development;

    @BeforeAll
    void setUp()
            throws IOException, InterruptedException
    {
        postgres = EmbeddedPostgres.builder().start();
        // small shards, so that tables have several shards, loaded in parallel, and a load can be cut midway
        demo = LoadFixtures.generate(temporary.resolve("demo"), Scenario.DEMO, 200);
        development = LoadFixtures.generate(temporary.resolve("development"), Scenario.DEVELOPMENT, 5_000);
    }

    @AfterAll
    void tearDown()
            throws IOException
    {
        postgres.close();
    }

    private Connection connect()
            throws SQLException
    {
        return postgres.getPostgresDatabase().getConnection();
    }

    private LoadSummary load(Path dataset, String schema)
    {
        return DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(dataset, schema), LoadProgress.NONE, ReplaceConfirmation.ALWAYS);
    }

    @Test
    void demoLoadsWithExactCountsAndValidForeignKeys()
            throws Exception
    {
        LoadSummary summary = load(demo, "demo");
        assertThat(summary.nothingToDo()).isFalse();
        assertExactCountsAndKeys(demo, "demo");
    }

    @Test
    void developmentLoadsWithExactCountsAndValidForeignKeys()
            throws Exception
    {
        load(development, "development");
        assertExactCountsAndKeys(development, "development");
    }

    @Test
    void aForeignKeyLeftUnvalidatedIsValidatedByTheNextRun()
            throws Exception
    {
        load(demo, "unvalidated");
        try (Connection connection = connect(); java.sql.Statement statement = connection.createStatement()) {
            // what a run stopped between adding a foreign key and validating it leaves behind
            statement.execute("ALTER TABLE unvalidated.events DROP CONSTRAINT events_recipient_id_fkey");
            statement.execute("ALTER TABLE unvalidated.events ADD CONSTRAINT events_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES unvalidated.recipients (id) NOT VALID");
        }
        LoadSummary again = load(demo, "unvalidated");
        assertThat(again.nothingToDo()).isFalse();
        assertExactCountsAndKeys(demo, "unvalidated");
        assertThat(load(demo, "unvalidated").nothingToDo()).isTrue();
    }

    private void assertExactCountsAndKeys(Path dataset, String schema)
            throws SQLException
    {
        try (Connection connection = connect()) {
            LoadFixtures.assertExactCountsAndKeys(connection, dataset, schema);
        }
    }

    @Test
    void theSchedulersLockConflictsAreThoseOfPostgresql()
            throws Exception
    {
        try (Connection holder = connect(); Connection other = connect(); Statement holding = holder.createStatement(); Statement asking = other.createStatement()) {
            holding.execute("CREATE TABLE IF NOT EXISTS public.lock_matrix (id integer)");
            holder.setAutoCommit(false);
            other.setAutoCommit(false);
            for (KeyJob.TableLock held : KeyJob.TableLock.values()) {
                for (KeyJob.TableLock wanted : KeyJob.TableLock.values()) {
                    holding.execute("LOCK TABLE public.lock_matrix IN " + held.name().replace('_', ' ') + " MODE");
                    boolean conflicts = false;
                    try {
                        asking.execute("LOCK TABLE public.lock_matrix IN " + wanted.name().replace('_', ' ') + " MODE NOWAIT");
                    }
                    catch (SQLException e) {
                        assertThat(e.getSQLState()).isEqualTo("55P03");
                        conflicts = true;
                    }
                    other.rollback();
                    holder.rollback();
                    assertThat(held.conflictsWith(wanted)).as("%s against %s", held, wanted).isEqualTo(conflicts);
                }
            }
        }
    }

    @Test
    void keyMemoryIsRaisedAndParallelBuildsAreOffForTheTransactionOnly()
            throws Exception
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET maintenance_work_mem = '1GB'");
            statement.execute("SET work_mem = '4MB'");
            connection.setAutoCommit(false);
            statement.execute(Keys.MEMORY);
            assertThat(LoadFixtures.queryString(connection, "SHOW maintenance_work_mem")).as("never lowered").isEqualTo("1GB");
            assertThat(LoadFixtures.queryString(connection, "SHOW work_mem")).isEqualTo("64MB");
            assertThat(LoadFixtures.queryString(connection, "SHOW max_parallel_maintenance_workers")).as("index builds without parallel workers").isEqualTo("0");
            connection.rollback();
            assertThat(LoadFixtures.queryString(connection, "SHOW work_mem")).as("scoped to the transaction").isEqualTo("4MB");
            assertThat(LoadFixtures.queryString(connection, "SHOW max_parallel_maintenance_workers")).as("scoped to the transaction").isEqualTo("2");
            connection.rollback();
            connection.setAutoCommit(true);
            statement.execute("RESET maintenance_work_mem");
            connection.setAutoCommit(false);
            statement.execute(Keys.MEMORY);
            assertThat(LoadFixtures.queryString(connection, "SHOW maintenance_work_mem")).isEqualTo("128MB");
            connection.rollback();
        }
    }

    @Test
    void parquetOnlyCopyLoadsIdenticalContents()
            throws Exception
    {
        Path parquet = LoadFixtures.parquetOnly(development, temporary.resolve("development-parquet"));
        load(development, "from_csv");
        LoadSummary summary = load(parquet, "from_parquet");
        assertThat(summary.tables()).allSatisfy(table -> assertThat(table.format()).isEqualTo(dev.simdata.dataset.DataFormat.PARQUET));
        try (Connection connection = connect()) {
            for (TableSchema table : SchemaCatalog.bundled().tables()) {
                String csv = LoadFixtures.tableChecksum(connection, "from_csv", table.name());
                assertThat(LoadFixtures.tableChecksum(connection, "from_parquet", table.name())).as("contents of %s", table.name()).isEqualTo(csv);
                assertThat(csv).doesNotStartWith("0:");
            }
        }
    }

    @Test
    void rerunAfterSuccessChangesNothing()
            throws Exception
    {
        load(demo, "rerun");
        String before;
        try (Connection connection = connect()) {
            before = LoadFixtures.queryString(connection, "SELECT string_agg(dataset_id || table_name || shard || loaded_at, ',' ORDER BY table_name, shard) FROM rerun.simdata_load_ledger");
        }
        LoadSummary again = load(demo, "rerun");
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.rowsLoaded()).isZero();
        try (Connection connection = connect()) {
            assertThat(LoadFixtures.queryString(connection, "SELECT string_agg(dataset_id || table_name || shard || loaded_at, ',' ORDER BY table_name, shard) FROM rerun.simdata_load_ledger"))
                    .isEqualTo(before);
        }
        assertExactCountsAndKeys(demo, "rerun");
    }

    @Test
    void loadCutMidwayByTerminatedBackendsResumesExactlyOnce()
            throws Exception
    {
        AtomicBoolean terminated = new AtomicBoolean();
        LoadProgress killer = LoadFixtures.atCommit(8, () -> {
            terminated.set(true);
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'simdata load'");
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(demo, "crash"), killer, ReplaceConfirmation.ALWAYS))
                .isInstanceOf(DatabaseException.class);
        assertThat(terminated).isTrue();
        long partial;
        try (Connection connection = connect()) {
            partial = queryLong(connection, "SELECT count(*) FROM crash.simdata_load_ledger");
            assertThat(partial).isBetween(8L, 40L);
            // every committed shard is whole: the rows match the ledger, table by table
            for (String table : List.of("organizations", "clients", "users", "contacts", "campaigns", "recipients", "events")) {
                assertThat(queryLong(connection, "SELECT count(*) FROM crash.\"" + table + "\""))
                        .isEqualTo(queryLong(connection, "SELECT coalesce(sum(rows), 0) FROM crash.simdata_load_ledger WHERE table_name = '" + table + "'"));
            }
        }
        LoadSummary resumed = load(demo, "crash");
        assertThat(resumed.nothingToDo()).isFalse();
        long totalShards = 0;
        for (TableResult table : resumed.tables()) {
            totalShards += table.shardsLoaded() + table.shardsSkipped();
        }
        assertThat(resumed.tables().stream().mapToInt(TableResult::shardsSkipped).sum()).isEqualTo((int) partial);
        assertExactCountsAndKeys(demo, "crash");
        try (Connection connection = connect()) {
            assertThat(queryLong(connection, "SELECT count(*) - count(DISTINCT id) FROM crash.events")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM crash.simdata_load_ledger")).isEqualTo(totalShards);
        }
        assertThat(load(demo, "crash").nothingToDo()).isTrue();
    }

    @Test
    void killedProcessResumesExactlyOnce()
            throws Exception
    {
        Path dataset = LoadFixtures.generate(temporary.resolve("killed"), Scenario.DEVELOPMENT, 200);
        long totalShards = Manifest.read(dataset).files().stream()
                .filter(files -> files.format() == dev.simdata.dataset.DataFormat.CSV).mapToLong(files -> files.shards().size()).sum();
        Path log = temporary.resolve("killed.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "load", dataset.toString(), "--url", "postgres://postgres@localhost:" + postgres.getPort() + "/postgres",
                "--schema", "killed", "--jobs", "2")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (Connection connection = connect()) {
            LoadFixtures.killOnceCommitted(process, connection, "killed", 10);
            // the server notices the dead client and rolls back what was in flight
            while (queryLong(connection, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'simdata load'") > 0) {
                Thread.sleep(50);
            }
            long partial = queryLong(connection, "SELECT count(*) FROM killed.simdata_load_ledger");
            assertThat(partial).as(Files.readString(log)).isGreaterThanOrEqualTo(10).isLessThan(totalShards);
            assertThat(queryLong(connection, "SELECT count(*) FROM killed.events"))
                    .isEqualTo(queryLong(connection, "SELECT coalesce(sum(rows), 0) FROM killed.simdata_load_ledger WHERE table_name = 'events'"));
        }
        LoadSummary resumed = load(dataset, "killed");
        assertThat(resumed.nothingToDo()).isFalse();
        assertExactCountsAndKeys(dataset, "killed");
        assertThat(load(dataset, "killed").nothingToDo()).isTrue();
    }

    @Test
    void flippedByteFailsNamingTheFileAndLeavesNoRowOfIt()
            throws Exception
    {
        Path tampered = LoadFixtures.copy(demo, temporary.resolve("tampered"));
        Path shard = tampered.resolve("csv/events/part-00003.csv");
        byte[] bytes = Files.readAllBytes(shard);
        // change one hex digit of the last row's id: still valid CSV and a valid UUID, so only the checksum can tell
        int lastRow = lastLineStart(bytes);
        bytes[lastRow] = (byte) (bytes[lastRow] == 'a' ? 'b' : 'a');
        Files.write(shard, bytes);
        List<String> ids = firstColumn(shard);

        assertThatThrownBy(() -> load(tampered, "tampered"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("part-00003.csv")
                .hasMessageContaining("SHA-256");
        try (Connection connection = connect()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered.simdata_load_ledger WHERE table_name = 'events' AND shard = 3")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered.events WHERE id::text IN ('" + String.join("','", ids) + "')")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered.events"))
                    .isEqualTo(queryLong(connection, "SELECT coalesce(sum(rows), 0) FROM tampered.simdata_load_ledger WHERE table_name = 'events'"));
        }
    }

    @Test
    void damagedParquetShardFailsNamingTheFile()
            throws Exception
    {
        Path parquet = LoadFixtures.parquetOnly(demo, temporary.resolve("tampered-parquet"));
        Path shard = parquet.resolve("parquet/contacts/part-00000.parquet");
        byte[] bytes = Files.readAllBytes(shard);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(shard, bytes);
        assertThatThrownBy(() -> load(parquet, "tampered_parquet"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("contacts/part-00000.parquet");
        try (Connection connection = connect()) {
            // contacts has a second shard (rows 200-299) that the other worker may commit before the damage is found
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered_parquet.simdata_load_ledger WHERE table_name = 'contacts' AND shard = 0")).isZero();
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered_parquet.contacts"))
                    .isIn(0L, 100L)
                    .isEqualTo(queryLong(connection, "SELECT coalesce(sum(rows), 0) FROM tampered_parquet.simdata_load_ledger WHERE table_name = 'contacts'"));
        }
        // the intact file back: a re-run loads what is missing and ends with every row
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(shard, bytes);
        load(parquet, "tampered_parquet");
        try (Connection connection = connect()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM tampered_parquet.contacts")).isEqualTo(300);
        }
    }

    @Test
    void pathLeavingTheDatasetIsRefusedBeforeAnythingIsRead()
            throws Exception
    {
        Path escaping = LoadFixtures.copy(demo, temporary.resolve("escaping"));
        LoadFixtures.editResources(escaping, resources -> ((com.fasterxml.jackson.databind.node.ObjectNode) resources.get(0).get("shards").get(0))
                .put("path", "../secret/part-00000.csv"));
        assertThatThrownBy(() -> load(escaping, "escaping"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("../secret/part-00000.csv");
        assertSchemaAbsent("escaping");
    }

    @Test
    void symlinkPointingOutOfTheDatasetIsRefused()
            throws Exception
    {
        Path linked = LoadFixtures.copy(demo, temporary.resolve("linked"));
        Path outside = Files.writeString(temporary.resolve("outside.csv"), "id\n", StandardCharsets.UTF_8);
        Path shard = linked.resolve("csv/organizations/part-00000.csv");
        Files.delete(shard);
        Files.createSymbolicLink(shard, outside);
        assertThatThrownBy(() -> load(linked, "linked"))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("outside the dataset folder");
        assertSchemaAbsent("linked");
    }

    @Test
    void tableNotInSchemasIsRefused()
            throws Exception
    {
        Path unknown = LoadFixtures.copy(demo, temporary.resolve("unknown"));
        LoadFixtures.editResources(unknown, resources -> ((com.fasterxml.jackson.databind.node.ObjectNode) resources.get(0)).put("table", "pg_authid; DROP TABLE x"));
        assertThatThrownBy(() -> load(unknown, "unknown"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("not defined in schemas/");
        assertSchemaAbsent("unknown");
    }

    @Test
    void createRefusesForeignRowsAndReplaceReloads()
            throws Exception
    {
        load(demo, "modes");
        assertThatThrownBy(() -> load(development, "modes"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("already holds")
                .hasMessageContaining("--mode replace");
        List<TableRows> asked = new ArrayList<>();
        DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(development, "modes").withMode(LoadMode.REPLACE), LoadProgress.NONE,
                (schema, tables) -> asked.addAll(tables));
        assertThat(asked).extracting(TableRows::table).contains("organizations", "events");
        assertThat(asked).filteredOn(rows -> rows.table().equals("organizations")).extracting(TableRows::rows).containsExactly(2L);
        assertExactCountsAndKeys(development, "modes");

        // (demo lacks tables of development whose foreign keys reference demo's tables: replacing with demo is refused, see LoadOptionsIT)
        assertThatThrownBy(() -> DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(development, "modes").withMode(LoadMode.REPLACE),
                LoadProgress.NONE, (schema, tables) -> false))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("not confirmed");
        assertExactCountsAndKeys(development, "modes");
    }

    @Test
    void appendLoadsEachShardOnce()
            throws Exception
    {
        LoadOptions append = LoadFixtures.options(demo, "appending").withMode(LoadMode.APPEND);
        DatasetLoader.load(LoadFixtures.target(postgres), append, LoadProgress.NONE, ReplaceConfirmation.ALWAYS);
        LoadSummary again = DatasetLoader.load(LoadFixtures.target(postgres), append, LoadProgress.NONE, ReplaceConfirmation.ALWAYS);
        assertThat(again.nothingToDo()).isTrue();
        assertExactCountsAndKeys(demo, "appending");
    }

    @Test
    void aFreshLoadCopiesWholeTablesFrozen()
            throws Exception
    {
        load(demo, "frozen");
        try (Connection connection = connect()) {
            // FREEZE marks every page all-visible (the index builds record the count); rows copied plainly would not be
            for (String table : List.of("organizations", "campaigns", "recipients", "events")) {
                assertThat(queryLong(connection, "SELECT relpages - relallvisible FROM pg_class WHERE oid = 'frozen.\"" + table + "\"'::regclass"))
                        .as(table).isZero();
            }
        }
        assertExactCountsAndKeys(demo, "frozen");
    }

    @Test
    void appendNeverTruncatesRowsItDidNotWrite()
            throws Exception
    {
        load(demo, "appendsource");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // a bare table (no key, no trigger) that already holds a row of someone else's: it must not be truncated
            statement.execute("CREATE SCHEMA theirs");
            statement.execute("CREATE TABLE theirs.organizations (LIKE appendsource.organizations)");
            statement.execute("INSERT INTO theirs.organizations SELECT * FROM appendsource.organizations LIMIT 1");
            statement.execute("UPDATE theirs.organizations SET id = gen_random_uuid(), name = 'Not from this dataset'");
        }
        DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(demo, "theirs").withMode(LoadMode.APPEND), LoadProgress.NONE,
                ReplaceConfirmation.ALWAYS);
        try (Connection connection = connect()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM theirs.organizations WHERE name = 'Not from this dataset'")).isEqualTo(1);
            assertThat(queryLong(connection, "SELECT count(*) FROM theirs.organizations"))
                    .isEqualTo(queryLong(connection, "SELECT count(*) FROM appendsource.organizations") + 1);
        }
    }

    @Test
    void foreignTableWithOtherColumnsIsRefused()
            throws Exception
    {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA app");
            statement.execute("CREATE TABLE app.users (user_id serial PRIMARY KEY, login text)");
        }
        assertThatThrownBy(() -> load(demo, "app"))
                .isInstanceOf(LoadException.class)
                .hasMessageContaining("app.users exists with columns [user_id, login]");
        try (Connection connection = connect()) {
            // the refused load left the schema as it found it: no empty tables, no ledger
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND c.relkind = 'r'"))
                    .isEqualTo(1);
        }
    }

    private void assertSchemaAbsent(String schema)
            throws SQLException
    {
        try (Connection connection = connect()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")).isZero();
        }
    }

    private static int lastLineStart(byte[] bytes)
    {
        int end = bytes.length - 1;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        // the first character of the last line is the first hex digit of its id
        return end;
    }

    private static List<String> firstColumn(Path csv)
            throws IOException
    {
        List<String> ids = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            ids.add(line.substring(0, line.indexOf(',')));
        }
        return ids;
    }
}
