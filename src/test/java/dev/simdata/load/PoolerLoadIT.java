package dev.simdata.load;

import dev.simdata.cli.Cli;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.scenario.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.simdata.load.LoadFixtures.queryLong;
import static dev.simdata.load.LoadFixtures.queryString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loader through a real PgBouncer in front of the embedded PostgreSQL, in {@code pool_mode = transaction} (each
 * transaction may run on another server connection: Supabase's port 6543) and in {@code pool_mode = session} with a
 * pool of 2 (Supabase's session pooler, whose pool caps the clients): exact counts and validated keys, a no-op rerun,
 * a load cut midway resumed exactly once, {@code --jobs} above the pool size capped in bounded time, and the password
 * never in what the loader prints, raises or records.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolerLoadIT
{
    private static final String PASSWORD = "P00l3r-S3cret-pw";

    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private PgBouncer transaction;
    private PgBouncer session;
    private PgBouncer sessionRefusing;
    private Path development;
    private Path demo;

    @BeforeAll
    void setUp()
            throws Exception
    {
        postgres = EmbeddedPostgres.builder().start();
        transaction = PgBouncer.start(postgres.getPort(), "transaction", 2, 20, "postgres", PASSWORD);
        session = PgBouncer.start(postgres.getPort(), "session", 2, 4, "postgres", PASSWORD);
        sessionRefusing = PgBouncer.start(postgres.getPort(), "session", 2, 2, "postgres", PASSWORD);
        development = LoadFixtures.generate(temporary.resolve("development"), Scenario.DEVELOPMENT, 2_000);
        demo = LoadFixtures.generate(temporary.resolve("demo"), Scenario.DEMO, 200);
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        for (AutoCloseable closeable : new AutoCloseable[] {transaction, session, sessionRefusing, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    private Connection direct()
            throws SQLException
    {
        return postgres.getPostgresDatabase().getConnection();
    }

    private static LoadSummary load(PgBouncer bouncer, Path dataset, String schema, int jobs, LoadProgress progress)
    {
        return DatasetLoader.load(bouncer.target(), LoadFixtures.options(dataset, schema).withJobs(jobs), progress, ReplaceConfirmation.ALWAYS);
    }

    private void assertLoaded(Path dataset, String schema)
            throws SQLException
    {
        try (Connection connection = direct()) {
            LoadFixtures.assertExactCountsAndKeys(connection, dataset, schema);
            // the password is recorded nowhere: neither in the ledger nor in the lock table
            assertThat(queryString(connection, "SELECT coalesce(string_agg(t::text, ' '), '') FROM \"" + schema + "\".simdata_load_ledger t")).doesNotContain(PASSWORD);
            assertThat(queryString(connection, "SELECT coalesce(string_agg(t::text, ' '), '') FROM \"" + schema + "\".simdata_load_lock t")).doesNotContain(PASSWORD);
        }
    }

    private String ledger(String schema)
            throws SQLException
    {
        try (Connection connection = direct()) {
            return queryString(connection, "SELECT string_agg(dataset_id || table_name || shard || loaded_at, ',' ORDER BY table_name, shard) FROM \""
                    + schema + "\".simdata_load_ledger");
        }
    }

    @Test
    void transactionPoolerLoadsExactlyOnceAndLeavesNoSessionState()
            throws Exception
    {
        LoadSummary summary = load(transaction, development, "through_tx", 2, LoadProgress.NONE);
        assertThat(summary.nothingToDo()).isFalse();
        assertThat(summary.target()).doesNotContain(PASSWORD);
        assertLoaded(development, "through_tx");
        String before = ledger("through_tx");

        LoadSummary again = load(transaction, development, "through_tx", 2, LoadProgress.NONE);
        assertThat(again.nothingToDo()).isTrue();
        assertThat(again.rowsLoaded()).isZero();
        assertThat(ledger("through_tx")).isEqualTo(before);

        // both pooled server connections (held at once by two clients) carry no setting and no prepared statement of the loader
        String synchronousCommit;
        try (Connection connection = direct()) {
            synchronousCommit = queryString(connection, "SHOW synchronous_commit"); // the embedded server's own default is off
        }
        java.util.Properties properties = transaction.target().driverProperties();
        try (Connection first = DriverManager.getConnection(transaction.target().jdbcUrl(), properties);
                Connection second = DriverManager.getConnection(transaction.target().jdbcUrl(), properties)) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            List<Integer> backends = new ArrayList<>();
            for (Connection connection : List.of(first, second)) {
                backends.add((int) queryLong(connection, "SELECT pg_backend_pid()"));
                assertThat(queryString(connection, "SHOW lock_timeout")).isEqualTo("0");
                assertThat(queryString(connection, "SHOW synchronous_commit")).isEqualTo(synchronousCommit);
                assertThat(queryString(connection, "SHOW client_min_messages")).isEqualTo("notice");
                assertThat(queryString(connection, "SHOW statement_timeout")).isEqualTo("0");
                assertThat(queryLong(connection, "SELECT count(*) FROM pg_prepared_statements")).isZero();
                assertThat(queryLong(connection, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
            }
            assertThat(backends).doesNotHaveDuplicates();
            first.rollback();
            second.rollback();
        }
    }

    @Test
    void aSecondLoadThroughTheTransactionPoolerIsRefusedWhileTheFirstRuns()
            throws Exception
    {
        AtomicReference<Throwable> second = new AtomicReference<>();
        LoadProgress racer = LoadFixtures.atCommit(3, () -> {
            try {
                load(transaction, demo, "raced", 1, LoadProgress.NONE);
                second.set(new AssertionError("the second load ran"));
            }
            catch (Throwable e) {
                second.set(e);
            }
        });
        load(transaction, demo, "raced", 2, racer);
        assertThat(second.get()).isInstanceOf(LoadException.class).hasMessageContaining("another simdata load into schema raced")
                .hasMessageContaining("is running");
        assertThat(second.get().getMessage()).doesNotContain(PASSWORD);
        assertLoaded(demo, "raced");
        assertThat(load(transaction, demo, "raced", 2, LoadProgress.NONE).nothingToDo()).isTrue();
    }

    @Test
    void transactionPoolerLoadCutMidwayResumesExactlyOnce()
            throws Exception
    {
        cutMidwayAndResume(transaction, "cut_tx", 2);
    }

    @Test
    void sessionPoolerLoadCutMidwayResumesExactlyOnce()
            throws Exception
    {
        cutMidwayAndResume(session, "cut_session", 1);
    }

    /** Terminates every server backend once 8 shards have committed, then resumes through the same pooler. */
    private void cutMidwayAndResume(PgBouncer bouncer, String schema, int jobs)
            throws Exception
    {
        LoadProgress killer = LoadFixtures.atCommit(8, () -> {
            try (Connection connection = direct(); Statement statement = connection.createStatement()) {
                // a transaction pooler hides a backend killed between transactions: with another worker, kill it mid-shard
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (jobs > 1 && System.nanoTime() < deadline && queryLong(connection, "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL") == 0) {
                    Thread.onSpinWait();
                }
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
            }
            catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThatThrownBy(() -> load(bouncer, development, schema, jobs, killer))
                .isInstanceOf(DatabaseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
        long partial;
        try (Connection connection = direct()) {
            partial = queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".simdata_load_ledger");
            assertThat(partial).isGreaterThanOrEqualTo(8);
            for (String table : Manifest.read(development).tables()) {
                assertThat(queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\""))
                        .as("rows of %s match the ledger", table)
                        .isEqualTo(queryLong(connection, "SELECT coalesce(sum(rows), 0) FROM \"" + schema + "\".simdata_load_ledger WHERE table_name = '" + table + "'"));
            }
        }
        LoadSummary resumed = load(bouncer, development, schema, jobs, LoadProgress.NONE);
        assertThat(resumed.nothingToDo()).isFalse();
        assertThat(resumed.tables().stream().mapToInt(TableResult::shardsSkipped).sum()).isEqualTo((int) partial);
        assertLoaded(development, schema);
        assertThat(load(bouncer, development, schema, jobs, LoadProgress.NONE).nothingToDo()).isTrue();
    }

    @Test
    void sessionPoolerLoadsExactlyOnce()
            throws Exception
    {
        LoadSummary summary = load(session, development, "through_session", 1, LoadProgress.NONE);
        assertThat(summary.nothingToDo()).isFalse();
        assertLoaded(development, "through_session");
        String before = ledger("through_session");
        assertThat(load(session, development, "through_session", 1, LoadProgress.NONE).nothingToDo()).isTrue();
        assertThat(ledger("through_session")).isEqualTo(before);
    }

    @Test
    void killedProcessThroughTheSessionPoolerResumesAtOnce()
            throws Exception
    {
        long totalShards = Manifest.read(development).files().stream().filter(files -> files.format() == DataFormat.CSV).mapToLong(files -> files.shards().size()).sum();
        Path log = temporary.resolve("killed-session.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.simdata.cli.Main",
                "load", development.toString(), "--url", session.url(), "--schema", "killed_session", "--jobs", "1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try (Connection connection = direct()) {
            LoadFixtures.killOnceCommitted(process, connection, "killed_session", 10);
            long partial = queryLong(connection, "SELECT count(*) FROM killed_session.simdata_load_ledger");
            assertThat(partial).as(Files.readString(log)).isGreaterThanOrEqualTo(10).isLessThan(totalShards);
            // the dead process left its lease behind
            assertThat(queryLong(connection, "SELECT count(*) FROM killed_session.simdata_load_lock")).isEqualTo(1);
        }
        assertThat(Files.readString(log)).doesNotContain(PASSWORD);
        long started = System.nanoTime();
        // a lease whose holder is a dead process of this machine is taken over at once
        LoadSummary resumed = load(session, development, "killed_session", 1, LoadProgress.NONE);
        assertThat(resumed.nothingToDo()).isFalse();
        assertLoaded(development, "killed_session");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(LoadLease.RENEW_EVERY.toSeconds() * 24);
        try (Connection connection = direct()) {
            assertThat(queryLong(connection, "SELECT count(*) FROM killed_session.simdata_load_lock")).as("released").isZero();
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run cli(String... args)
            throws Exception
    {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            return new Run(code, out.toString(), err.toString());
        }).get(120, TimeUnit.SECONDS); // a load waiting on a full pool would hang: fail instead
    }

    @Test
    void jobsAboveTheSessionPoolSizeAreCappedWhenThePoolerQueues()
            throws Exception
    {
        long started = System.nanoTime();
        Run run = cli("load", demo.toString(), "--url", session.url(), "--schema", "capped_queue", "--jobs", "6", "--json");
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("--jobs 6: ").contains("takes 2 connections at once, its pool size")
                .contains("kept waiting " + Sessions.QUEUED_AFTER.toSeconds() + " s").contains("loading with 1 job beside the coordinating session");
        assertThat(com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(run.out()).path("jobs").asInt()).isEqualTo(1);
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        assertThat(seconds).isLessThan(Sessions.QUEUED_AFTER.toSeconds() + 60);
        assertLoaded(demo, "capped_queue");
    }

    @Test
    void jobsAboveTheSessionPoolSizeAreCappedWhenThePoolerRefuses()
            throws Exception
    {
        Run run = cli("load", demo.toString(), "--url", sessionRefusing.url(), "--schema", "capped_refused", "--jobs", "6", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("takes 2 connections at once, its pool size").contains("no more connections allowed")
                .contains("loading with 1 job");
        assertThat(run.out() + run.err()).doesNotContain(PASSWORD);
        assertLoaded(demo, "capped_refused");

        Run wrong = cli("load", demo.toString(), "--url", sessionRefusing.url().replace(PASSWORD, "Wr0ng-" + PASSWORD), "--schema", "capped_refused");
        assertThat(wrong.exitCode()).isEqualTo(3);
        assertThat(wrong.err()).contains("cannot connect");
        assertThat(wrong.out() + wrong.err()).doesNotContain(PASSWORD);
    }
}
