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
    /** Gift cards are redeemed 1–120 days after they are issued, with a half-life of two weeks: most within 60. */
    private static final double[] REDEMPTION_DECAY = ActivityCalendar.decay(120, 14.0);
    /** Calls from numbers that match no recipient, per recipient call: a fifth of all calls. */
    static final double UNKNOWN_CALLS_PER_RECIPIENT_CALL = 0.25;

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
    private boolean callAnswered;
    private boolean smsOptedIn;
    private boolean giftCard;
    private boolean redeemed;
    private boolean unknownCaller;
    private boolean unknownAnswered;

    /** The recipient's call, when {@link #hasCall}; set by {@link #compute} only. */
    final Call call = new Call();
    /** A call about this recipient's mail piece from a number that matches no recipient, when {@link #hasUnknownCall}. */
    final Call unknownCall = new Call();
    // What has happened by the as-of date; set by both compute and computeOutcome.
    boolean hasCall;
    boolean hasAnsweredCall;
    boolean hasUnknownCall;
    boolean hasOptIn;
    boolean hasGiftCard;
    boolean hasRedemption;
    // Set by compute only.
    long optInAt;
    long giftCardAt;
    long redeemedAt;

    void compute(Platform platform, RowRandom random, CampaignFacts campaign, long recipient)
    {
        clear();
        if (!campaign.status.mailed()) {
            status = campaign.status == CampaignStatus.CANCELLED ? RecipientStatus.CANCELLED : RecipientStatus.PENDING;
            return;
        }
        drawDecisions(platform, random, recipient);
        ActivityCalendar calendar = platform.calendar;
        long asOf = platform.asOfInstant;

        if (!mailed) {
            // suppressed from the drop: until then the recipient is pending like the others
            status = campaign.dropDay + 1 < platform.asOfDay ? RecipientStatus.SUPPRESSED : RecipientStatus.PENDING;
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
            if (returned(platform, campaign)) {
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
        if (qrScanned) {
            addBefore(EventType.QR_SCANNED, qrAt, asOf);
        }
        if (purlVisited && addBefore(EventType.PURL_VISITED, visitAt, asOf)
                && formSubmitted && addBefore(EventType.FORM_SUBMITTED, formAt, asOf)
                && leadCreated) {
            addBefore(EventType.LEAD_CREATED, leadAt, asOf);
        }
        int callDay = engagementDay(calendar, random, deliveryDay);
        long callAt = calendar.callInstant(random, callDay);
        if (callReceived && addBefore(EventType.CALL_RECEIVED, callAt, asOf)) {
            hasCall = true;
            hasAnsweredCall = callAnswered;
            call.draw(platform, random, campaign, callAt, callAnswered, smsOptedIn);
            optInAt = callAt + random.between(20, Math.max(21, call.durationSeconds - 5));
            giftCardAt = optInAt + random.between(60, 1_800);
            long redemption = calendar.activityInstant(random, calendar.sampleDayAfter(random, callDay, 1, REDEMPTION_DECAY));
            redeemedAt = Math.max(redemption, giftCardAt + 3_600);
            hasOptIn = smsOptedIn && addBefore(EventType.SMS_OPTED_IN, optInAt, asOf);
            if (smsOptedIn && !hasOptIn) {
                // the call is still going on at the as-of date: by then it has only given information
                call.outcome = Call.INFORMATION;
            }
            hasGiftCard = hasOptIn && giftCard && addBefore(EventType.GIFT_CARD_ISSUED, giftCardAt, asOf);
            hasRedemption = hasGiftCard && redeemed && addBefore(EventType.GIFT_CARD_REDEEMED, redeemedAt, asOf);
        }
        if (unknownCaller) {
            long unknownAt = calendar.callInstant(random, engagementDay(calendar, random, deliveryDay));
            if (unknownAt < asOf) {
                hasUnknownCall = true;
                unknownCall.draw(platform, random, campaign, unknownAt, unknownAnswered, false);
            }
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
        drawDecisions(platform, random, recipient);
        if (callReceived && smsOptedIn && giftCard && redeemed) {
            // a redemption may come after the as-of date even for a completed campaign
            compute(platform, random, campaign, recipient);
            return;
        }
        clear();
        if (!mailed) {
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
        hasCall = callReceived;
        hasAnsweredCall = callReceived && callAnswered;
        hasUnknownCall = unknownCaller;
        hasOptIn = callReceived && smsOptedIn;
        hasGiftCard = hasOptIn && giftCard;
        int engagements = (qrScanned ? 1 : 0) + (purlVisited ? 1 : 0) + (form ? 1 : 0) + (lead ? 1 : 0) + (callReceived ? 1 : 0)
                + (hasOptIn ? 1 : 0) + (hasGiftCard ? 1 : 0);
        count = 2 + engagements;
        status = lead ? RecipientStatus.CONVERTED : engagements > 0 ? RecipientStatus.ENGAGED : RecipientStatus.DELIVERED;
    }

    /** No events and nothing that happened: the state every computation starts from. */
    private void clear()
    {
        count = 0;
        hasCall = false;
        hasAnsweredCall = false;
        hasUnknownCall = false;
        hasOptIn = false;
        hasGiftCard = false;
        hasRedemption = false;
    }

    /**
     * The journey's decisions, always the first draws of the recipient's stream, in this order. Switched-off
     * features still draw, so that switching one never changes another's data; they only mask the decision.
     */
    private void drawDecisions(Platform platform, RowRandom random, long recipient)
    {
        JourneyRates rates = platform.rates;
        random.reset(Streams.JOURNEY, recipient);
        mailed = random.chance(rates.mailed());
        delivered = random.chance(rates.delivered());
        qrScanned = random.chance(rates.qrScanned());
        purlVisited = random.chance(rates.purlVisited());
        formSubmitted = random.chance(rates.formSubmittedPerVisit());
        leadCreated = random.chance(rates.leadPerForm());
        callReceived = random.chance(rates.callReceived());
        callAnswered = random.chance(rates.callAnswered());
        smsOptedIn = random.chance(rates.smsOptedInPerAnswered()) && callAnswered && platform.features.callCenter();
        giftCard = random.chance(rates.giftCardPerOptIn()) && platform.features.giftCardsIssued();
        redeemed = random.chance(rates.giftCardRedeemed());
        unknownCaller = random.chance(rates.callReceived() * UNKNOWN_CALLS_PER_RECIPIENT_CALL) && platform.features.callCenter();
        unknownAnswered = random.chance(rates.callAnswered());
    }

    /** An undelivered piece comes back a week after the drop, if that is a day before the as-of date. */
    static boolean returned(Platform platform, CampaignFacts campaign)
    {
        return returnedDay(campaign) + 1 < platform.asOfDay;
    }

    static int returnedDay(CampaignFacts campaign)
    {
        return campaign.dropDay + 7;
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
