package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.app.GenerateDataset;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real {@code simdata load} command against an embedded server that asks a password (SCRAM) of every role
 * but its superuser, and checks that the password never shows in what the command prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadCommandIT
{
    private static final String PASSWORD = "S3cret-Pa55word";
    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word";

    @TempDir
    static Path temporary;

    private EmbeddedPostgres postgres;
    private Path dataset;

    @BeforeAll
    void setUp()
            throws Exception
    {
        postgres = PasswordPostgres.start(temporary, PASSWORD, "loads");
        dataset = temporary.resolve("demo");
        GenerateDataset.run(GenerationSettings.defaults(Scenario.DEMO),
                new DatasetOptions(dataset, EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), 250, ParquetCompression.SNAPPY, 2, false),
                GenerationProgress.NONE);
    }

    @AfterAll
    void tearDown()
            throws Exception
    {
        postgres.close();
    }

    private record Run(int exitCode, String out, String err)
    {
        String all()
        {
            return out + err;
        }
    }

    private static Run run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private String url(String password, int port)
    {
        return "postgres://loader:" + password + "@localhost:" + port + "/loads";
    }

    @Test
    void loadsWithAPasswordAndNeverPrintsIt()
            throws Exception
    {
        Run first = run("load", dataset.toString(), "--url", url(PASSWORD, postgres.getPort()), "--schema", "cli", "--json");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCode.OK);
        assertThat(first.all()).doesNotContain(PASSWORD).contains("loader:********@localhost");
        JsonNode summary = new ObjectMapper().readTree(first.out());
        assertThat(summary.path("nothing_to_do").asBoolean()).isFalse();
        assertThat(summary.path("rows_loaded").asLong()).isPositive();
        assertThat(summary.path("tables").size()).isEqualTo(dev.simdata.dataset.Manifest.read(dataset).tables().size());

        Run again = run("load", dataset.toString(), "--url", url(PASSWORD, postgres.getPort()), "--schema", "cli");
        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).contains("nothing changed");
        assertThat(again.all()).doesNotContain(PASSWORD);

        Run replace = run("load", dataset.toString(), "--url", url(PASSWORD, postgres.getPort()), "--schema", "cli", "--mode", "replace");
        assertThat(replace.exitCode()).as(replace.all()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(replace.err()).contains("--yes").contains("organizations (2)");
        assertThat(replace.all()).doesNotContain(PASSWORD);

        Run replaced = run("load", dataset.toString(), "--url", url(PASSWORD, postgres.getPort()), "--schema", "cli", "--mode", "replace", "--yes");
        assertThat(replaced.exitCode()).as(replaced.all()).isEqualTo(ExitCode.OK);
        assertThat(replaced.all()).doesNotContain(PASSWORD);
    }

    @Test
    void wrongPasswordFailsWithoutPrintingIt()
    {
        Run run = run("load", dataset.toString(), "--url", url(WRONG_PASSWORD, postgres.getPort()), "--schema", "wrong");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("password authentication failed");
        assertThat(run.all()).doesNotContain(WRONG_PASSWORD);
    }

    @Test
    void unreachableServerFailsWithoutPrintingThePassword()
            throws Exception
    {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run run = run("load", dataset.toString(), "--url", url(PASSWORD, closedPort));
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("cannot connect");
        assertThat(run.all()).doesNotContain(PASSWORD);

        Run jdbc = run("load", dataset.toString(), "--url", "jdbc:postgresql://localhost:" + closedPort + "/loads?user=loader&password=" + PASSWORD);
        assertThat(jdbc.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(jdbc.all()).doesNotContain(PASSWORD);
    }

    @Test
    void embeddedLoadPrintsJsonOnStdoutAndThePsqlStringOnStderr()
            throws Exception
    {
        Run run = run("load", dataset.toString(), "--embedded", "--json");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCode.OK);
        JsonNode summary = new ObjectMapper().readTree(run.out());
        assertThat(summary.path("rows_loaded").asLong()).isPositive();
        assertThat(run.err()).containsPattern("psql 'postgresql://postgres@localhost:[0-9]+/postgres'");
    }

    @Test
    void serveNeedsEmbedded()
    {
        Run run = run("load", dataset.toString(), "--serve");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--serve needs --embedded");
    }

    @Test
    void unknownModeNamesTheFlag()
    {
        Run run = run("load", dataset.toString(), "--mode", "upsert");
        assertThat(run.exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("upsert").contains("create, replace or append");
    }
}
