package dev.simdata.cli;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.simdata.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

class CustomScenarioCliIT
{
    @Test
    void scaleMultipliesTheExactTables(@TempDir Path temporary)
    {
        Path out = temporary.resolve("demo2");
        assertThat(run("generate", "--scale", "2", "--out", out.toString(), "--quiet", "--format", "csv").code()).isZero();
        Manifest manifest = Manifest.read(out);
        assertThat(manifest.files("organizations", DataFormat.CSV).orElseThrow().rows()).isEqualTo(4);
        assertThat(manifest.files("contacts", DataFormat.CSV).orElseThrow().rows()).isEqualTo(600);
        assertThat(manifest.files("campaigns", DataFormat.CSV).orElseThrow().rows()).isEqualTo(36);
        assertThat(manifest.simdata().path("scenario").path("name").asText()).isEqualTo("demo_x2");
    }

    @Test
    void customRatesReachTheDataAndTheValidatorExpectsThem(@TempDir Path temporary)
            throws IOException
    {
        Path config = Files.writeString(temporary.resolve("custom.yaml"), """
                base: development
                rates:
                  qr_scanned: 0.5
                  call_received: 0.1
                """);
        Path out = temporary.resolve("custom");
        assertThat(run("generate", "--config", config.toString(), "--out", out.toString(), "--quiet").code()).isZero();
        Manifest manifest = Manifest.read(out);
        assertThat(manifest.simdata().path("scenario").path("rates").path("qr_scanned").asDouble()).isEqualTo(0.5);
        CliTest.Result validation = run("validate", out.toString(), "--only", "distributions");
        assertThat(validation.code()).as(validation.out()).isZero();
        assertThat(validation.out()).containsPattern("passed\\s+distributions.funnel.qr_scanned");
    }

    @Test
    void featureTogglesLeaveOutTheirTablesAndJourneySteps(@TempDir Path temporary)
            throws IOException
    {
        Path config = Files.writeString(temporary.resolve("lean.yaml"), """
                base: development
                counts: {contacts: 1000, campaigns: 20}
                features:
                  call_center: false
                  error_logs: false
                """);
        Path out = temporary.resolve("lean");
        CliTest.Result generated = run("generate", "--config", config.toString(), "--out", out.toString(), "--quiet", "--format", "parquet");
        assertThat(generated.code()).as(generated.err()).isZero();
        Manifest manifest = Manifest.read(out);
        assertThat(manifest.tables()).doesNotContain("tracked_phone_numbers", "call_sessions", "sms_opt_ins", "call_conditions_met", "gift_card_deliveries", "error_logs")
                .contains("events", "gift_card_brands", "gift_card_inventory", "campaign_reward_configs", "performance_metrics", "usage_analytics");
        assertThat(manifest.simdata().path("scenario").path("features").path("call_center").asBoolean(true)).isFalse();
        assertThat(manifest.simdata().path("scenario").path("features").path("analytics").asBoolean(false)).isTrue();
        // the journey stops at the call: no opt-ins and no gift cards, and nobody spends on rewards
        try (var duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                var statement = duck.createStatement();
                var types = statement.executeQuery("SELECT count(*) FILTER (WHERE event_type IN ('sms_opted_in', 'gift_card_issued', 'gift_card_redeemed')),"
                        + " count(*) FILTER (WHERE event_type = 'call_received') FROM read_parquet('" + out.resolve("parquet/events") + "/*.parquet')")) {
            types.next();
            assertThat(types.getLong(1)).isZero();
            assertThat(types.getLong(2)).isPositive();
        }
        catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        CliTest.Result validation = run("validate", out.toString());
        assertThat(validation.code()).as(validation.out()).isZero();
    }

    @Test
    void showPrintsWhatGenerateReads(@TempDir Path temporary)
            throws IOException
    {
        CliTest.Result shown = run("scenarios", "--show", "analytics", "--scale", "0.5", "--format", "json");
        assertThat(shown.code()).isZero();
        Path file = Files.writeString(temporary.resolve("analytics.json"), shown.out());
        CliTest.Result again = run("scenarios", "--show", "demo", "--config", file.toString(), "--format", "json");
        assertThat(again.out()).isEqualTo(shown.out());
        assertThat(shown.out()).contains("\"contacts\" : 30000", "\"history_months\" : 6");
    }

    @Test
    void aBadConfigIsOneLineAndLeavesNothing(@TempDir Path temporary)
            throws IOException
    {
        Path config = Files.writeString(temporary.resolve("bad.yaml"), "counts:\n  contacts: -3\n");
        Path out = temporary.resolve("never");
        CliTest.Result result = run("generate", "--config", config.toString(), "--out", out.toString());
        assertThat(result.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(result.err().strip()).startsWith("simdata generate: error: --config ").contains("line 2", "counts.contacts").doesNotContain("\n");
        assertThat(out).doesNotExist();
        Path growth = Files.writeString(temporary.resolve("growth.yaml"), "base: demo\ngrowth_per_year: 25\n");
        CliTest.Result tooFast = run("generate", "--config", growth.toString(), "--out", out.toString());
        assertThat(tooFast.code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(tooFast.err().strip()).startsWith("simdata generate: error: --config ").contains("line 2", "growth_per_year must be between -0.9 and 10").doesNotContain("\n");
        assertThat(out).doesNotExist();
        assertThat(run("generate", "--scale", "0", "--out", out.toString()).code()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run("scenarios", "--scale", "2").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }

    @Test
    void planAndDryRunWriteNothing(@TempDir Path temporary)
    {
        Path out = temporary.resolve("never");
        CliTest.Result dryRun = run("generate", "--dry-run", "--scenario", "development", "--out", out.toString());
        assertThat(dryRun.code()).isZero();
        assertThat(dryRun.out()).contains("rows (est.)", "events", "estimated time", "nothing was written");
        assertThat(out).doesNotExist();
        CliTest.Result plan = run("plan", "--scenario", "analytics", "--scale", "0.5", "--format", "parquet");
        assertThat(plan.code()).isZero();
        assertThat(plan.out()).contains("analytics_x0.5", "parquet", "recipients");
        assertThat(run("plan", "--scenario", "nope").code()).isEqualTo(ExitCode.INVALID_INPUT);
    }
}
