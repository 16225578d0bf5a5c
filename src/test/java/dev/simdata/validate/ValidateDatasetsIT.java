package dev.simdata.validate;

import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Fresh datasets pass on their files and again after loading into PostgreSQL; a database-side mutation is caught. */
class ValidateDatasetsIT
{
    private static void assertPassesOnFilesAndDatabase(Scenario scenario)
            throws Exception
    {
        Path dataset = TestDatasets.bothFormats(scenario);
        ValidationReport files = Validator.validateFiles(dataset, ValidationOptions.all());
        assertThat(files.failures()).as(ReportWriter.text(files)).isEmpty();
        assertThat(files.count(CheckStatus.PASSED)).isGreaterThan(100);

        PostgresFixture.load(dataset, scenario.name());
        ValidationReport database = Validator.validateDatabase(dev.simdata.database.ConnectionTarget.resolve(PostgresFixture.url(), null, java.util.Map.of(), null), scenario.name(), Optional.of(dataset), ValidationOptions.all());
        assertThat(database.failures()).as(ReportWriter.text(database)).isEmpty();
        assertThat(database.results()).filteredOn(result -> result.name().equals("counts.manifest")).hasSize(dev.simdata.dataset.Manifest.read(dataset).tables().size()).allMatch(result -> result.status() == CheckStatus.PASSED);
        assertThat(database.results()).filteredOn(result -> result.group() == CheckGroup.PERFORMANCE && result.status() == CheckStatus.PASSED)
                .extracting(CheckResult::name)
                .contains("performance.campaign_performance", "performance.events_by_day_and_type");
    }

    @Test
    void demoPasses()
            throws Exception
    {
        assertPassesOnFilesAndDatabase(Scenario.DEMO);
    }

    @Test
    void developmentPasses()
            throws Exception
    {
        assertPassesOnFilesAndDatabase(Scenario.DEVELOPMENT);
    }

    @Test
    void analyticsPasses()
            throws Exception
    {
        assertPassesOnFilesAndDatabase(Scenario.ANALYTICS);
        ValidationReport files = Validator.validateFiles(TestDatasets.bothFormats(Scenario.ANALYTICS), ValidationOptions.all().withGroups(java.util.EnumSet.of(CheckGroup.DISTRIBUTIONS)));
        assertThat(files.results()).filteredOn(result -> result.name().equals("distributions.seasonal")).singleElement()
                .satisfies(result -> assertThat(result.status()).isEqualTo(CheckStatus.PASSED));
    }

    @Test
    void filesValidateWithinASmallMemoryLimit()
            throws Exception
    {
        ValidationOptions small = new ValidationOptions(java.util.EnumSet.allOf(CheckGroup.class), "64MB", 1);
        ValidationReport report = Validator.validateFiles(TestDatasets.bothFormats(Scenario.DEVELOPMENT), small);
        assertThat(report.failures()).as(ReportWriter.text(report)).isEmpty();
    }

    @Test
    void columnOfTheWrongTypeInTheDatabase()
            throws Exception
    {
        Path dataset = TestDatasets.bothFormats(Scenario.DEMO);
        PostgresFixture.load(dataset, "retyped");
        try (Connection connection = DriverManager.getConnection(PostgresFixture.url())) {
            PostgresFixture.execute(connection, "ALTER TABLE retyped.campaigns ALTER COLUMN budget TYPE double precision");
        }
        ValidationReport report = Validator.validateDatabase(dev.simdata.database.ConnectionTarget.resolve(PostgresFixture.url(), null, java.util.Map.of(), null), "retyped", Optional.of(dataset), ValidationOptions.all());
        assertThat(report.failures().stream().map(CheckResult::name).collect(Collectors.toSet())).containsExactly("schema.types");
        assertThat(report.failures().get(0).message()).contains("retyped.campaigns").contains("budget double precision").contains("budget numeric(12,2)");
    }

