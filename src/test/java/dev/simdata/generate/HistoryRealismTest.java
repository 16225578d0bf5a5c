package dev.simdata.generate;

import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Realism over the whole history (issue 13): a steady seasonal business, not a pile-up before the as-of date.
 * Measured straight from the generators; each test prints its monthly table, so a failure shows the shape.
 */
class HistoryRealismTest
{
    /** 36 months of history with 1,500 small campaigns: about 40 created a month. */
    static final Scenario THREE_YEARS = new Scenario("history_36", "three years", 10, 60, 100, 20_000, 1_500, 20, 36, Features.ALL);

    @Test
    void loadTestFollowsTheSeasonsOverTheWholeHistory()
    {
        assertSteadySeasonalBusiness(Scenario.LOAD_TEST);
    }

    @Test
    void analyticsFollowsTheSeasonsOverTheWholeHistory()
    {
        assertSteadySeasonalBusiness(Scenario.ANALYTICS);
    }

    @Test
    void threeYearsFollowTheSeasons()
    {
        assertSteadySeasonalBusiness(THREE_YEARS);
    }

    private static void assertSteadySeasonalBusiness(Scenario scenario)
    {
        GenerationSettings settings = GenerationSettings.defaults(scenario);
        MonthlySeries series = MonthlySeries.of(settings, true);
        System.out.println(series.table());
        // campaigns created per day, by month: within 30% of the month's weight × the overall mean wherever a month
        // holds 30 or more; the first month, before the history window, is covered from its first campaign only
        double perWeight = series.campaigns / series.coveredWeight();
        double meanPerDay = series.campaigns / (double) series.coveredDays();
        int judged = 0;
        for (Map.Entry<YearMonth, long[]> entry : series.months.entrySet()) {
            long created = entry.getValue()[MonthlySeries.CREATED];
            if (created >= 30) {
                judged++;
                assertThat(created / (series.coveredWeight(entry.getKey()) * perWeight)).as(scenario.name() + " " + entry.getKey() + " created ÷ expected")
                        .isCloseTo(1.0, within(0.30));
            }
            assertThat(created / (double) series.coveredDays(entry.getKey())).as(scenario.name() + " " + entry.getKey() + " created per day")
                    .isLessThanOrEqualTo(2 * meanPerDay);
        }
        assertThat(judged).as("months with at least 30 campaigns").isGreaterThanOrEqualTo(Math.min(6, scenario.historyMonths()));
        // engagement per day, Q4 over June-August, inside the history window: DOMAIN.md's 1.4 / 0.8
        double engagement = series.q4OverSummer(MonthlySeries.ENGAGEMENT);
        System.out.println(scenario.name() + ": engagement per day Q4 / June-August " + engagement);
        assertThat(engagement).as(scenario.name() + " engagement Q4 / summer").isCloseTo(1.75, within(0.30));
        assertThat(series.q4OverSummer(MonthlySeries.MAILED)).as(scenario.name() + " pieces mailed Q4 / summer").isCloseTo(1.75, within(0.35));
        assertStatusMix(series);
    }

