package dev.simdata.it;

import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * DOMAIN.md's realism rules for the call center, gift cards, finance and the platform's telemetry, measured with
 * DuckDB on the analytics scenario's Parquet files (about 67,000 calls, so one percentage point is several standard
 * errors).
 */
class PlatformRealismIT
{
    private static final String ZONE = "America/New_York";
    private static Connection duck;

    @BeforeAll
    static void open()
            throws SQLException
    {
        Path dataset = TestDatasets.dataset(Scenario.ANALYTICS);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duck.createStatement()) {
            for (String table : new String[] {"campaigns", "events", "users", "call_sessions", "sms_opt_ins", "gift_card_inventory", "gift_card_deliveries",
                    "performance_metrics", "usage_analytics", "error_logs"}) {
                statement.execute("CREATE VIEW " + table + " AS SELECT * FROM read_parquet('" + dataset.resolve("parquet").resolve(table) + "/*.parquet')");
            }
            statement.execute("SET TimeZone = 'UTC'");
        }
    }

    @AfterAll
    static void close()
            throws SQLException
    {
        duck.close();
    }

    private static double number(String sql)
            throws SQLException
    {
        try (Statement statement = duck.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getDouble(1);
        }
    }

    @Test
    void callsAreAnsweredAndOptInAtTheDomainRates()
            throws SQLException
    {
        // recipients of completed campaigns: their journeys are whole, not cut by the as-of date
        String completed = " FROM call_sessions c JOIN campaigns k ON k.id = c.campaign_id WHERE k.status = 'completed'";
        assertThat(number("SELECT avg(CASE WHEN answered THEN 1.0 ELSE 0 END)" + completed + " AND c.recipient_id IS NOT NULL")).isCloseTo(0.85, within(0.01));
        assertThat(number("SELECT count(o.id) * 1.0 / count(*)" + " FROM call_sessions c JOIN campaigns k ON k.id = c.campaign_id"
                + " LEFT JOIN sms_opt_ins o ON o.call_session_id = c.id WHERE k.status = 'completed' AND c.recipient_id IS NOT NULL AND c.answered")).isCloseTo(0.68, within(0.01));
        assertThat(number("SELECT avg(CASE WHEN recipient_id IS NULL THEN 1.0 ELSE 0 END) FROM call_sessions")).isCloseTo(0.20, within(0.01));
        assertThat(number("SELECT count(d.id) * 1.0 / count(*) FROM sms_opt_ins o JOIN campaigns k ON k.id = o.campaign_id"
                + " LEFT JOIN gift_card_deliveries d ON d.sms_opt_in_id = o.id WHERE k.status = 'completed'")).isCloseTo(0.85, within(0.01));
    }

    @Test
    void callsComeInBusinessHoursAndAnsweredOnesLastLonger()
            throws SQLException
    {
        assertThat(number("SELECT avg(CASE WHEN hour(started_at AT TIME ZONE '" + ZONE + "') BETWEEN 9 AND 16 THEN 1.0 ELSE 0 END) FROM call_sessions"))
                .isGreaterThan(0.93);
        double answered = number("SELECT avg(duration_seconds) FROM call_sessions WHERE answered");
        double unanswered = number("SELECT avg(duration_seconds) FROM call_sessions WHERE NOT answered");
        assertThat(answered).isBetween(180.0, 600.0);
        assertThat(unanswered).isLessThan(60.0);
    }

    @Test
    void giftCardsAreUniqueConsistentAndMostlyRedeemedWithinSixtyDays()
            throws SQLException
    {
        assertThat(number("SELECT count(*) - count(DISTINCT gift_card_inventory_id) FROM gift_card_deliveries")).isZero();
        assertThat(number("SELECT count(*) - count(DISTINCT card_code) FROM gift_card_inventory")).isZero();
        assertThat(number("SELECT count(*) FROM gift_card_inventory i LEFT JOIN gift_card_deliveries d ON d.gift_card_inventory_id = i.id"
                + " WHERE i.status <> CASE WHEN d.id IS NULL THEN 'available' WHEN d.redeemed_at IS NULL THEN 'delivered' ELSE 'redeemed' END")).isZero();
        assertThat(number("SELECT count(*) FROM gift_card_inventory WHERE status = 'available'")).isPositive();
        assertThat(number("SELECT avg(CASE WHEN redeemed_at < delivered_at + INTERVAL 60 DAY THEN 1.0 ELSE 0 END) FROM gift_card_deliveries WHERE redeemed_at IS NOT NULL"))
                .isGreaterThan(0.85);
        // cards delivered more than 120 days before the as-of date have had their whole redemption window
        assertThat(number("SELECT avg(CASE WHEN redeemed_at IS NOT NULL THEN 1.0 ELSE 0 END) FROM gift_card_deliveries"
                + " WHERE delivered_at < TIMESTAMPTZ '2026-01-01 00:00:00+00' - INTERVAL 121 DAY")).isCloseTo(0.70, within(0.02));
    }

    @Test
    void financeReconciles()
            throws SQLException
    {
        assertThat(number("SELECT count(*) FROM campaigns c LEFT JOIN (SELECT campaign_id, sum(amount) AS spend FROM gift_card_deliveries GROUP BY 1) d"
                + " ON d.campaign_id = c.id WHERE c.reward_spend <> coalesce(d.spend, 0)")).isZero();
        assertThat(number("SELECT count(*) FROM campaigns c LEFT JOIN (SELECT campaign_id, count(*) AS n FROM events WHERE event_type = 'mailed' GROUP BY 1) m"
                + " ON m.campaign_id = c.id WHERE c.pieces_mailed <> coalesce(m.n, 0) OR c.mailing_cost <> c.cost_per_piece * c.pieces_mailed"
                + " OR c.total_spend <> c.mailing_cost + c.reward_spend")).isZero();
        assertThat(number("SELECT sum(reward_spend) FROM campaigns")).isEqualTo(number("SELECT sum(amount) FROM gift_card_deliveries")).isPositive();
        // budgets cover what completed campaigns spent, nearly always
        assertThat(number("SELECT avg(CASE WHEN total_spend <= budget THEN 1.0 ELSE 0 END) FROM campaigns WHERE status = 'completed'")).isGreaterThan(0.9);
    }

    @Test
    void platformTelemetryHasDailyAndWeeklyShapeAndIncidentSpikes()
            throws SQLException
    {
        String local = "(recorded_at AT TIME ZONE '" + ZONE + "')";
        double afternoon = number("SELECT avg(value) FROM performance_metrics WHERE metric_name = 'requests_per_minute' AND hour(" + local + ") BETWEEN 11 AND 16 AND dayofweek(" + local + ") BETWEEN 1 AND 5");
        double night = number("SELECT avg(value) FROM performance_metrics WHERE metric_name = 'requests_per_minute' AND hour(" + local + ") BETWEEN 0 AND 4 AND dayofweek(" + local + ") BETWEEN 1 AND 5");
        double sunday = number("SELECT avg(value) FROM performance_metrics WHERE metric_name = 'requests_per_minute' AND hour(" + local + ") BETWEEN 11 AND 16 AND dayofweek(" + local + ") = 0");
        assertThat(afternoon).isGreaterThan(4 * night);
        assertThat(afternoon).isGreaterThan(2.5 * sunday);
        // every organization has a regular series: the same number of samples per metric, four hours apart
        assertThat(number("SELECT count(DISTINCT n) FROM (SELECT organization_id, metric_name, count(*) AS n FROM performance_metrics GROUP BY 1, 2)")).isEqualTo(1);
        assertThat(number("SELECT count(DISTINCT epoch(recorded_at)::BIGINT % 14400) FROM performance_metrics")).isEqualTo(1);

        assertThat(number("SELECT avg(CASE WHEN hour(occurred_at AT TIME ZONE '" + ZONE + "') BETWEEN 9 AND 16 THEN 1.0 ELSE 0 END) FROM usage_analytics"))
                .isGreaterThan(0.6);
        assertThat(number("SELECT count(*) FROM usage_analytics a JOIN users u ON u.id = a.user_id WHERE a.occurred_at <= u.created_at OR a.organization_id <> u.organization_id")).isZero();

        double hours = number("SELECT (epoch(TIMESTAMPTZ '2026-01-01 00:00:00+00') - epoch(min(occurred_at))) / 3600 FROM error_logs");
        double mean = number("SELECT count(*) FROM error_logs") / hours;
        double spikes = number("SELECT count(*) FROM (SELECT date_trunc('hour', occurred_at) AS h, count(*) AS n FROM error_logs GROUP BY 1) WHERE n >= 10 * " + mean);
        assertThat(spikes).as("hours at 10x the mean of %.3f errors an hour", mean).isBetween(1.0, 20.0);
        assertThat(number("SELECT avg(CASE WHEN incident THEN 1.0 ELSE 0 END) FROM error_logs")).isBetween(0.02, 0.3);
        // incidents slow the organizations they hit: p95 response time in incident hours is several times the usual
        double incidentP95 = number("WITH hit AS (SELECT DISTINCT date_trunc('hour', occurred_at) AS h, organization_id FROM error_logs WHERE incident)"
                + " SELECT avg(p.value) FROM performance_metrics p JOIN hit ON hit.h = p.recorded_at"
                + " AND (hit.organization_id IS NULL OR hit.organization_id = p.organization_id) WHERE p.metric_name = 'p95_response_ms'");
        double usualP95 = number("SELECT median(value) FROM performance_metrics WHERE metric_name = 'p95_response_ms'");
        assertThat(incidentP95).as("p95 in incident hours against a median of %.0f ms", usualP95).isGreaterThan(2.5 * usualP95);
    }
}
