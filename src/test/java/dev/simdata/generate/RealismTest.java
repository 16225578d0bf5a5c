package dev.simdata.generate;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import dev.simdata.time.CivilTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The realism rules of DOMAIN.md, measured on the load_test scenario (600,000 recipients, 1.2 million events)
 * straight from the generators, with statistical tolerances stated per check.
 */
class RealismTest
{
    private static final ZoneId ZONE = GenerationSettings.DEFAULT_ZONE;
    private static final long AS_OF = GenerationSettings.DEFAULT_AS_OF.toEpochDay() * CivilTime.SECONDS_PER_DAY;

    private static final Map<String, String> campaignStatus = new HashMap<>();
    private static final Map<String, Integer> campaignRecipients = new HashMap<>();
    private static final Map<String, Integer> campaignDrop = new HashMap<>();
    private static final Map<String, Long> recipientsByStatus = new HashMap<>();
    private static final Map<EventType, Long> completedEvents = new EnumMap<>(EventType.class);
    private static final long[] weekdayEvents = new long[8];
    private static long leadEvents;
    private static long callsInBusinessHours;
    private static long calls;
    private static long orderViolations;
    private static long completedRecipients;
    private static long completedWithEvents;

    @BeforeAll
    static void generate()
    {
        List<TableSource> sources = GeneratedRows.sources(Scenario.LOAD_TEST);
        TableSource campaigns = GeneratedRows.source(sources, "campaigns");
        TableSchema campaignSchema = campaigns.schema();
        int id = campaignSchema.columnIndex("id");
        int status = campaignSchema.columnIndex("status");
        int recipients = campaignSchema.columnIndex("recipient_count");
        int drop = campaignSchema.columnIndex("drop_date");
        GeneratedRows.forEach(campaigns, row -> {
            String key = uuid(row, id);
            campaignStatus.put(key, row.string(status).toString());
            campaignRecipients.put(key, (int) row.longValue(recipients));
            campaignDrop.put(key, row.isNull(drop) ? Integer.MIN_VALUE : (int) row.longValue(drop));
        });
        campaignStatus.forEach((key, value) -> {
            if (value.equals("completed")) {
                completedRecipients += campaignRecipients.get(key);
            }
        });

        TableSource recipientsTable = GeneratedRows.source(sources, "recipients");
        int recipientStatus = recipientsTable.schema().columnIndex("status");
        GeneratedRows.forEach(recipientsTable, row -> recipientsByStatus.merge(row.string(recipientStatus).toString(), 1L, Long::sum));

        TableSource events = GeneratedRows.source(sources, "events");
        TableSchema eventSchema = events.schema();
        int recipientId = eventSchema.columnIndex("recipient_id");
        int campaignId = eventSchema.columnIndex("campaign_id");
        int type = eventSchema.columnIndex("event_type");
        int occurredAt = eventSchema.columnIndex("occurred_at");
        TableSource.Cursor cursor = events.open();
        for (long recipient = 0; recipient < events.unitCount(); recipient++) {
            long[] previous = {Long.MIN_VALUE};
            long[] visitAt = {Long.MIN_VALUE};
            long[] formAt = {Long.MIN_VALUE};
            int[] position = {0};
            boolean[] completed = {false};
            cursor.emit(recipient, row -> {
                EventType eventType = EventType.valueOf(row.string(type).toString().toUpperCase(java.util.Locale.ROOT));
                long time = row.longValue(occurredAt);
                String campaign = uuid(row, campaignId);
                boolean inOrder = time >= previous[0] && time < AS_OF;
                inOrder &= position[0] != 0 || eventType == EventType.MAILED;
                inOrder &= position[0] != 1 || eventType == EventType.DELIVERED;
                ZonedDateTime local = Instant.ofEpochSecond(time).atZone(ZONE);
                if (eventType == EventType.MAILED) {
                    // mailed on the drop date, in the platform's time zone
                    inOrder &= local.toLocalDate().toEpochDay() == campaignDrop.get(campaign);
                }
                if (eventType == EventType.PURL_VISITED) {
                    visitAt[0] = time;
                }
                if (eventType == EventType.FORM_SUBMITTED) {
                    inOrder &= visitAt[0] != Long.MIN_VALUE && time > visitAt[0];
                    formAt[0] = time;
                }
                if (eventType == EventType.LEAD_CREATED) {
                    inOrder &= formAt[0] != Long.MIN_VALUE && time > formAt[0];
                }
                if (!inOrder) {
                    orderViolations++;
                }
                previous[0] = time;
                position[0]++;
                if (campaignStatus.get(campaign).equals("completed")) {
                    completed[0] = true;
                    completedEvents.merge(eventType, 1L, Long::sum);
                }
                if (eventType != EventType.MAILED && eventType != EventType.DELIVERED) {
                    weekdayEvents[local.getDayOfWeek().getValue()]++;
                }
                if (eventType == EventType.LEAD_CREATED) {
                    leadEvents++;
                }
                if (eventType == EventType.CALL_RECEIVED) {
                    calls++;
                    if (local.getHour() >= 9 && local.getHour() < 17) {
                        callsInBusinessHours++;
                    }
                }
            });
            if (completed[0]) {
                completedWithEvents++;
            }
        }
    }

