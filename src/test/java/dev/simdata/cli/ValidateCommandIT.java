package dev.simdata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetOptions;
import dev.simdata.dataset.GenerationProgress;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the real CLI: report formats, group selection and exit codes. */
class ValidateCommandIT
{
    @TempDir
    static Path temporary;
    static Path dataset;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void generate()
            throws Exception
    {
        dataset = temporary.resolve("demo");
        GenerateDataset.run(GenerationSettings.defaults(Scenario.DEMO),
                new DatasetOptions(dataset, EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), 250_000, ParquetCompression.SNAPPY, 2, false), GenerationProgress.NONE);
    }

    static Run run(String... args)
    {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void cleanDatasetPassesWithATable()
    {
        Run run = run("validate", dataset.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("status", "check", "measured", "expected", "keys.foreign_key", "PASSED:");
    }

    @Test
    void jsonReportFollowsItsSchema()
            throws Exception
    {
        Run run = run("validate", dataset.toString(), "--format", "json", "--only", "keys,counts");
        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("report").asText()).isEqualTo("simdata-validation");
        assertThat(report.path("version").asInt()).isEqualTo(1);
        assertThat(report.path("kind").asText()).isEqualTo("files");
        assertThat(report.path("status").asText()).isEqualTo("passed");
        assertThat(report.path("summary").path("failed").asInt()).isZero();
        Set<String> groups = new HashSet<>();
        for (JsonNode check : report.path("checks")) {
            groups.add(check.path("group").asText());
            assertThat(check.fieldNames()).toIterable().contains("name", "table", "status", "measured", "expected", "message", "samples");
        }
        assertThat(groups).containsExactlyInAnyOrder("keys", "counts");
    }

    @Test
    void skipLeavesOutGroups()
            throws Exception
    {
        Run run = run("validate", dataset.toString(), "--format", "json", "--skip", "integrity,schema,keys,counts,time,performance");
        JsonNode report = new ObjectMapper().readTree(run.out());
        for (JsonNode check : report.path("checks")) {
            assertThat(check.path("group").asText()).isEqualTo("distributions");
        }
    }

    @Test
    void failedCheckExitsWithOne()
            throws Exception
    {
        Path damaged = temporary.resolve("damaged");
        dev.simdata.validate.TestCopies.copy(dataset, damaged);
        Files.delete(damaged.resolve("parquet/events/part-00000.parquet"));
        Run run = run("validate", damaged.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
        assertThat(run.out()).contains("FAILED").contains("integrity.complete").contains("parquet/events/part-00000.parquet");
    }

    @Test
    void invalidInputExitsWithTwo()
    {
        assertThat(run("validate", temporary.resolve("nothing-here").toString()).exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("validate", temporary.toString()).err()).contains("datapackage.json is missing");
        assertThat(run("validate", dataset.toString(), "--only", "colours").err()).contains("unknown check group 'colours'");
        assertThat(run("validate", dataset.toString(), "--format", "xml").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("validate").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("validate", "--url", "mysql://somewhere").exitCode()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void unreachableDatabaseExitsWithThree()
    {
        Run run = run("validate", "--url", "jdbc:postgresql://127.0.0.1:1/none?user=nobody&password=secret&connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("could not run").doesNotContain("secret");
    }

    @Test
    void postgresUrlsAreAcceptedAndTheirPasswordNeverPrinted()
    {
        Run run = run("validate", "--url", "postgres://nobody:S3cretPassw0rd@127.0.0.1:1/none?connectTimeout=2");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(run.err()).contains("could not run").doesNotContain("S3cretPassw0rd");
        assertThat(run.out()).doesNotContain("S3cretPassw0rd");
        // the transaction pooler's port is no longer refused: validate tries it like any other (and nothing listens here)
        Run pooler = run("validate", "--url", "postgres://nobody:S3cretPassw0rd@127.0.0.1:6543/postgres?connectTimeout=2");
        assertThat(pooler.exitCode()).isEqualTo(ExitCode.CANNOT_RUN);
        assertThat(pooler.err() + pooler.out()).doesNotContain("S3cretPassw0rd");
    }
}
