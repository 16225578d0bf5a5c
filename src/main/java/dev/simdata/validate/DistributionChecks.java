package dev.simdata.validate;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;

import static dev.simdata.validate.SqlTables.literal;

/**
 * Distribution checks: each compares a measured share or ratio with the value DOMAIN.md states, within a
 * tolerance the check reports. For a share of n trials the tolerance is 4 standard errors of a binomial,
 * 4·sqrt(p(1-p)/n), plus a small slack for the model; a false alarm on clean data is then about 1 in 10,000 per check.
 * Shapes that depend on few clustered units (seasonality) use one-sided bounds.
 */
final class DistributionChecks
{
    /** Below this many trials a rate is not judged. */
    static final long MINIMUM_TRIALS = 50;
    static final double SIGMAS = 4.0;

    /**
     * A conditional rate: {@code numerator / denominator}, expected {@code expected}. Both SQL select one number; the
     * rate is judged over recipients of completed campaigns, whose journeys the as-of date does not cut.
     */
    record Rate(String name, String table, String description, double expected, double slack, List<String> needs, String numeratorSql, String denominatorSql) {}

    private DistributionChecks() {}

    static void run(SqlTables tables, Optional<DatasetFacts> facts, List<CheckResult> results)
            throws SQLException
    {
        funnel(tables, facts, results);
        for (Rate rate : callCenterRates(facts.map(DatasetFacts::rates).orElse(Map.of()))) {
            results.add(rate(tables, rate));
        }
        statusMix(tables, results);
        if (facts.isEmpty()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, "distributions.shape", "", "no manifest: give the dataset folder for the time zone and history"));
        }
        else {
            weekly(tables, facts.get(), results);
            daily(tables, facts.get(), results);
            seasonal(tables, facts.get(), results);
            MonthlyShape.run(tables, facts.get(), results);
            callHours(tables, facts.get(), results);
            incidentSpikes(tables, results);
        }
        eventTypes(tables, results);
    }

    private static final String COMPLETED_EVENTS = "SELECT count(*) FROM {events} e JOIN {campaigns} c ON c.id = e.campaign_id WHERE c.status = 'completed' AND e.event_type = ";

    /** The funnel checks, expecting the rates the manifest records and DOMAIN.md's where it records none. */
    static List<Rate> funnelRates(Map<String, Double> recorded)
    {
        java.util.function.BiFunction<String, Double, Double> expected = (name, domain) -> recorded.getOrDefault(name, domain);
        List<String> needs = List.of("events.event_type", "events.campaign_id", "campaigns.status", "recipients.campaign_id");
        return List.of(
                new Rate("distributions.funnel.mailed", "events", "mailed / recipients", expected.apply("mailed", 0.95), 0.01, needs, COMPLETED_EVENTS + "'mailed'",
                        "SELECT count(*) FROM {recipients} r JOIN {campaigns} c ON c.id = r.campaign_id WHERE c.status = 'completed'"),
                new Rate("distributions.funnel.delivered", "events", "delivered / mailed", expected.apply("delivered", 0.85), 0.01, needs, COMPLETED_EVENTS + "'delivered'", COMPLETED_EVENTS + "'mailed'"),
                new Rate("distributions.funnel.qr_scanned", "events", "qr_scanned / delivered", expected.apply("qr_scanned", 0.20), 0.01, needs, COMPLETED_EVENTS + "'qr_scanned'", COMPLETED_EVENTS + "'delivered'"),
                new Rate("distributions.funnel.purl_visited", "events", "purl_visited / delivered", expected.apply("purl_visited", 0.28), 0.01, needs, COMPLETED_EVENTS + "'purl_visited'", COMPLETED_EVENTS + "'delivered'"),
                new Rate("distributions.funnel.call_received", "events", "call_received / delivered", expected.apply("call_received", 0.35), 0.01, needs, COMPLETED_EVENTS + "'call_received'", COMPLETED_EVENTS + "'delivered'"),
                new Rate("distributions.funnel.form_submitted", "events", "form_submitted / purl_visited", expected.apply("form_submitted_per_visit", 0.12), 0.01, needs, COMPLETED_EVENTS + "'form_submitted'", COMPLETED_EVENTS + "'purl_visited'"),
                new Rate("distributions.funnel.lead_created", "events", "lead_created / purl_visited", expected.apply("lead_created_per_visit", 0.10), 0.01, needs, COMPLETED_EVENTS + "'lead_created'", COMPLETED_EVENTS + "'purl_visited'"));
    }

    /** Call-center rates, expecting the rates the manifest records and DOMAIN.md's where it records none. */
    static List<Rate> callCenterRates(Map<String, Double> recorded)
    {
        java.util.function.BiFunction<String, Double, Double> expected = (name, domain) -> recorded.getOrDefault(name, domain);
        return List.of(
                new Rate("distributions.call_answer_rate", "call_sessions", "answered / calls from recipients", expected.apply("call_answered", 0.85), 0.02,
                        List.of("call_sessions.answered", "call_sessions.recipient_id"),
                        "SELECT count(*) FROM {call_sessions} WHERE recipient_id IS NOT NULL AND answered",
                        "SELECT count(*) FROM {call_sessions} WHERE recipient_id IS NOT NULL"),
                new Rate("distributions.opt_in_rate", "sms_opt_ins", "sms opt-ins / answered calls from recipients", expected.apply("sms_opted_in_per_answered", 0.68), 0.02,
                        List.of("sms_opt_ins.call_session_id", "call_sessions.answered", "call_sessions.recipient_id"),
                        "SELECT count(*) FROM {sms_opt_ins}",
                        "SELECT count(*) FROM {call_sessions} WHERE recipient_id IS NOT NULL AND answered"),
                new Rate("distributions.gift_card_rate", "gift_card_deliveries", "gift cards issued / sms opt-ins", expected.apply("gift_card_per_opt_in", 0.85), 0.02,
                        List.of("gift_card_deliveries.recipient_id", "sms_opt_ins.call_session_id"),
                        "SELECT count(*) FROM {gift_card_deliveries}",
                        "SELECT count(*) FROM {sms_opt_ins}"),
                new Rate("distributions.unmatched_calls", "call_sessions", "calls without a recipient / all calls", 0.20, 0.03,
                        List.of("call_sessions.recipient_id"),
                        "SELECT count(*) FROM {call_sessions} WHERE recipient_id IS NULL",
                        "SELECT count(*) FROM {call_sessions}"));
    }

    private static void funnel(SqlTables tables, Optional<DatasetFacts> facts, List<CheckResult> results)
            throws SQLException
    {
        for (Rate rate : funnelRates(facts.map(DatasetFacts::rates).orElse(Map.of()))) {
            results.add(rate(tables, rate));
        }
    }

    static CheckResult rate(SqlTables tables, Rate rate)
            throws SQLException
    {
        Optional<String> missing = tables.missing(rate.needs().toArray(String[]::new));
        if (missing.isPresent()) {
            return CheckResult.skipped(CheckGroup.DISTRIBUTIONS, rate.name(), rate.table(), missing.get());
        }
        long numerator = tables.queryLong(DataChecks.expand(tables, rate.numeratorSql()));
        long denominator = tables.queryLong(DataChecks.expand(tables, rate.denominatorSql()));
        return share(rate.name(), rate.table(), rate.description(), numerator, denominator, rate.expected(), rate.slack());
    }

    /** A share judged against a binomial: expected ± (4σ + slack). */
    static CheckResult share(String name, String table, String description, long hits, long trials, double expected, double slack)
    {
        if (trials < MINIMUM_TRIALS) {
            return CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, table, description + ": only " + trials + " trials, fewer than " + MINIMUM_TRIALS);
        }
        double measured = (double) hits / trials;
        double tolerance = SIGMAS * Math.sqrt(expected * (1 - expected) / trials) + slack;
        boolean ok = Math.abs(measured - expected) <= tolerance;
        String measuredText = String.format(Locale.ROOT, "%.4f (%d / %d)", measured, hits, trials);
        String expectedText = String.format(Locale.ROOT, "%.4f ± %.4f (4σ binomial + %.3f)", expected, tolerance, slack);
        return CheckResult.of(ok, CheckGroup.DISTRIBUTIONS, name, table, measuredText, expectedText,
                "table " + table + ": " + description + " is " + measuredText + ", expected " + expectedText, List.of());
    }

    private static void statusMix(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        Optional<String> missing = tables.missing("campaigns.status");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, "distributions.status_mix", "campaigns", missing.get()));
            return;
        }
        // DOMAIN.md: 60% completed, 20% active, 10% draft, 10% among scheduled, paused and cancelled; how those 10%
        // split depends on the history (scheduled campaigns are those created in the last weeks)
        String[] statuses = {"completed", "active", "draft", "other"};
        String[] conditions = {"status = 'completed'", "status = 'active'", "status = 'draft'", "status IN ('scheduled', 'paused', 'cancelled')"};
        double[] weights = {0.60, 0.20, 0.10, 0.10};
        StringBuilder sql = new StringBuilder("SELECT count(*)");
        for (String condition : conditions) {
            sql.append(", count(*) FILTER (WHERE ").append(condition).append(')');
        }
        long[] counts = tables.longs(sql.append(" FROM ").append(tables.relation("campaigns")).toString());
        for (int i = 0; i < statuses.length; i++) {
            String label = i == 3 ? "scheduled, paused or cancelled" : statuses[i];
            results.add(share("distributions.status_mix." + statuses[i], "campaigns", "share of " + label + " campaigns", counts[i + 1], counts[0], weights[i], 0.02));
        }
    }

    private static String local(DatasetFacts facts, String column)
    {
        return "(" + column + " AT TIME ZONE " + literal(facts.zone().getId()) + ")";
    }

    /**
     * Weekly shape of engagement (QR scans, visits, calls), by local weekday: Wednesday and Sunday against the mean of
     * Monday, Tuesday, Thursday and Friday. Poisson errors give 4σ bounds, widened by 15% for the calendar's
     * rejection sampling.
     */
    private static void weekly(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        Optional<String> missing = tables.missing("events.event_type", "events.occurred_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, "distributions.weekly", "events", missing.get()));
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT");
        for (int day = 1; day <= 7; day++) {
            sql.append(day == 1 ? " " : ", ").append("count(*) FILTER (WHERE extract(isodow FROM ").append(local(facts, "occurred_at")).append(") = ").append(day).append(')');
        }
        sql.append(" FROM ").append(tables.relation("events")).append(" WHERE event_type IN ('qr_scanned', 'purl_visited', 'call_received')");
        long[] days = tables.longs(sql.toString());
        double weekdays = (days[0] + days[1] + days[3] + days[4]) / 4.0;
        results.add(ratio("distributions.weekly.wednesday", days[2], weekdays, 1.3 / 1.0125, "Wednesday engagement ÷ mean Mon/Tue/Thu/Fri"));
        results.add(ratio("distributions.weekly.sunday", days[6], weekdays, 0.3 / 1.0125, "Sunday engagement ÷ mean Mon/Tue/Thu/Fri"));
    }

    private static CheckResult ratio(String name, long count, double reference, double expected, String description)
    {
        if (count + reference * 4 < 400) {
            return CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "events", description + ": too few events (" + (long) (count + reference * 4) + " < 400)");
        }
        double measured = reference == 0 ? Double.POSITIVE_INFINITY : count / reference;
        double relative = Math.sqrt(1.0 / Math.max(1, count) + 1.0 / Math.max(1, reference * 4));
        double tolerance = expected * (SIGMAS * relative + 0.15);
        boolean ok = Math.abs(measured - expected) <= tolerance;
        String measuredText = String.format(Locale.ROOT, "%.3f", measured);
        String expectedText = String.format(Locale.ROOT, "%.3f ± %.3f (4σ Poisson + 15%%)", expected, tolerance);
        return CheckResult.of(ok, CheckGroup.DISTRIBUTIONS, name, "events", measuredText, expectedText,
                "table events: " + description + " is " + measuredText + ", expected " + expectedText, List.of());
    }

    /** Daily shape of general activity (mailed, delivered, scans, visits): the share in local business hours 9–17. */
    private static void daily(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        Optional<String> missing = tables.missing("events.event_type", "events.occurred_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, "distributions.daily", "events", missing.get()));
            return;
        }
        String hour = "extract(hour FROM " + local(facts, "occurred_at") + ")";
        List<List<String>> rows = tables.rows("SELECT " + hour + " AS hour, count(*) FROM " + tables.relation("events")
                + " WHERE event_type IN ('mailed', 'delivered', 'qr_scanned', 'purl_visited') GROUP BY " + hour + " ORDER BY 2 DESC, 1");
        long total = 0;
        long business = 0;
        for (List<String> row : rows) {
            long count = Long.parseLong(row.get(1));
            int h = (int) Double.parseDouble(row.get(0));
            total += count;
            if (h >= 9 && h < 17) {
                business += count;
            }
        }
        // ActivityCalendar's documented curve: 40.0 of 53.8 weight units fall in 9:00–17:00.
        results.add(share("distributions.daily.business_hours", "events", "share of activity in local business hours 9–17", business, total, 40.0 / 53.8, 0.03));
        if (total >= 1000) {
            int peak = (int) Double.parseDouble(rows.get(0).get(0));
            results.add(CheckResult.of(peak >= 9 && peak < 17, CheckGroup.DISTRIBUTIONS, "distributions.daily.peak_hour", "events", peak + ":00", "within 9:00–17:00 (peaks 10:00, 14:00–15:00)",
                    "table events: the busiest local hour is " + peak + ":00, outside business hours", List.of()));
        }
    }

    /** Calls happen almost only in business hours: at least 90% of calls between 9:00 and 17:00 local time. */
    private static void callHours(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        List<String[]> sources = List.of(
                new String[] {"events", "occurred_at", "event_type = 'call_received'"},
                new String[] {"call_sessions", "started_at", "1 = 1"});
        for (String[] source : sources) {
            String name = "distributions.call_business_hours";
            Optional<String> missing = tables.missing(source[0] + "." + source[1]);
            if (missing.isPresent()) {
                results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, source[0], missing.get()));
                continue;
            }
            String hour = "extract(hour FROM " + local(facts, source[1]) + ")";
            long[] counts = tables.longs("SELECT count(*), count(*) FILTER (WHERE " + hour + " >= 9 AND " + hour + " < 17) FROM "
                    + tables.relation(source[0]) + " WHERE " + source[2]);
            if (counts[0] < MINIMUM_TRIALS) {
                results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, source[0], "only " + counts[0] + " calls"));
                continue;
            }
            double measured = (double) counts[1] / counts[0];
            String measuredText = String.format(Locale.ROOT, "%.4f (%d / %d)", measured, counts[1], counts[0]);
            results.add(CheckResult.of(measured >= 0.90, CheckGroup.DISTRIBUTIONS, name, source[0], measuredText, ">= 0.90 in 9:00–17:00 " + facts.zone().getId(),
                    "table " + source[0] + ": only " + measuredText + " of calls fall in business hours", List.of()));
        }
    }

    /**
     * Seasonality: campaigns created per day in Oct–Dec against Jun–Aug, over every campaign (each status is created
     * all through the history). The weights give 1.4 ÷ 0.8 = 1.75; with a few hundred campaigns the bound is one-sided,
     * at least 1.0. Needs 6 months of history with at least 28 days of each season.
     */
    private static void seasonal(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        String name = "distributions.seasonal";
        Optional<String> missing = tables.missing("campaigns.created_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "campaigns", missing.get()));
            return;
        }
        if (facts.historyMonths() < 6) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "campaigns", "history of " + facts.historyMonths() + " months; seasonality needs at least 6"));
            return;
        }
        String created = local(facts, "created_at");
        List<List<String>> rows = tables.rows("SELECT extract(year FROM " + created + ") AS y, extract(month FROM " + created + ") AS m, count(*) FROM "
                + tables.relation("campaigns") + " GROUP BY 1, 2");
        long[] counts = new long[2];
        long[] days = new long[2];
        LocalDate start = facts.windowStart();
        // the last local day on which campaigns are created, in any time zone
        LocalDate end = facts.asOf().minusDays(2);
        for (YearMonth month = YearMonth.from(start); !month.atDay(1).isAfter(end); month = month.plusMonths(1)) {
            int season = season(month.getMonthValue());
            if (season < 0) {
                continue;
            }
            LocalDate from = month.atDay(1).isBefore(start) ? start : month.atDay(1);
            LocalDate to = month.atEndOfMonth().isAfter(end) ? end : month.atEndOfMonth();
            days[season] += Math.max(0, to.toEpochDay() - from.toEpochDay() + 1);
        }
        for (List<String> row : rows) {
            int year = (int) Double.parseDouble(row.get(0));
            int month = (int) Double.parseDouble(row.get(1));
            YearMonth yearMonth = YearMonth.of(year, month);
            int season = season(month);
            if (season >= 0 && !yearMonth.atEndOfMonth().isBefore(start) && !yearMonth.atDay(1).isAfter(end)) {
                counts[season] += Long.parseLong(row.get(2));
            }
        }
        if (days[0] < 28 || days[1] < 28 || counts[0] + counts[1] < 60) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "campaigns", "too little of each season in the history window (" + days[0] + " Q4 days, "
                    + days[1] + " summer days, " + (counts[0] + counts[1]) + " campaigns)"));
            return;
        }
        double ratio = days[1] == 0 || counts[1] == 0 ? Double.POSITIVE_INFINITY : ((double) counts[0] / days[0]) / ((double) counts[1] / days[1]);
        String measuredText = String.format(Locale.ROOT, "%.3f (Q4 %d in %d days, summer %d in %d days)", ratio, counts[0], days[0], counts[1], days[1]);
        results.add(CheckResult.of(ratio >= 1.0, CheckGroup.DISTRIBUTIONS, name, "campaigns", measuredText, ">= 1.0 (weights 1.4 ÷ 0.8 = 1.75; one-sided, few campaigns)",
                "table campaigns: campaigns created per day in Q4 ÷ summer is " + measuredText, List.of()));
    }

    /** 0 for Q4, 1 for June–August, -1 otherwise. */
    private static int season(int month)
    {
        if (month >= 10) {
            return 0;
        }
        return month >= 6 && month <= 8 ? 1 : -1;
    }

    /** Error logs: a low baseline plus a few incident hours at 10× the median hour or more. */
    private static void incidentSpikes(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        String name = "distributions.incident_spikes";
        Optional<String> missing = tables.missing("error_logs.occurred_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "error_logs", missing.get()));
            return;
        }
        List<List<String>> rows = tables.rows("SELECT date_trunc('hour', occurred_at) AS hour, count(*) AS n FROM " + tables.relation("error_logs") + " GROUP BY 1 ORDER BY 2");
        if (rows.size() < 24) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "error_logs", "errors in only " + rows.size() + " hours"));
            return;
        }
        long median = Long.parseLong(rows.get(rows.size() / 2).get(1));
        long spikes = rows.stream().filter(row -> Long.parseLong(row.get(1)) >= 10 * Math.max(1, median)).count();
        results.add(CheckResult.of(spikes >= 1, CheckGroup.DISTRIBUTIONS, name, "error_logs", spikes + " hours at >= 10× the median hour (" + median + ")", ">= 1 incident hour",
                "table error_logs: no incident spike; every hour is below 10× the median of " + median, List.of()));
    }

    /** Every allowed event type occurs, once there are enough events to expect all of them. */
    private static void eventTypes(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        String name = "distributions.event_types";
        Optional<String> missing = tables.missing("events.event_type");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "events", missing.get()));
            return;
        }
        // the call center's and gift cards' steps are expected only when the dataset holds those tables
        boolean optIns = tables.missing("sms_opt_ins.opted_in_at").isEmpty();
        boolean giftCards = tables.missing("gift_card_deliveries.delivered_at").isEmpty();
        List<String> allowed = tables.catalog().table("events").findField("event_type").orElseThrow().allowedValues().stream()
                .filter(type -> optIns || !type.equals("sms_opted_in"))
                .filter(type -> giftCards || !type.startsWith("gift_card_"))
                .toList();
        List<String> present = new ArrayList<>();
        long total = 0;
        for (List<String> row : tables.rows("SELECT event_type, count(*) FROM " + tables.relation("events") + " GROUP BY event_type ORDER BY event_type")) {
            present.add(row.get(0));
            total += Long.parseLong(row.get(1));
        }
        if (total < 1000) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "events", "only " + total + " events; variety is judged from 1,000"));
            return;
        }
        List<String> absent = allowed.stream().filter(type -> !present.contains(type)).toList();
        results.add(CheckResult.of(absent.isEmpty(), CheckGroup.DISTRIBUTIONS, name, "events", present.size() + " of " + allowed.size() + " types", "all " + allowed.size() + " event types",
                "table events: event types never seen: " + String.join(", ", absent), absent));
    }
}
