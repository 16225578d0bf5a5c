package dev.simdata.load;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.scenario.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.simdata.load.LoadFixtures.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that stops answering mid-load: every PostgreSQL process is frozen with SIGSTOP (the kernel still holds
 * the sockets open and acknowledges, so TCP keepalives see nothing wrong). With a stall timeout the load gives up
 * with one line and a rerun resumes; with none it reports the silence and finishes once the server thaws.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StallIT
{
    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private Path demo;
    private long postmaster;

    @BeforeAll
    void setUp()
            throws Exception
    {
        // a server of its own: freezing it must not touch other tests
        postgres = EmbeddedPostgres.builder().start();
        demo = LoadFixtures.generate(temporary.resolve("demo"), Scenario.DEMO, 250);
        try (Connection connection = connect()) {
            long backend = queryLong(connection, "SELECT pg_backend_pid()");
            postmaster = ProcessHandle.of(backend).orElseThrow().parent().orElseThrow().pid();
        }
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        signal("CONT");
        postgres.close();
    }

    @Test
    void aFrozenServerEndsTheLoadAfterTheStallTimeoutAndARerunResumes()
            throws Exception
    {
        AtomicLong frozenAt = new AtomicLong();
        LoadProgress freezer = LoadFixtures.atCommit(3, () -> {
            freeze();
            frozenAt.set(System.nanoTime());
        });
        LoadOptions options = LoadFixtures.options(demo, "given_up").withStallTimeout(Duration.ofSeconds(3));
        try {
            assertThatThrownBy(() -> DatasetLoader.load(LoadFixtures.target(postgres), options, freezer, ReplaceConfirmation.ALWAYS))
                    .isInstanceOf(DatabaseException.class)
                    .hasMessageStartingWith("no progress for 3 s while loading into given_up on ")
                    .hasMessageContaining("run the same command again to resume")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
            double waited = (System.nanoTime() - frozenAt.get()) / 1e9;
            assertThat(waited).as("seconds from the freeze to the error").isBetween(3.0, 20.0);
        }
        finally {
            signal("CONT");
        }
        LoadSummary resumed = DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(demo, "given_up"), LoadProgress.NONE,
                ReplaceConfirmation.ALWAYS);
        assertThat(resumed.nothingToDo()).isFalse();
        assertExactCounts("given_up");
    }

    @Test
    void withoutAStallTimeoutTheSilenceIsReportedAndTheLoadFinishesWhenTheServerAnswersAgain()
            throws Exception
    {
        AtomicInteger committed = new AtomicInteger();
        List<Duration> reports = new CopyOnWriteArrayList<>();
        ScheduledExecutorService thaw = Executors.newSingleThreadScheduledExecutor();
        LoadProgress freezer = new LoadProgress()
        {
            @Override
            public void loaded(String table, long rows)
            {
                if (committed.incrementAndGet() == 3) {
                    freeze();
                    thaw.schedule(() -> signal("CONT"), 12, TimeUnit.SECONDS);
                }
            }

            @Override
            public void stalled(Duration quiet)
            {
                reports.add(quiet);
            }
        };
        try {
            DatasetLoader.load(LoadFixtures.target(postgres), LoadFixtures.options(demo, "waited").withStallTimeout(Duration.ZERO), freezer,
                    ReplaceConfirmation.ALWAYS);
        }
        finally {
            thaw.shutdownNow();
            signal("CONT");
        }
        assertExactCounts("waited");
        assertThat(reports).as("silences reported").isNotEmpty();
        assertThat(reports.get(0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(reports).contains(Duration.ofSeconds(11));
        assertThat(reports).as("the silence ends once the server answers").contains(Duration.ZERO);
    }

    private void freeze()
    {
        signal("STOP");
    }

    private void signal(String signal)
    {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(postmaster)));
        ProcessHandle.of(postmaster).ifPresent(process -> process.descendants().forEach(child -> command.add(Long.toString(child.pid()))));
        try {
            Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
            kill.getInputStream().readAllBytes();
            kill.waitFor();
        }
        catch (Exception e) {
            throw new IllegalStateException("cannot send SIG" + signal + " to PostgreSQL", e);
        }
    }

    private void assertExactCounts(String schema)
            throws SQLException
    {
        Manifest manifest = Manifest.read(demo);
        try (Connection connection = connect()) {
            for (String table : manifest.tables()) {
                assertThat(queryLong(connection, "SELECT count(*) FROM \"" + schema + "\".\"" + table + "\""))
                        .as("rows of %s", table).isEqualTo(manifest.files(table, DataFormat.CSV).orElseThrow().rows());
            }
        }
    }

    private Connection connect()
            throws SQLException
    {
        return postgres.getPostgresDatabase().getConnection();
    }
}