    @Test
    void everyDashboardSeriesFollowsTheSeasons()
    {
        // load_test's calls, gift cards issued and redeemed, mailing spend (by drop date), usage and the error
        // baseline, per day in Q4 over June-August of 2025 (DOMAIN.md: 1.75)
        GenerationSettings settings = GenerationSettings.defaults(Scenario.LOAD_TEST);
        List<TableSource> sources = Generators.sources(settings);
        java.time.ZoneId zone = settings.zone();
        Map<String, double[]> seasons = new java.util.LinkedHashMap<>();
        java.util.function.BiConsumer<String, long[]> count = (series, instantAndAmount) -> {
            java.time.LocalDate date = java.time.Instant.ofEpochSecond(instantAndAmount[0]).atZone(zone).toLocalDate();
            int month = date.getMonthValue();
            if (date.getYear() == 2025 && (month >= 10 || (month >= 6 && month <= 8))) {
                seasons.computeIfAbsent(series, key -> new double[2])[month >= 10 ? 0 : 1] += instantAndAmount[1];
            }
        };
        sum(sources, "call_sessions", "started_at", null, null, count);
        sum(sources, "gift_card_deliveries", "delivered_at", null, null, count);
        sum(sources, "gift_card_deliveries", "redeemed_at", null, null, count);
        sum(sources, "campaigns", "drop_date", "mailing_cost", null, count);
        sum(sources, "usage_analytics", "occurred_at", null, null, count);
        sum(sources, "error_logs", "occurred_at", null, "incident", count);
        seasons.forEach((series, counts) -> {
            double ratio = counts[0] / counts[1];
            System.out.println("load_test " + series + ": Q4 / June-August per day " + ratio + " (" + (long) counts[0] + " / " + (long) counts[1] + ")");
            // redemptions come up to four months after the card (half-life two weeks), so they lag the most
            assertThat(ratio).as(series + " Q4 / summer per day").isCloseTo(1.75, within(series.endsWith("redeemed_at") ? 0.40 : 0.35));
        });
        assertThat(seasons).hasSize(6);
    }

    /**
     * Adds each row's {@code amount} column (cents, or 1 when null) under "table.column" at the row's {@code column}
     * instant (a date column counts as its midday), skipping rows where {@code unless} is true.
     */
    private static void sum(List<TableSource> sources, String table, String column, String amount, String unless,
            java.util.function.BiConsumer<String, long[]> count)
    {
        TableSource source = GeneratedRows.source(sources, table);
        TableSchema schema = source.schema();
        int at = schema.columnIndex(column);
        boolean date = schema.fields().get(at).type() == dev.simdata.schema.FieldType.DATE;
        int value = amount == null ? -1 : schema.columnIndex(amount);
        int skip = unless == null ? -1 : schema.columnIndex(unless);
        GeneratedRows.forEach(source, row -> {
            if (row.isNull(at) || (skip >= 0 && row.longValue(skip) == 1)) {
                return;
            }
            long instant = date ? row.longValue(at) * 86_400 + 17 * 3_600 : row.longValue(at);
            count.accept(table + "." + column, new long[] {instant, value < 0 ? 1 : row.longValue(value)});
        });
    }

    @Test
    void statusMixHoldsForEveryPresetAndHistory()
    {
        List<Scenario> scenarios = new ArrayList<>(Scenario.PRESETS);
        for (int months : new int[] {1, 3, 12, 36}) {
            scenarios.add(new Scenario("history_" + months, "history of " + months + " months", 5, 50, 60, 5_000, 1_000, 5, months, Features.ALL));
        }
        for (Scenario scenario : scenarios) {
            MonthlySeries series = MonthlySeries.of(GenerationSettings.defaults(scenario), false);
            System.out.println(scenario.name() + " " + series.statuses + " response window "
                    + new Platform(GenerationSettings.defaults(scenario)).lifecycle.responseWindowDays + " days");
            assertStatusMix(series);
        }
    }

    /** DOMAIN.md's mix within ±5 points: 60% completed, 20% active, 10% draft, 10% scheduled, paused or cancelled. */
    private static void assertStatusMix(MonthlySeries series)
    {
        String name = series.settings.scenario().name();
        assertThat(series.share("completed")).as(name + " completed").isCloseTo(0.60, within(0.05));
        assertThat(series.share("active")).as(name + " active").isCloseTo(0.20, within(0.05));
        assertThat(series.share("draft")).as(name + " draft").isCloseTo(0.10, within(0.05));
        assertThat(series.share("scheduled") + series.share("paused") + series.share("cancelled")).as(name + " scheduled, paused or cancelled")
                .isCloseTo(0.10, within(0.05));
    }