    @Test
    void campaignsMovedIntoOneMonthInTheDatabase()
            throws Exception
    {
        Path dataset = TestDatasets.fresh(MutationIT.MONTHLY, java.util.EnumSet.of(dev.simdata.dataset.DataFormat.CSV), 400);
        PostgresFixture.load(dataset, "moved");
        var target = dev.simdata.database.ConnectionTarget.resolve(PostgresFixture.url(), null, java.util.Map.of(), null);
        ValidationReport clean = Validator.validateDatabase(target, "moved", Optional.of(dataset), ValidationOptions.all());
        assertThat(clean.results()).filteredOn(result -> result.name().equals("distributions.monthly.campaigns")).singleElement()
                .satisfies(result -> assertThat(result.status()).as(result.message()).isEqualTo(CheckStatus.PASSED));
        try (Connection connection = DriverManager.getConnection(PostgresFixture.url())) {
            // the same mutation as MutationIT's on files: August 10-19 and September 10-19 moved to July 10-19
            PostgresFixture.execute(connection, "UPDATE moved.campaigns SET created_at = created_at - interval '31 days'"
                    + " WHERE created_at AT TIME ZONE 'America/New_York' >= '2025-08-10' AND created_at AT TIME ZONE 'America/New_York' < '2025-08-20'");
            PostgresFixture.execute(connection, "UPDATE moved.campaigns SET created_at = created_at - interval '62 days'"
                    + " WHERE created_at AT TIME ZONE 'America/New_York' >= '2025-09-10' AND created_at AT TIME ZONE 'America/New_York' < '2025-09-20'");
        }
        ValidationReport report = Validator.validateDatabase(target, "moved", Optional.of(dataset), ValidationOptions.all());
        assertThat(report.failures()).extracting(CheckResult::name).containsExactly("distributions.monthly.campaigns");
        assertThat(report.failures().get(0).message()).contains("table campaigns").contains("2025-07 has");
    }

    @Test
    void deletedParentRowsAreOrphansInTheDatabase()
            throws Exception
    {
        Path dataset = TestDatasets.bothFormats(Scenario.DEMO);
        PostgresFixture.load(dataset, "damaged");
        try (Connection connection = DriverManager.getConnection(PostgresFixture.url())) {
            PostgresFixture.execute(connection, "DELETE FROM damaged.recipients WHERE id IN (SELECT recipient_id FROM damaged.events WHERE event_type = 'lead_created' LIMIT 3)");
        }
        ValidationReport report = Validator.validateDatabase(dev.simdata.database.ConnectionTarget.resolve(PostgresFixture.url(), null, java.util.Map.of(), null), "damaged", Optional.of(dataset), ValidationOptions.all());
        // every table that references the deleted recipients has orphans; events among them
        assertThat(report.failures()).filteredOn(result -> result.name().equals("keys.foreign_key"))
                .allMatch(failure -> failure.message().contains("(recipient_id) -> recipients(id)"))
                .extracting(CheckResult::table).contains("recipient_audit_log", "contact_campaign_participation");
        assertThat(report.failures()).filteredOn(result -> result.name().equals("keys.foreign_key") && result.table().equals("events")).singleElement().satisfies(failure -> {
            assertThat(failure.table()).isEqualTo("events");
            assertThat(failure.message()).contains("table events").contains("events(recipient_id) -> recipients(id)");
            assertThat(failure.samples()).isNotEmpty();
        });
        assertThat(report.failures().stream().map(CheckResult::name).collect(Collectors.toSet()))
                .contains("keys.foreign_key", "counts.manifest");
    }

    @Test
    void commandValidatesADatabase()
            throws Exception
    {
        Path dataset = TestDatasets.bothFormats(Scenario.DEMO);
        PostgresFixture.load(dataset, "command");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.simdata.cli.Cli.create(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                .execute("validate", "--url", PostgresFixture.url(), "--schema", "command", dataset.toString());
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("validating database").contains("schema command").contains("performance.campaign_performance").contains("counts.manifest");

        // the form Supabase shows, as 'simdata load' takes it
        java.util.regex.Matcher port = java.util.regex.Pattern.compile("//[^:/]+:(\\d+)/").matcher(PostgresFixture.url());
        assertThat(port.find()).isTrue();
        java.io.StringWriter libpqOut = new java.io.StringWriter();
        int libpqCode = dev.simdata.cli.Cli.create(new java.io.PrintWriter(libpqOut, true), new java.io.PrintWriter(new java.io.StringWriter(), true))
                .execute("validate", "--url", "postgres://postgres@localhost:" + port.group(1) + "/postgres", "--schema", "command", "--only", "keys,counts", dataset.toString());
        assertThat(libpqCode).as(libpqOut.toString()).isZero();
    }

    @Test
    void databaseWithoutDatasetSkipsWhatNeedsTheManifest()
            throws Exception
    {
        Path dataset = TestDatasets.bothFormats(Scenario.DEMO);
        PostgresFixture.load(dataset, "bare");
        ValidationReport report = Validator.validateDatabase(dev.simdata.database.ConnectionTarget.resolve(PostgresFixture.url(), null, java.util.Map.of(), null), "bare", Optional.empty(), ValidationOptions.all());
        assertThat(report.failures()).as(ReportWriter.text(report)).isEmpty();
        assertThat(report.results()).filteredOn(result -> result.group() == CheckGroup.TIME).allMatch(result -> result.status() == CheckStatus.SKIPPED);
        assertThat(report.target()).doesNotContain("password=postgres");
    }
}
