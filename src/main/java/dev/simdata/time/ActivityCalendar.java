package dev.simdata.time;

import dev.simdata.random.RowRandom;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

import static java.util.Objects.requireNonNull;

/**
 * The platform's calendar over a span of days: seasonal and weekly weights per day, hour-of-day weights in the
 * platform's time zone, and weighted sampling of days and instants. Immutable and thread-safe once built.
 *
 * <p>Seasonal: October–December weigh 1.4, June–August 0.8, other months 1.0. Weekly: Wednesday 1.3,
 * Saturday 0.4, Sunday 0.3, other weekdays about 1.0. Daily: business hours 9:00–17:00 carry most activity,
 * peaking at 10:00 and 14:00–15:00; calls happen almost only in business hours.
 */
public final class ActivityCalendar
{
    private static final double[] MONTH_WEIGHTS = {0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.8, 0.8, 0.8, 1.0, 1.4, 1.4, 1.4};
    private static final double[] WEEKDAY_WEIGHTS = {0, 1.0, 1.05, 1.3, 1.05, 0.95, 0.4, 0.3};
    private static final double MAX_WEEKDAY_WEIGHT = 1.3;

    /** Relative activity per local hour for general activity (campaign work, engagement, usage). */
    private static final double[] ACTIVITY_HOURS = {
            0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.0, 2.0, 4.0, 6.0, 5.0,
            4.0, 4.5, 6.0, 6.0, 4.5, 3.0, 2.0, 1.5, 1.2, 0.9, 0.6, 0.3};
    /** Relative activity per local hour for phone calls: almost only business hours. */
    private static final double[] CALL_HOURS = {
            0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.05, 0.3, 4.0, 7.0, 6.0,
            4.5, 5.0, 7.0, 7.0, 5.0, 0.4, 0.2, 0.1, 0.05, 0.02, 0.02, 0.02};

    public static final int BUSINESS_HOURS_START = 9;
    public static final int BUSINESS_HOURS_END = 17;

    private final ZoneId zone;
    private final int firstDay;
    private final double[] cumulativeDayWeights;
    private final int[] utcOffsetSeconds;
    /** True for the days whose UTC offset changes (daylight-saving transitions): those convert hour by hour. */
    private final boolean[] transitionDay;
    private final ZoneRules rules;
    private static final int HOUR_TABLE_SIZE = 4096;
    private final byte[] activityHours = lookupTable(ACTIVITY_HOURS);
    private final byte[] callHours = lookupTable(CALL_HOURS);

    /**
     * @param firstDay first epoch day covered (local dates)
     * @param lastDay last epoch day covered, inclusive
     */
    public ActivityCalendar(ZoneId zone, int firstDay, int lastDay)
    {
        this.zone = requireNonNull(zone, "zone is null");
        if (lastDay < firstDay) {
            throw new IllegalArgumentException("empty calendar");
        }
        this.firstDay = firstDay;
        int days = lastDay - firstDay + 1;
        this.cumulativeDayWeights = new double[days];
        this.utcOffsetSeconds = new int[days];
        this.transitionDay = new boolean[days];
        this.rules = zone.getRules();
        double total = 0;
        for (int i = 0; i < days; i++) {
            int day = firstDay + i;
            total += dayWeight(day);
            cumulativeDayWeights[i] = total;
            long localNoonAsUtc = (long) day * CivilTime.SECONDS_PER_DAY + 12 * 3600;
            utcOffsetSeconds[i] = rules.getOffset(Instant.ofEpochSecond(localNoonAsUtc)).getTotalSeconds();
            int startOfDay = rules.getOffset(Instant.ofEpochSecond(localNoonAsUtc - 12 * 3600 - utcOffsetSeconds[i])).getTotalSeconds();
            int endOfDay = rules.getOffset(Instant.ofEpochSecond(localNoonAsUtc + 12 * 3600 - utcOffsetSeconds[i])).getTotalSeconds();
            transitionDay[i] = startOfDay != utcOffsetSeconds[i] || endOfDay != utcOffsetSeconds[i];
        }
    }

    public ZoneId zone()
    {
        return zone;
    }

    public int firstDay()
    {
        return firstDay;
    }

    public int lastDay()
    {
        return firstDay + cumulativeDayWeights.length - 1;
    }

    /** Seasonal times weekly weight of a local date. */
    public static double dayWeight(int epochDay)
    {
        return MONTH_WEIGHTS[CivilTime.month(epochDay)] * WEEKDAY_WEIGHTS[CivilTime.dayOfWeek(epochDay)];
    }

    /** The seasonal weight of a local date: October–December 1.4, June–August 0.8, other months 1.0. */
    public static double seasonalWeight(int epochDay)
    {
        return MONTH_WEIGHTS[CivilTime.month(epochDay)];
    }