    @Test
    void campaignStatusMixMatchesTheRules()
    {
        double total = campaignStatus.size();
        Map<String, Long> counts = new HashMap<>();
        campaignStatus.values().forEach(value -> counts.merge(value, 1L, Long::sum));
        // 1,000 campaigns: one standard deviation of a 60% share is 1.5 points; allow about three
        assertThat(counts.get("completed") / total).isCloseTo(0.60, within(0.05));
        assertThat(counts.get("active") / total).isCloseTo(0.20, within(0.04));
        assertThat(counts.get("draft") / total).isCloseTo(0.10, within(0.03));
        long others = counts.getOrDefault("scheduled", 0L) + counts.getOrDefault("paused", 0L) + counts.getOrDefault("cancelled", 0L);
        assertThat(others / total).isCloseTo(0.10, within(0.03));
    }

    @Test
    void funnelRatesHoldOnCompletedCampaigns()
    {
        double mailed = completedEvents.get(EventType.MAILED);
        double delivered = completedEvents.get(EventType.DELIVERED);
        double visits = completedEvents.get(EventType.PURL_VISITED);
        // hundreds of thousands of recipients: standard errors are below 0.2 points; tolerances are 1 point
        assertThat(mailed / completedRecipients).as("mailed / recipients").isCloseTo(0.95, within(0.01));
        assertThat(delivered / mailed).as("delivered / mailed").isCloseTo(0.85, within(0.01));
        assertThat(completedEvents.get(EventType.QR_SCANNED) / delivered).as("qr / delivered").isCloseTo(0.20, within(0.01));
        assertThat(visits / delivered).as("visits / delivered").isCloseTo(0.28, within(0.01));
        assertThat(completedEvents.get(EventType.CALL_RECEIVED) / delivered).as("calls / delivered").isCloseTo(0.35, within(0.01));
        assertThat(completedEvents.get(EventType.FORM_SUBMITTED) / visits).as("forms / visits").isCloseTo(0.12, within(0.01));
        assertThat(completedEvents.get(EventType.LEAD_CREATED) / visits).as("leads / visits").isCloseTo(0.10, within(0.01));
        assertThat(completedEvents.get(EventType.LEAD_CREATED)).isLessThan(completedEvents.get(EventType.FORM_SUBMITTED));
        assertThat(completedWithEvents).isLessThanOrEqualTo(completedRecipients);
    }

    @Test
    void recipientStatusesReflectTheJourney()
    {
        assertThat(recipientsByStatus.keySet()).contains("pending", "suppressed", "returned", "delivered", "engaged", "converted");
        long converted = recipientsByStatus.get("converted");
        // a recipient has at most one event of each type, so lead events count converted recipients
        assertThat(converted).isEqualTo(leadEvents);
    }

    @Test
    void eventsAreInCausalOrderAndBeforeTheAsOfDate()
    {
        assertThat(orderViolations).isZero();
    }

    @Test
    void statusAgreesWithDates()
    {
        List<TableSource> sources = GeneratedRows.sources(Scenario.LOAD_TEST);
        TableSource campaigns = GeneratedRows.source(sources, "campaigns");
        TableSchema schema = campaigns.schema();
        int status = schema.columnIndex("status");
        int created = schema.columnIndex("created_at");
        int mail = schema.columnIndex("mail_date");
        int drop = schema.columnIndex("drop_date");
        int asOfDay = (int) GenerationSettings.DEFAULT_AS_OF.toEpochDay();
        int window = new Platform(GenerationSettings.defaults(Scenario.LOAD_TEST)).lifecycle.responseWindowDays;
        assertThat(window).as("response window, days").isBetween(CampaignLifecycle.MIN_RESPONSE_WINDOW_DAYS, 120);
        GeneratedRows.forEach(campaigns, row -> {
            String value = row.string(status).toString();
            int createdDay = (int) Instant.ofEpochSecond(row.longValue(created)).atZone(ZONE).toLocalDate().toEpochDay();
            assertThat(row.longValue(created)).isLessThan(AS_OF);
            switch (value) {
                case "draft" -> assertThat(row.isNull(mail) && row.isNull(drop)).isTrue();
                case "cancelled" -> assertThat(row.isNull(drop)).isTrue();
                case "scheduled" -> assertThat(row.longValue(mail)).isGreaterThanOrEqualTo(asOfDay);
                // the response window: active while it is open at the as-of date, completed once it has closed
                case "completed" -> assertThat(row.longValue(drop) + window).isLessThanOrEqualTo(asOfDay);
                case "active" -> {
                    assertThat(row.longValue(mail)).isLessThan(asOfDay);
                    assertThat(row.longValue(drop) + window).isGreaterThan(asOfDay);
                }
                case "paused" -> assertThat(row.longValue(drop)).isLessThan(asOfDay);
                default -> throw new AssertionError(value);
            }
            if (!row.isNull(mail)) {
                assertThat(row.longValue(mail) - createdDay).isBetween(7L, 21L);
            }
            if (!row.isNull(drop)) {
                assertThat(row.longValue(drop) - row.longValue(mail)).isBetween(3L, 5L);
            }
        });
    }

