package dev.simdata.validate;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static dev.simdata.validate.SqlTables.literal;

/**
 * The monthly shape over the whole history: campaigns created, and engagement events, per local month against
 * DOMAIN.md's seasonal and weekly weights (and the manifest's {@code growth_per_year}). One SQL query per series, the
 * same on DuckDB files and on PostgreSQL; the months are judged here.
 *
 * <p>A month is judged when the series covers at least {@value #MINIMUM_DAYS} of its days (its first campaign to
 * its last; expectations count the covered days only) and it should hold enough units: at least
 * {@value #MINIMUM_CAMPAIGNS} campaigns, or {@value #MINIMUM_EVENTS} engagement events. Its count must lie within a
 * relative tolerance of its weight's share of the total: for campaigns 30% (campaigns are planned for the season
 * their mail lands in, which moves a few days' weight across month ends) plus one Poisson standard error; for
 * engagement 45% (engagement lags creation by about a month, so the month after a season change carries some of the
 * season before). Engagement is judged inside the history window, before the as-of date cuts journeys short in its
 * last month. The failure names the month that is off.
 */
final class MonthlyShape
{
    static final long MINIMUM_CAMPAIGNS = 30;
    static final long MINIMUM_EVENTS = 1_000;
    static final int MINIMUM_DAYS = 25;
    private static final double CAMPAIGN_TOLERANCE = 0.30;
    private static final double ENGAGEMENT_TOLERANCE = 0.45;
    private static final double[] WEEKDAY = {0, 1.0, 1.05, 1.3, 1.05, 0.95, 0.4, 0.3};

    /** One month of a series: its count and the days of it the series covers. */
    private record Month(YearMonth month, long count, int firstDay, int lastDay) {}

    private MonthlyShape() {}

    static void run(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        campaigns(tables, facts, results);
        engagement(tables, facts, results);
    }

    private static void campaigns(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        String name = "distributions.monthly.campaigns";
        Optional<String> missing = tables.missing("campaigns.created_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "campaigns", missing.get()));
            return;
        }
        List<Month> months = months(tables, facts, "campaigns", "created_at", "1 = 1");
        results.add(judge(name, "campaigns", "campaigns created", months, facts, MINIMUM_CAMPAIGNS, CAMPAIGN_TOLERANCE, true));
    }