    /** The relative activity of a local hour (0–23): 1 at the daily peak. */
    public static double hourActivity(int hour)
    {
        return ACTIVITY_HOURS[hour] / 6.0;
    }

    /** The weekly weight of a local date: Wednesday 1.3, Saturday 0.4, Sunday 0.3, other weekdays about 1. */
    public static double weekdayWeight(int epochDay)
    {
        return WEEKDAY_WEIGHTS[CivilTime.dayOfWeek(epochDay)];
    }

    /** The local date and time of an instant in the platform's zone, as seconds since the local epoch. */
    public long toLocal(long epochSecond)
    {
        return epochSecond + zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
    }

    /** A local date in [from, to] (clamped to the calendar), weighted by season and weekday. */
    public int sampleDay(RowRandom random, int from, int to)
    {
        int low = Math.max(from, firstDay) - firstDay;
        int high = Math.min(to, lastDay()) - firstDay;
        if (high <= low) {
            return firstDay + Math.max(low, Math.min(high, cumulativeDayWeights.length - 1));
        }
        double before = low == 0 ? 0 : cumulativeDayWeights[low - 1];
        double target = before + random.nextDouble() * (cumulativeDayWeights[high] - before);
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeDayWeights[middle] > target) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return firstDay + low;
    }

    /**
     * The acceptance factors of a decay that favours early offsets: {@code 0.5^(k / halfLifeDays)} for
     * k = 0 … span - 1. Compute once, pass to {@link #sampleDayAfter}.
     */
    public static double[] decay(int span, double halfLifeDays)
    {
        double[] factors = new double[span];
        for (int k = 0; k < span; k++) {
            factors[k] = Math.pow(0.5, k / halfLifeDays);
        }
        return factors;
    }

    /**
     * A local date {@code start + offset} with offset in [minOffset, minOffset + decay.length - 1], weighted by
     * weekday and by {@code decay} (see {@link #decay}). Rejection sampling: a few draws on average.
     */
    public int sampleDayAfter(RowRandom random, int start, int minOffset, double[] decay)
    {
        for (int attempt = 0; attempt < 32; attempt++) {
            int k = random.nextInt(decay.length);
            int day = start + minOffset + k;
            double accept = WEEKDAY_WEIGHTS[CivilTime.dayOfWeek(day)] / MAX_WEEKDAY_WEIGHT * decay[k];
            if (random.nextDouble() < accept) {
                return day;
            }
        }
        return start + minOffset;
    }

    /** An instant (epoch second) on local date {@code day} at an hour drawn from the general activity curve. */
    public long activityInstant(RowRandom random, int day)
    {
        return instant(random, day, activityHours[random.nextInt(HOUR_TABLE_SIZE)]);
    }

    /** An instant on local date {@code day} at an hour drawn from the call-center curve. */
    public long callInstant(RowRandom random, int day)
    {
        return instant(random, day, callHours[random.nextInt(HOUR_TABLE_SIZE)]);
    }

    /** An instant on local date {@code day} at a uniformly drawn time within {@code hour}. */
    public long instant(RowRandom random, int day, int hour)
    {
        int secondOfDay = hour * 3600 + random.nextInt(3600);
        return localToEpochSecond(day, secondOfDay);
    }

    /**
     * The instant of a local date and time in the platform's zone. A time that a daylight-saving gap skips (2:30 on
     * the spring-forward day) moves forward by the gap, as {@link java.time.ZonedDateTime} does.
     */
    public long localToEpochSecond(int day, int secondOfDay)
    {
        int index = day - firstDay;
        if (index >= 0 && index < utcOffsetSeconds.length && !transitionDay[index]) {
            return (long) day * CivilTime.SECONDS_PER_DAY + secondOfDay - utcOffsetSeconds[index];
        }
        java.time.LocalDateTime local = java.time.LocalDate.ofEpochDay(day).atStartOfDay().plusSeconds(secondOfDay);
        return java.time.ZonedDateTime.ofLocal(local, zone, null).toEpochSecond();
    }

    /**
     * A table of {@link #HOUR_TABLE_SIZE} slots where each hour fills a share of slots proportional to its weight,
     * so that drawing an hour is one array read (weights are quantised to 1/4096).
     */
    private static byte[] lookupTable(double[] weights)
    {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        byte[] table = new byte[HOUR_TABLE_SIZE];
        double cumulative = 0;
        int slot = 0;
        for (int hour = 0; hour < weights.length; hour++) {
            cumulative += weights[hour];
            int end = hour == weights.length - 1 ? HOUR_TABLE_SIZE : (int) Math.round(cumulative / total * HOUR_TABLE_SIZE);
            while (slot < end) {
                table[slot++] = (byte) hour;
            }
        }
        return table;
    }
}
