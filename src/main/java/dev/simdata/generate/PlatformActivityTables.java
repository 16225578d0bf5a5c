package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;
import dev.simdata.time.ActivityCalendar;
import dev.simdata.time.CivilTime;

import java.util.List;

/**
 * The platform's own telemetry over the history window: metric time series per organization, users' feature usage
 * and application errors. Each row (or, for errors, each hour) is a pure function of its index.
 */
final class PlatformActivityTables
{
    private PlatformActivityTables() {}

    /** The first instant of the history window: midnight UTC of its first day. */
    private static long windowStart(Platform platform)
    {
        return (long) platform.windowStartDay * CivilTime.SECONDS_PER_DAY;
    }

    /**
     * The platform's load at an instant, 0 to about 1.3: the local hour's activity times the weekday's weight, so
     * series have a daily and a weekly shape.
     */
    private static double load(ActivityCalendar calendar, long instant)
    {
        long local = calendar.toLocal(instant);
        int day = (int) Math.floorDiv(local, CivilTime.SECONDS_PER_DAY);
        int hour = (int) (Math.floorMod(local, CivilTime.SECONDS_PER_DAY) / 3_600);
        return ActivityCalendar.hourActivity(hour) * ActivityCalendar.weekdayWeight(day);
    }

    /**
     * {@code performance_metrics}: for each organization, three metrics sampled every four hours (UTC) through the
     * window. Row {@code u} is metric {@code u % 3} of sample {@code u / 3}; samples run organization by
     * organization.
     */
    static final class PerformanceMetricsTable
            extends GeneratedTable
    {
        static final List<String> METRICS = List.of("active_users", "requests_per_minute", "p95_response_ms");
        static final int SAMPLES_PER_DAY = 6;
        private static final int SAMPLE_SECONDS = CivilTime.SECONDS_PER_DAY / SAMPLES_PER_DAY;

        PerformanceMetricsTable(Platform platform)
        {
            super(platform, Table.PERFORMANCE_METRICS);
        }

        private long samplesPerOrganization()
        {
            return (long) platform.windowDays() * SAMPLES_PER_DAY;
        }

        @Override
        public long unitCount()
        {
            return platform.scenario.organizations() * samplesPerOrganization() * METRICS.size();
        }

        @Override
        public Cursor open()
        {
            long organizationSalt = platform.tableSalt(Table.ORGANIZATIONS);
            double usersPerOrganization = (double) platform.scenario.users() / platform.scenario.organizations();
            return new OneRowCursor()
            {
                private final Row row = new Row(schema);
                private final RowRandom random = platform.random();
                private final int id = column(Column.ID);
                private final int organizationId = column(Column.ORGANIZATION_ID);
                private final int metricName = column(Column.METRIC_NAME);
                private final int value = column(Column.VALUE);
                private final int recordedAt = column(Column.RECORDED_AT);

                @Override
                public void emit(long unit, RowSink sink)
                {
                    int metric = (int) (unit % METRICS.size());
                    long sample = unit / METRICS.size();
                    int organization = (int) (sample / samplesPerOrganization());
                    long at = windowStart(platform) + (sample % samplesPerOrganization()) * SAMPLE_SECONDS;
                    double load = load(platform.calendar, at);
                    // each organization has its own size and speed, drawn once per series
                    random.reset(Streams.METRIC_SERIES, (long) organization * METRICS.size() + metric);
                    double scale = 0.7 + 0.6 * random.nextDouble();
                    random.reset(Streams.METRIC, unit);
                    double noise = 0.9 + 0.2 * random.nextDouble();
                    // an incident that hits the organization slows it down several times over
                    double slowdown = platform.incidents().hits((at - windowStart(platform)) / 3_600, organization) ? 4 + 2 * random.nextDouble() : 1;
                    double measured = switch (metric) {
                        case 0 -> usersPerOrganization * scale * (0.05 + 0.75 * load) * noise;
                        case 1 -> usersPerOrganization * scale * 14 * (0.05 + load) * noise;
                        default -> (140 + 160 * load) * scale * noise * slowdown;
                    };
                    setId(row, id, salt, unit);
                    setId(row, organizationId, organizationSalt, organization)
                            .setString(metricName, METRICS.get(metric))
                            .setDecimal(value, metric == 0 ? Math.round(measured) * 100 : Math.round(measured * 100))
                            .setTimestamp(recordedAt, at);
                    sink.accept(row);
                }
            };
        }
    }