    private static void engagement(SqlTables tables, DatasetFacts facts, List<CheckResult> results)
            throws SQLException
    {
        String name = "distributions.monthly.engagement";
        Optional<String> missing = tables.missing("events.event_type", "events.occurred_at");
        if (missing.isPresent()) {
            results.add(CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, "events", missing.get()));
            return;
        }
        List<Month> months = new ArrayList<>();
        LocalDate windowStart = facts.windowStart();
        YearMonth last = YearMonth.from(facts.asOf().minusDays(1));
        for (Month month : months(tables, facts, "events", "occurred_at", "event_type NOT IN ('mailed', 'delivered')")) {
            // inside the history window, and not its last month, which the as-of date cuts short
            if (!month.month().atDay(1).isBefore(windowStart) && month.month().isBefore(last)) {
                months.add(new Month(month.month(), month.count(), 1, month.month().lengthOfMonth()));
            }
        }
        results.add(judge(name, "events", "engagement events", months, facts, MINIMUM_EVENTS, ENGAGEMENT_TOLERANCE, false));
    }

    private static List<Month> months(SqlTables tables, DatasetFacts facts, String table, String column, String condition)
            throws SQLException
    {
        String local = "(" + column + " AT TIME ZONE " + literal(facts.zone().getId()) + ")";
        List<List<String>> rows = tables.rows("SELECT extract(year FROM " + local + ") AS y, extract(month FROM " + local + ") AS m, count(*),"
                + " min(extract(day FROM " + local + ")), max(extract(day FROM " + local + ")) FROM " + tables.relation(table)
                + " WHERE " + condition + " GROUP BY 1, 2 ORDER BY 1, 2");
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            YearMonth month = YearMonth.of(number(row.get(0)), number(row.get(1)));
            // the series covers its first and last months from its first and to its last day only
            int first = i == 0 ? number(row.get(3)) : 1;
            int lastDay = i == rows.size() - 1 ? number(row.get(4)) : month.lengthOfMonth();
            months.add(new Month(month, Long.parseLong(row.get(2)), first, lastDay));
        }
        return months;
    }

    private static CheckResult judge(String name, String table, String what, List<Month> months, DatasetFacts facts, long minimum, double tolerance,
            boolean perDayCap)
    {
        double totalWeight = 0;
        long total = 0;
        double[] weights = new double[months.size()];
        for (int i = 0; i < months.size(); i++) {
            Month month = months.get(i);
            weights[i] = weight(month, facts);
            totalWeight += weights[i];
            total += month.count();
        }
        int judged = 0;
        double worst = 0;
        String offending = null;
        StringBuilder measured = new StringBuilder();
        for (int i = 0; i < months.size(); i++) {
            Month month = months.get(i);
            double expected = total * weights[i] / totalWeight;
            // a month the series covers for most of its days (the last ends two days before the as-of date)
            boolean covered = month.lastDay() - month.firstDay() + 1 >= MINIMUM_DAYS;
            if (!covered || expected < minimum) {
                continue;
            }
            judged++;
            double ratio = month.count() / expected;
            double allowed = tolerance + 1 / Math.sqrt(expected);
            double off = Math.abs(ratio - 1) / allowed;
            if (off > worst) {
                worst = off;
                if (off > 1) {
                    offending = String.format(Locale.ROOT, "%s has %d %s, expected %.0f ± %.0f%% from the seasonal and weekly weights",
                            month.month(), month.count(), what, expected, allowed * 100);
                }
            }
            if (perDayCap && offending == null) {
                double perDay = month.count() / (double) month.month().lengthOfMonth();
                double meanPerDay = total / (double) days(months);
                if (perDay > 2 * meanPerDay) {
                    offending = String.format(Locale.ROOT, "%s has %.1f %s per day, more than twice the mean %.1f", month.month(), perDay, what, meanPerDay);
                }
            }
            measured.append(measured.isEmpty() ? "" : " ").append(month.month()).append('=').append(month.count());
        }
        if (judged < 2) {
            return CheckResult.skipped(CheckGroup.DISTRIBUTIONS, name, table, "fewer than two covered months with at least " + minimum + " " + what + " expected");
        }
        String measuredText = String.format(Locale.ROOT, "%d months judged, worst at %.2f of its tolerance", judged, worst);
        String expectedText = String.format(Locale.ROOT, "each month within %.0f%% + 1 Poisson error of its weight's share", tolerance * 100);
        return CheckResult.of(offending == null, CheckGroup.DISTRIBUTIONS, name, table, measuredText, expectedText,
                "table " + table + ": " + offending + " (" + measured + ")", List.of());
    }

    private static int days(List<Month> months)
    {
        int days = 0;
        for (Month month : months) {
            days += month.lastDay() - month.firstDay() + 1;
        }
        return days;
    }

    /** DOMAIN.md's seasonal × weekly weight, times the growth, summed over the covered days of a month. */
    private static double weight(Month month, DatasetFacts facts)
    {
        double logGrowth = Math.log1p(facts.growthPerYear());
        long asOf = facts.asOf().toEpochDay();
        int monthOfYear = month.month().getMonthValue();
        double season = monthOfYear >= 10 ? 1.4 : monthOfYear >= 6 && monthOfYear <= 8 ? 0.8 : 1.0;
        double total = 0;
        for (int day = month.firstDay(); day <= month.lastDay(); day++) {
            LocalDate date = month.month().atDay(day);
            DayOfWeek weekday = date.getDayOfWeek();
            total += season * WEEKDAY[weekday.getValue()] * Math.exp(logGrowth * (date.toEpochDay() - asOf) / 365.2425);
        }
        return total;
    }

    private static int number(String text)
    {
        return (int) Double.parseDouble(text);
    }
}