    @Test
    void wednesdayCarriesAboutFourTimesSundayActivity()
    {
        // engagement (scans, visits, forms, leads, calls); deliveries follow the post (Monday to Saturday) instead
        double ratio = (double) weekdayEvents[3] / weekdayEvents[7];
        // weights 1.3 / 0.3 = 4.33; events cluster by campaign, so allow 20%
        assertThat(ratio).isCloseTo(4.33, within(0.87));
        assertThat((double) weekdayEvents[6] / weekdayEvents[3]).as("Saturday / Wednesday").isCloseTo(0.4 / 1.3, within(0.06));
        assertThat((double) weekdayEvents[1] / weekdayEvents[3]).as("Monday / Wednesday").isCloseTo(1.0 / 1.3, within(0.15));
    }

    @Test
    void callsHappenAlmostOnlyInBusinessHours()
    {
        assertThat(calls).isGreaterThan(50_000);
        assertThat((double) callsInBusinessHours / calls).isGreaterThan(0.93);
    }

    @Test
    void campaignCreationFollowsTheSeasons()
    {
        // 20,000 campaigns over a year, so that a month holds over a thousand: Q4 weighs 1.4, June-August 0.8
        Scenario large = new Scenario("seasons", "test", 15, 100, 600, 200_000, 20_000, 10, 12, dev.simdata.scenario.Features.ALL);
        TableSource campaigns = GeneratedRows.source(dev.simdata.generate.Generators.sources(GenerationSettings.defaults(large)), "campaigns");
        int created = campaigns.schema().columnIndex("created_at");
        long[] perMonth = new long[13];
        GeneratedRows.forEach(campaigns, row -> {
            LocalDate date = Instant.ofEpochSecond(row.longValue(created)).atZone(ZONE).toLocalDate();
            if (date.getYear() == 2025) {
                perMonth[date.getMonthValue()]++;
            }
        });
        // Every campaign, whatever its status, is created over the whole history (CampaignLifecycle); planning for
        // the season the mail lands in moves a few days' weight across month ends, well within the tolerance.
        // The expectation is DOMAIN.md's weights summed day by day (October 2025 has five Wednesdays).
        double octoberPerDay = perMonth[10] / 31.0;
        double summerPerDay = (perMonth[6] + perMonth[7] + perMonth[8]) / 92.0;
        double springPerDay = (perMonth[3] + perMonth[4] + perMonth[5]) / 92.0;
        double expectedOctober = domainWeight(10, 10) / 31.0;
        double expectedSummer = domainWeight(6, 8) / 92.0;
        double expectedSpring = domainWeight(3, 5) / 92.0;
        // about 1,000 campaigns a month: a standard error near 4% on a ratio of two months; allow 10%
        assertThat(octoberPerDay / summerPerDay).as("October / summer per day").isCloseTo(expectedOctober / expectedSummer, withinPercentage(10));
        assertThat(springPerDay / summerPerDay).as("spring / summer per day").isCloseTo(expectedSpring / expectedSummer, withinPercentage(10));
    }

    /** DOMAIN.md: Q4 1.4, June-August 0.8, else 1.0; Wednesday 1.3, Saturday 0.4, Sunday 0.3, others about 1.0. */
    private static double domainWeight(int fromMonth, int toMonth)
    {
        double[] weekday = {0, 1.0, 1.05, 1.3, 1.05, 0.95, 0.4, 0.3};
        double total = 0;
        for (LocalDate day = LocalDate.of(2025, fromMonth, 1); day.getMonthValue() <= toMonth && day.getYear() == 2025; day = day.plusDays(1)) {
            int month = day.getMonthValue();
            double season = month >= 10 ? 1.4 : (month >= 6 && month <= 8 ? 0.8 : 1.0);
            total += season * weekday[day.getDayOfWeek().getValue()];
        }
        return total;
    }

    private static String uuid(Row row, int column)
    {
        return dev.simdata.random.Uuids.toString(row.uuidHigh(column), row.uuidLow(column));
    }
}
