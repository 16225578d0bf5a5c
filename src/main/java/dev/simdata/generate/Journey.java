package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.time.ActivityCalendar;

/**
 * One recipient's journey, recomputed from (seed, recipient index) and its campaign. A mutable holder, reused per
 * thread. Events are kept in causal time order and cut at the as-of instant: what has not happened yet is absent.
 */
final class Journey
{
    private static final int MAX_EVENTS = EventType.VALUES.length;
    /** Engagement comes 1–14 days after delivery, most of it early: a half-life of four days. */
    private static final double[] ENGAGEMENT_DECAY = ActivityCalendar.decay(14, 4.0);

    final EventType[] types = new EventType[MAX_EVENTS];
    final long[] times = new long[MAX_EVENTS];
    int count;
    RecipientStatus status;

    void compute(Platform platform, RowRandom random, CampaignFacts campaign, long recipient)
    {
        count = 0;
        if (!campaign.status.mailed()) {
            status = campaign.status == CampaignStatus.CANCELLED ? RecipientStatus.CANCELLED : RecipientStatus.PENDING;
            return;
        }
        JourneyRates rates = platform.rates;
        ActivityCalendar calendar = platform.calendar;
        long asOf = platform.asOfInstant;
        random.reset(Streams.JOURNEY, recipient);
        boolean mailed = random.chance(rates.mailed());
        boolean delivered = random.chance(rates.delivered());
        boolean qrScanned = random.chance(rates.qrScanned());
        boolean purlVisited = random.chance(rates.purlVisited());
        boolean formSubmitted = random.chance(rates.formSubmittedPerVisit());
        boolean leadCreated = random.chance(rates.leadPerForm());
        boolean callReceived = random.chance(rates.callReceived());

        if (!mailed) {
            status = RecipientStatus.SUPPRESSED;
            return;
        }
        long mailedAt = calendar.activityInstant(random, campaign.dropDay);
        if (mailedAt >= asOf) {
            status = RecipientStatus.PENDING;
            return;
        }
        add(EventType.MAILED, mailedAt);
        status = RecipientStatus.MAILED;
        int deliveryDay = deliveryDay(campaign.dropDay, random.between(2, 5));
        long deliveredAt = calendar.activityInstant(random, deliveryDay);
        if (!delivered) {
            if (campaign.dropDay + 7 < platform.asOfDay) {
                status = RecipientStatus.RETURNED;
            }
            return;
        }
        if (deliveredAt >= asOf) {
            return;
        }
        add(EventType.DELIVERED, deliveredAt);
        status = RecipientStatus.DELIVERED;
        int engagementStart = count;

        long qrAt = calendar.activityInstant(random, engagementDay(calendar, random, deliveryDay));
        long visitAt = calendar.activityInstant(random, engagementDay(calendar, random, deliveryDay));
        long formAt = visitAt + random.between(60, 1_200);
        long leadAt = formAt + random.between(300, 10_800);
        long callAt = calendar.callInstant(random, engagementDay(calendar, random, deliveryDay));
        if (qrScanned) {
            addBefore(EventType.QR_SCANNED, qrAt, asOf);
        }
        if (purlVisited && addBefore(EventType.PURL_VISITED, visitAt, asOf)
                && formSubmitted && addBefore(EventType.FORM_SUBMITTED, formAt, asOf)
                && leadCreated) {
            addBefore(EventType.LEAD_CREATED, leadAt, asOf);
        }
        if (callReceived) {
            addBefore(EventType.CALL_RECEIVED, callAt, asOf);
        }
        if (count > engagementStart) {
            status = RecipientStatus.ENGAGED;
            sortFrom(engagementStart);
        }
        for (int i = engagementStart; i < count; i++) {
            if (types[i] == EventType.LEAD_CREATED) {
                status = RecipientStatus.CONVERTED;
            }
        }
    }

    boolean has(EventType type)
    {
        for (int i = 0; i < count; i++) {
            if (types[i] == type) {
                return true;
            }
        }
        return false;
    }

    /** The postal service delivers Monday to Saturday: a piece due on a Sunday arrives on Monday. */
    static int deliveryDay(int dropDay, int transitDays)
    {
        int day = dropDay + transitDays;
        return dev.simdata.time.CivilTime.dayOfWeek(day) == 7 ? day + 1 : day;
    }

    private static int engagementDay(ActivityCalendar calendar, RowRandom random, int deliveryDay)
    {
        return calendar.sampleDayAfter(random, deliveryDay, 1, ENGAGEMENT_DECAY);
    }

    private void add(EventType type, long time)
    {
        types[count] = type;
        times[count] = time;
        count++;
    }

    private boolean addBefore(EventType type, long time, long asOf)
    {
        if (time >= asOf) {
            return false;
        }
        add(type, time);
        return true;
    }

    /** Insertion sort by (time, type): at most five elements. */
    private void sortFrom(int start)
    {
        for (int i = start + 1; i < count; i++) {
            EventType type = types[i];
            long time = times[i];
            int j = i - 1;
            while (j >= start && (times[j] > time || (times[j] == time && types[j].ordinal() > type.ordinal()))) {
                types[j + 1] = types[j];
                times[j + 1] = times[j];
                j--;
            }
            types[j + 1] = type;
            times[j + 1] = time;
        }
    }
}
