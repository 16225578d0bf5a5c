package dev.simdata.validate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typical dashboard queries, each run once on the database and timed against the seed system's budgets: campaign
 * queries 2 s, event aggregations 3 s, analytics queries 2.5 s. A query whose tables are absent is skipped.
 */
final class PerformanceChecks
{
    record DashboardQuery(String name, String table, String description, double budgetSeconds, List<String> needs, String sql) {}

    private PerformanceChecks() {}

    static List<DashboardQuery> queries()
    {
        return List.of(
                new DashboardQuery("performance.campaign_performance", "campaigns", "campaign performance: recipients, deliveries, engagement, leads per campaign", 2.0,
                        List.of("campaigns", "recipients", "events"),
                        "SELECT c.id, c.name, c.status, c.budget, coalesce(r.recipients, 0) AS recipients, coalesce(e.delivered, 0) AS delivered,"
                                + " coalesce(e.engaged, 0) AS engaged, coalesce(e.leads, 0) AS leads FROM {campaigns} c"
                                + " LEFT JOIN (SELECT campaign_id, count(*) AS recipients FROM {recipients} GROUP BY campaign_id) r ON r.campaign_id = c.id"
                                + " LEFT JOIN (SELECT campaign_id, count(*) FILTER (WHERE event_type = 'delivered') AS delivered,"
                                + " count(*) FILTER (WHERE event_type IN ('qr_scanned', 'purl_visited', 'call_received')) AS engaged,"
                                + " count(*) FILTER (WHERE event_type = 'lead_created') AS leads FROM {events} GROUP BY campaign_id) e ON e.campaign_id = c.id"
                                + " ORDER BY leads DESC, c.id LIMIT 100"),
                new DashboardQuery("performance.events_by_day_and_type", "events", "events by day and type", 3.0,
                        List.of("events"),
                        "SELECT date_trunc('day', occurred_at) AS day, event_type, count(*) AS events FROM {events} GROUP BY 1, 2 ORDER BY 1, 2"),
                new DashboardQuery("performance.call_center_metrics", "call_sessions", "call-center metrics: calls, answered, mean duration per day", 3.0,
                        List.of("call_sessions.started_at", "call_sessions.answered", "call_sessions.duration_seconds"),
                        "SELECT date_trunc('day', started_at) AS day, count(*) AS calls, count(*) FILTER (WHERE answered) AS answered, avg(duration_seconds) AS mean_duration"
                                + " FROM {call_sessions} GROUP BY 1 ORDER BY 1"),
                new DashboardQuery("performance.gift_card_usage", "gift_card_deliveries", "gift-card usage: issued and redeemed per campaign", 2.5,
                        List.of("gift_card_deliveries.campaign_id", "gift_card_deliveries.redeemed_at"),
                        "SELECT campaign_id, count(*) AS issued, count(redeemed_at) AS redeemed FROM {gift_card_deliveries} GROUP BY campaign_id ORDER BY issued DESC LIMIT 100"),
                new DashboardQuery("performance.platform_analytics", "performance_metrics", "platform analytics: hourly metric means", 2.5,
                        List.of("performance_metrics.metric_name", "performance_metrics.value", "performance_metrics.recorded_at"),
                        "SELECT metric_name, date_trunc('hour', recorded_at) AS hour, avg(value) AS mean FROM {performance_metrics} GROUP BY 1, 2 ORDER BY 1, 2"));
    }

    static void run(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        for (DashboardQuery query : queries()) {
            Optional<String> missing = tables.missing(query.needs().toArray(String[]::new));
            if (missing.isPresent()) {
                results.add(CheckResult.skipped(CheckGroup.PERFORMANCE, query.name(), query.table(), missing.get()));
                continue;
            }
            String sql = DataChecks.expand(tables, query.sql());
            long started = System.nanoTime();
            long rows = 0;
            try (Statement statement = tables.connection().createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows++;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String measured = String.format(Locale.ROOT, "%.3f s (%d rows)", seconds, rows);
            String budget = String.format(Locale.ROOT, "< %.1f s", query.budgetSeconds());
            results.add(CheckResult.of(seconds < query.budgetSeconds(), CheckGroup.PERFORMANCE, query.name(), query.table(), measured, budget,
                    "table " + query.table() + ": " + query.description() + " took " + measured + ", budget " + budget, List.of()));
        }
    }
}