    @Test
    void unmailedCampaignsMailNothingAndActiveOnesAreStillOpen()
    {
        GenerationSettings settings = GenerationSettings.defaults(Scenario.ANALYTICS);
        Platform platform = new Platform(settings);
        int window = platform.lifecycle.responseWindowDays;
        List<TableSource> sources = Generators.sources(settings);
        TableSource campaigns = GeneratedRows.source(sources, "campaigns");
        TableSchema schema = campaigns.schema();
        int status = schema.columnIndex("status");
        int drop = schema.columnIndex("drop_date");
        int pieces = schema.columnIndex("pieces_mailed");
        int[] counted = new int[2];
        GeneratedRows.forEach(campaigns, row -> {
            String value = row.string(status).toString();
            if (value.equals("draft") || value.equals("scheduled") || value.equals("cancelled")) {
                assertThat(row.longValue(pieces)).as(value + " campaign's pieces mailed").isZero();
                counted[0]++;
            }
            if (value.equals("active")) {
                // its response window is open: dropped (or dropping) within the window before the as-of date
                assertThat(row.longValue(drop) + window).isGreaterThan(platform.asOfDay);
                counted[1]++;
            }
        });
        assertThat(counted[0]).isGreaterThan(40);
        assertThat(counted[1]).isGreaterThan(80);
        // the window lies within the gift cards' redemption horizon (120 days), so an active campaign's journeys can
        // still move at the as-of date, and its tracked numbers are still live
        assertThat(window).isBetween(CampaignLifecycle.MIN_RESPONSE_WINDOW_DAYS, 120);
        TableSource numbers = GeneratedRows.source(sources, "tracked_phone_numbers");
        int campaignId = numbers.schema().columnIndex("campaign_id");
        int numberStatus = numbers.schema().columnIndex("status");
        Map<String, String> statusById = new java.util.HashMap<>();
        int id = schema.columnIndex("id");
        GeneratedRows.forEach(campaigns, row -> statusById.put(uuid(row, id), row.string(status).toString()));
        int[] activeNumbers = {0};
        GeneratedRows.forEach(numbers, row -> {
            if (statusById.get(uuid(row, campaignId)).equals("active")) {
                assertThat(row.string(numberStatus).toString()).isEqualTo("active");
                activeNumbers[0]++;
            }
        });
        assertThat(activeNumbers[0]).isGreaterThan(80);
    }

    @Test
    void growthPerYearRaisesActivitySmoothly()
    {
        Scenario growing = THREE_YEARS.withGrowthPerYear(1.0);
        MonthlySeries series = MonthlySeries.of(GenerationSettings.defaults(growing), false);
        System.out.println(series.table());
        // doubling every year: 2025 holds about twice 2024, and 2024 twice 2023 (same months, same weights)
        long[] years = new long[3];
        series.months.forEach((month, counts) -> {
            if (month.getYear() >= 2023 && month.getYear() <= 2025) {
                years[month.getYear() - 2023] += counts[MonthlySeries.CREATED];
            }
        });
        assertThat(years[2] / (double) years[1]).isCloseTo(2.0, within(0.15));
        assertThat(years[1] / (double) years[0]).isCloseTo(2.0, within(0.15));
        // smoothly: per unit of seasonal weight, each month holds about 2^(1/12) = 1.06 times the one before it
        YearMonth previous = null;
        for (YearMonth month : series.months.keySet()) {
            if (previous != null && month.getYear() >= 2023) {
                double ratio = (series.months.get(month)[MonthlySeries.CREATED] / series.coveredWeight(month))
                        / (series.months.get(previous)[MonthlySeries.CREATED] / series.coveredWeight(previous));
                assertThat(ratio).as(month + " over " + previous + " per weight").isBetween(0.80, 1.35);
            }
            previous = month;
        }
        assertStatusMix(series);
        MonthlySeries flat = MonthlySeries.of(GenerationSettings.defaults(THREE_YEARS), false);
        assertThat(flat.months.get(YearMonth.of(2025, 3))[MonthlySeries.CREATED] / (double) flat.months.get(YearMonth.of(2023, 3))[MonthlySeries.CREATED])
                .isCloseTo(1.0, within(0.2));
    }

    private static String uuid(dev.simdata.schema.Row row, int column)
    {
        return dev.simdata.random.Uuids.toString(row.uuidHigh(column), row.uuidLow(column));
    }
}