    /**
     * {@code usage_analytics}: about a third of an event per user and day of history, each by a user who had
     * signed up, at a time drawn from the business-hours activity curve of the platform's time zone.
     */
    static final class UsageAnalyticsTable
            extends GeneratedTable
    {
        static final double EVENTS_PER_USER_DAY = 0.35;
        private static final WeightedChoice<String> STAFF_FEATURE = WeightedChoice.of(
                List.of("dashboard", "campaigns", "contacts", "audiences", "templates", "landing_pages", "call_center", "gift_cards", "reports", "settings"),
                0.18, 0.22, 0.12, 0.08, 0.07, 0.05, 0.12, 0.06, 0.08, 0.02);
        private static final WeightedChoice<String> CLIENT_FEATURE = WeightedChoice.of(
                List.of("dashboard", "campaigns", "reports", "gift_cards", "settings"), 0.45, 0.20, 0.28, 0.05, 0.02);
        private static final WeightedChoice<String> ACTION = WeightedChoice.of(
                List.of("view", "create", "update", "export", "delete"), 0.62, 0.14, 0.15, 0.06, 0.03);

        UsageAnalyticsTable(Platform platform)
        {
            super(platform, Table.USAGE_ANALYTICS);
        }

        @Override
        public long unitCount()
        {
            return Math.round((double) platform.scenario.users() * platform.windowDays() * EVENTS_PER_USER_DAY);
        }

        @Override
        public Cursor open()
        {
            long userSalt = platform.tableSalt(Table.USERS);
            long organizationSalt = platform.tableSalt(Table.ORGANIZATIONS);
            int organizations = platform.scenario.organizations();
            return new OneRowCursor()
            {
                private final Row row = new Row(schema);
                private final RowRandom random = platform.random();
                private final int id = column(Column.ID);
                private final int userId = column(Column.USER_ID);
                private final int organizationId = column(Column.ORGANIZATION_ID);
                private final int feature = column(Column.FEATURE);
                private final int action = column(Column.ACTION);
                private final int occurredAt = column(Column.OCCURRED_AT);

                @Override
                public void emit(long unit, RowSink sink)
                {
                    random.reset(Streams.USAGE, unit);
                    int user = random.nextInt(platform.scenario.users());
                    // the day first, so that usage per day follows the seasonal and weekly weights over the whole window
                    int day = platform.calendar.sampleDay(random, platform.windowStartDay, platform.asOfDay - 2);
                    // two days after sign-up, so that the local day never starts before it in any time zone; before
                    // that, the organization's owner (there from the start) is the one at work
                    if (day < CivilTime.epochDayOf(platform.users.createdAt(user)) + 2) {
                        user = user % organizations;
                    }
                    long at = platform.calendar.activityInstant(random, day);
                    WeightedChoice<String> features = platform.users.isStaff(user) ? STAFF_FEATURE : CLIENT_FEATURE;
                    setId(row, id, salt, unit);
                    setId(row, userId, userSalt, user);
                    setId(row, organizationId, organizationSalt, user % organizations)
                            .setString(feature, features.pick(random))
                            .setString(action, ACTION.pick(random))
                            .setTimestamp(occurredAt, at);
                    sink.accept(row);
                }
            };
        }
    }

