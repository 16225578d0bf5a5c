package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.scenario.JourneyRates;
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
    private boolean mailed;
    private boolean delivered;
    private boolean qrScanned;
    private boolean purlVisited;
    private boolean formSubmitted;
    private boolean leadCreated;
    private boolean callReceived;

    void compute(Platform platform, RowRandom random, CampaignFacts campaign, long recipient)
    {
        count = 0;
        if (!campaign.status.mailed()) {
            status = campaign.status == CampaignStatus.CANCELLED ? RecipientStatus.CANCELLED : RecipientStatus.PENDING;
            return;
        }
        drawDecisions(platform.rates, random, recipient);
        ActivityCalendar calendar = platform.calendar;
        long asOf = platform.asOfInstant;

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

    /**
     * Sets {@link #count} and {@link #status} only, as {@link #compute} would. A completed campaign's journeys end
     * before the as-of date by construction, so for its recipients the outcome follows from the decisions alone,
     * without drawing any time.
     */
    void computeOutcome(Platform platform, RowRandom random, CampaignFacts campaign, long recipient)
    {
        if (campaign.status != CampaignStatus.COMPLETED) {
            compute(platform, random, campaign, recipient);
            return;
        }
        drawDecisions(platform.rates, random, recipient);
        if (!mailed) {
            count = 0;
            status = RecipientStatus.SUPPRESSED;
            return;
        }
        if (!delivered) {
            count = 1;
            status = RecipientStatus.RETURNED;
            return;
        }
        boolean form = purlVisited && formSubmitted;
        boolean lead = form && leadCreated;
        int engagements = (qrScanned ? 1 : 0) + (purlVisited ? 1 : 0) + (form ? 1 : 0) + (lead ? 1 : 0) + (callReceived ? 1 : 0);
        count = 2 + engagements;
        status = lead ? RecipientStatus.CONVERTED : engagements > 0 ? RecipientStatus.ENGAGED : RecipientStatus.DELIVERED;
    }

    /** The journey's decisions, always the first draws of the recipient's stream, in this order. */
    private void drawDecisions(JourneyRates rates, RowRandom random, long recipient)
    {
        random.reset(Streams.JOURNEY, recipient);
        mailed = random.chance(rates.mailed());
        delivered = random.chance(rates.delivered());
        qrScanned = random.chance(rates.qrScanned());
        purlVisited = random.chance(rates.purlVisited());
        formSubmitted = random.chance(rates.formSubmittedPerVisit());
        leadCreated = random.chance(rates.leadPerForm());
        callReceived = random.chance(rates.callReceived());
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
