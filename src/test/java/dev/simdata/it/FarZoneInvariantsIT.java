package dev.simdata.it;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-table rules where the platform's business hours straddle the as-of instant (midnight UTC): at UTC+14,
 * calls, opt-ins and gift cards of the last day are cut mid-way, and every table must still agree (a call still going
 * on at the as-of instant has not yet brought its opt-in). Checked with DuckDB on the analytics scenario's Parquet
 * files.
 */
class FarZoneInvariantsIT
{
    @Test
    void crossTableRulesHoldWhenTheAsOfInstantFallsInBusinessHours(@TempDir Path temporary)
            throws Exception
    {
        GenerationSettings settings = new GenerationSettings(Scenario.ANALYTICS, GenerationSettings.DEFAULT_SEED, GenerationSettings.DEFAULT_AS_OF,
                ZoneId.of("Pacific/Kiritimati"));
        Path dataset = temporary.resolve("kiritimati");
        TestDatasets.generate(settings, dataset, 250_000, 2);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement()) {
            statement.execute("CREATE SCHEMA s");
            List<Path> tables;
            try (var listing = Files.list(dataset.resolve("parquet"))) {
                tables = listing.sorted().toList();
            }
            assertThat(tables).hasSize(24);
            for (Path table : tables) {
                statement.execute("CREATE VIEW s." + table.getFileName() + " AS SELECT * FROM read_parquet('" + table + "/*.parquet')");
            }
            // some calls are still going on at the as-of instant: the case this test is about
            try (ResultSet late = statement.executeQuery("SELECT count(*) FROM s.call_sessions"
                    + " WHERE started_at + duration_seconds * INTERVAL 1 SECOND > TIMESTAMPTZ '2026-01-01 00:00:00+00'")) {
                late.next();
                assertThat(late.getLong(1)).isPositive();
            }
            CrossTableInvariants.assertHold(statement, "s", "analytics at UTC+14");
        }
    }
}