    /**
     * {@code error_logs}: the unit is an hour of the window. Hours carry a low baseline (about 0.016 errors per
     * organization, following the seasonal weights) and the platform's {@link Incidents} carry twenty times that, and at least twelve an hour, from
     * one source.
     */
    static final class ErrorLogsTable
            extends GeneratedTable
    {
        static final double BASELINE_PER_ORGANIZATION_HOUR = 0.016;
        private static final int MAX_PER_HOUR = 255;
        private static final List<String> SOURCES = List.of("api", "web", "worker", "sms_gateway", "print_vendor", "payments");
        static final int SOURCE_COUNT = SOURCES.size();
        private static final WeightedChoice<Integer> BASELINE_SOURCE = WeightedChoice.of(List.of(0, 1, 2, 3, 4, 5), 0.30, 0.25, 0.20, 0.10, 0.08, 0.07);
        private static final WeightedChoice<String> BASELINE_SEVERITY = WeightedChoice.of(List.of("warning", "error", "critical"), 0.55, 0.40, 0.05);
        private static final WeightedChoice<String> INCIDENT_SEVERITY = WeightedChoice.of(List.of("warning", "error", "critical"), 0.10, 0.60, 0.30);
        private static final String[][] ERRORS = {
                {"API-429", "rate limit exceeded for client key", "API-500", "unhandled exception in request handler", "API-504", "upstream timeout after 30s"},
                {"WEB-401", "session expired during form submission", "WEB-500", "template rendering failed", "WEB-413", "uploaded contact list too large"},
                {"JOB-101", "audience refresh job exceeded its time limit", "JOB-205", "retrying failed export batch", "JOB-310", "dead letter queue growing"},
                {"SMS-30003", "unreachable destination handset", "SMS-21610", "message blocked: recipient unsubscribed", "SMS-30008", "carrier rejected message"},
                {"PRN-12", "print vendor rejected proof", "PRN-40", "address file failed CASS validation", "PRN-55", "drop confirmation missing"},
                {"PAY-402", "gift card provider declined order", "PAY-409", "duplicate gift card order suppressed", "PAY-503", "payment gateway unavailable"}};

        private final double baseline;
        private final double incidentRate;
        private final Incidents incidents;
        /** The baseline of each day of the window: busier seasons log more errors, the mean stays {@link #baseline}. */
        private final double[] dailyBaseline;

        ErrorLogsTable(Platform platform)
        {
            super(platform, Table.ERROR_LOGS);
            this.baseline = BASELINE_PER_ORGANIZATION_HOUR * platform.scenario.organizations();
            this.incidentRate = Math.max(12, 20 * baseline);
            this.incidents = platform.incidents();
            int days = platform.windowDays();
            this.dailyBaseline = new double[days];
            double total = 0;
            for (int day = 0; day < days; day++) {
                dailyBaseline[day] = dev.simdata.time.ActivityCalendar.seasonalWeight(platform.windowStartDay + day);
                total += dailyBaseline[day];
            }
            for (int day = 0; day < days; day++) {
                dailyBaseline[day] *= baseline * days / total;
            }
        }

        @Override
        public long unitCount()
        {
            return (long) platform.windowDays() * 24;
        }

        @Override
        public boolean oneRowPerUnit()
        {
            return false;
        }

        @Override
        public long estimatedRows()
        {
            double expected = 0;
            for (int hour = 0; hour < unitCount(); hour++) {
                expected += rate(hour);
            }
            return Math.round(expected);
        }

        private double rate(int hour)
        {
            return incidents.at(hour) >= 0 ? incidentRate : dailyBaseline[hour / 24];
        }

        /** A Poisson draw by inversion: a few steps for the rates used here. */
        private static int poisson(RowRandom random, double mean)
        {
            double limit = Math.exp(-mean);
            double product = random.nextDouble();
            int count = 0;
            while (product > limit && count < MAX_PER_HOUR) {
                product *= random.nextDouble();
                count++;
            }
            return count;
        }

        @Override
        public Cursor open()
        {
            long organizationSalt = platform.tableSalt(Table.ORGANIZATIONS);
            return new Cursor()
            {
                private final Row row = new Row(schema);
                private final RowRandom random = platform.random();
                private final int id = column(Column.ID);
                private final int organizationId = column(Column.ORGANIZATION_ID);
                private final int severity = column(Column.SEVERITY);
                private final int source = column(Column.SOURCE);
                private final int errorCode = column(Column.ERROR_CODE);
                private final int message = column(Column.MESSAGE);
                private final int incident = column(Column.INCIDENT);
                private final int occurredAt = column(Column.OCCURRED_AT);

                @Override
                public int rowsIn(long unit)
                {
                    random.reset(Streams.ERROR, unit);
                    return poisson(random, rate((int) unit));
                }

                @Override
                public void emit(long unit, RowSink sink)
                {
                    int count = rowsIn(unit);
                    int during = incidents.at(unit);
                    long hourStart = windowStart(platform) + unit * 3_600;
                    for (int i = 0; i < count; i++) {
                        int from;
                        int organization;
                        if (during >= 0) {
                            from = incidents.source(during);
                            organization = incidents.organization(during);
                            row.setString(severity, INCIDENT_SEVERITY.pick(random));
                        }
                        else {
                            from = BASELINE_SOURCE.pick(random);
                            organization = random.chance(0.2) ? -1 : random.nextInt(platform.scenario.organizations());
                            row.setString(severity, BASELINE_SEVERITY.pick(random));
                        }
                        int kind = random.nextInt(ERRORS[from].length / 2);
                        setId(row, id, salt, unit * (MAX_PER_HOUR + 1) + i);
                        if (organization < 0) {
                            row.setNull(organizationId);
                        }
                        else {
                            setId(row, organizationId, organizationSalt, organization);
                        }
                        row.setString(source, SOURCES.get(from))
                                .setString(errorCode, ERRORS[from][2 * kind])
                                .setString(message, ERRORS[from][2 * kind + 1])
                                .setBoolean(incident, during >= 0)
                                .setTimestamp(occurredAt, hourStart + random.nextInt(3_600));
                        sink.accept(row);
                    }
                }
            };
        }
    }
}
