package dev.simdata.generate;

import dev.simdata.random.Mix;
import dev.simdata.time.ActivityCalendar;

/**
 * When campaigns are created and how their status follows from their dates, for one (scenario, seed, as-of date).
 * Immutable and thread-safe; computed once per {@link Platform}.
 *
 * <p>Every campaign, whatever its status, is created on a day drawn from one distribution: the seasonal and weekly
 * weights of DOMAIN.md times the business's growth ({@code (1 + growth_per_year)} per year, smoothly), over the
 * creation span. The span is the history window and {@value #LEAD_IN_DAYS} days before it, or the last
 * {@value #MIN_CREATION_SPAN_DAYS} days when that is shorter (a campaign needs about a month from creation to the end of its engagement, so a one-month
 * history could not otherwise hold completed campaigns). Creation quantiles are stratified: campaign {@code k} takes
 * quantile {@code (σ(k) + u) / n} for a fixed permutation σ of the campaign indices and a jitter {@code u} of its own,
 * so the months hold their weight's share of campaigns even at small scales.
 *
 * <p>Then the lifecycle: created → 7–21 days → mail date → 3–5 days → drop date, and a response window of
 * {@link #responseWindowDays} days after the drop. The status follows:
 * <ul>
 *   <li>a tenth of campaigns are drafts, abandoned whenever they were created: no dates, nothing mailed;</li>
 *   <li>a few are cancelled before their drop (they keep their planned mail date) or paused after it, at any time
 *       in the history; a pause that would come before the drop is not one, and the campaign follows its dates;</li>
 *   <li>the others are scheduled while their mail date is on or after the as-of date, active while their response
 *       window is still open at the as-of date, and completed once it has closed.</li>
 * </ul>
 * The response window and the shares of pauses and cancellations are solved from the creation weights so that the
 * mix is DOMAIN.md's (60% completed, 20% active, 10% draft, 10% scheduled, paused or cancelled) for any history; the
 * window is at least {@value #MIN_RESPONSE_WINDOW_DAYS} days, so a completed campaign's journeys are over.
 */
final class CampaignLifecycle
{
    static final int MIN_CREATION_SPAN_DAYS = 120;
    /**
     * Campaigns are also created in the weeks before the history window, so that its first month already has a
     * full month's mail and engagement (a campaign engages about a month after it is created).
     */
    static final int LEAD_IN_DAYS = 45;
    /**
     * Campaigns are planned for the season their mail lands in: the seasonal weight of a creation day is the one of
     * the day {@value} days later (the weekday weight is the creation day's own). Mail drops 10–26 days after creation
     * and engagement follows 3–19 days later, so engagement per month follows the seasons, while creation per month
     * stays within about a fifth of its own month's weight.
     */
    static final int PLANNING_LEAD_DAYS = 12;
    /** Delivery (at most 6 days) and engagement (at most 14) end within 20 days of the drop, and 2 more for time zones. */
    static final int MIN_RESPONSE_WINDOW_DAYS = CampaignFacts.ENGAGEMENT_WINDOW_DAYS + 2;
    static final int MIN_MAIL_DAYS = 7;
    static final int MAX_MAIL_DAYS = 21;
    static final int MIN_DROP_DAYS = 3;
    static final int MAX_DROP_DAYS = 5;
    static final double DRAFT_SHARE = 0.10;
    static final double ACTIVE_SHARE = 0.20;
    static final double OTHER_SHARE = 0.10;
    private static final double MIN_EXCEPTION_SHARE = 0.005;
    private static final double MAX_EXCEPTION_SHARE = 0.04;
    private static final double DAYS_PER_YEAR = 365.2425;

    private final int asOfDay;
    final int firstDay;
    final int lastDay;
    /** Cumulative creation weight of days firstDay … firstDay + i, normalised to end at 1. */
    private final double[] cumulative;
    final int responseWindowDays;
    final double pausedShare;
    final double cancelledShare;
    final double expectedScheduled;
    final double expectedActive;
    private final int campaigns;
    private final long creationA;
    private final long creationB;
    private final long fateA;
    private final long fateB;

    CampaignLifecycle(long seed, int campaigns, int windowStartDay, int asOfDay, double growthPerYear)
    {
        this.asOfDay = asOfDay;
        this.campaigns = campaigns;
        // the latest local day whose instants are all before the as-of instant in any time zone
        this.lastDay = asOfDay - 2;
        this.firstDay = Math.min(windowStartDay - LEAD_IN_DAYS, asOfDay - MIN_CREATION_SPAN_DAYS);
        int days = lastDay - firstDay + 1;
        this.cumulative = new double[days];
        double yearly = Math.log1p(growthPerYear);
        double total = 0;
        for (int i = 0; i < days; i++) {
            int day = firstDay + i;
            total += creationWeight(day, asOfDay, yearly);
            cumulative[i] = total;
        }
        for (int i = 0; i < days; i++) {
            cumulative[i] /= total;
        }
        double scheduled = 0;
        for (int i = 0; i < days; i++) {
            scheduled += weightOf(i) * shareMailingFrom(firstDay + i, asOfDay);
        }
        double exceptions = Math.max(MIN_EXCEPTION_SHARE, Math.min(MAX_EXCEPTION_SHARE, (OTHER_SHARE - (1 - DRAFT_SHARE) * scheduled) / 2));
        this.pausedShare = exceptions;
        this.cancelledShare = exceptions;
        // a pause before the drop is none: those campaigns follow their dates
        this.expectedScheduled = (1 - DRAFT_SHARE - cancelledShare) * scheduled;
        int window = MIN_RESPONSE_WINDOW_DAYS;
        double running = 1 - DRAFT_SHARE - cancelledShare - pausedShare;
        while (window < days && running * activeShare(window) < ACTIVE_SHARE) {
            window++;
        }
        this.responseWindowDays = window;
        this.expectedActive = running * activeShare(window);
        this.creationA = coprimeNear(campaigns, 0.6180339887498949);
        this.creationB = Long.remainderUnsigned(Mix.hash(seed, Mix.nameHash("creation-order")), campaigns);
        this.fateA = coprimeNear(campaigns, 0.41421356237309503);
        this.fateB = Long.remainderUnsigned(Mix.hash(seed, Mix.nameHash("campaign-fate")), campaigns);
    }

    /** The relative rate of campaign creation on a local day: seasonal × weekly × growth. */
    static double creationWeight(int day, int asOfDay, double logGrowthPerYear)
    {
        return ActivityCalendar.seasonalWeight(day + PLANNING_LEAD_DAYS) * ActivityCalendar.weekdayWeight(day)
                * Math.exp(logGrowthPerYear * (day - asOfDay) / DAYS_PER_YEAR);
    }

    /** The creation day of a campaign at stratified position {@code (order + jitter) / campaigns}. */
    int creationDay(int campaign, double jitter)
    {
        double quantile = (order(creationA, creationB, campaign) + jitter) / campaigns;
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > quantile) {
                high = middle;
            }
            else {
                low = middle + 1;
            }
        }
        return firstDay + low;
    }

    /** The fate of a campaign, stratified like its creation: DRAFT, CANCELLED, PAUSED, or COMPLETED for "runs". */
    CampaignStatus fate(int campaign, double jitter)
    {
        double position = (order(fateA, fateB, campaign) + jitter) / campaigns;
        if (position < DRAFT_SHARE) {
            return CampaignStatus.DRAFT;
        }
        if (position < DRAFT_SHARE + cancelledShare) {
            return CampaignStatus.CANCELLED;
        }
        if (position < DRAFT_SHARE + cancelledShare + pausedShare) {
            return CampaignStatus.PAUSED;
        }
        return CampaignStatus.COMPLETED;
    }

    /** The status of a campaign that runs (neither draft, cancelled nor paused), from its dates. */
    CampaignStatus statusOf(int mailDay, int dropDay)
    {
        return statusOf(mailDay, dropDay, asOfDay, responseWindowDays);
    }

    private static CampaignStatus statusOf(int mailDay, int dropDay, int asOfDay, int responseWindowDays)
    {
        if (mailDay >= asOfDay) {
            return CampaignStatus.SCHEDULED;
        }
        return dropDay + responseWindowDays > asOfDay ? CampaignStatus.ACTIVE : CampaignStatus.COMPLETED;
    }

    /** The expected share of campaigns with a status, for estimates (unit counts, plans). */
    double expectedShare(CampaignStatus status)
    {
        return switch (status) {
            case DRAFT -> DRAFT_SHARE;
            case CANCELLED -> cancelledShare;
            case PAUSED -> pausedShare;
            case SCHEDULED -> expectedScheduled;
            case ACTIVE -> expectedActive;
            case COMPLETED -> Math.max(0, 1 - DRAFT_SHARE - cancelledShare - pausedShare - expectedScheduled - expectedActive);
        };
    }

    /**
     * The share of its journeys' events an active campaign has on average by the as-of date: engagement runs from
     * about 3 to 17 days after the drop, and active campaigns dropped evenly from the response window's start to a few
     * days after the as-of date (those still mailing).
     */
    double activeJourneyShare()
    {
        return (responseWindowDays - 10.0) / (responseWindowDays + 5.0);
    }

    private double weightOf(int index)
    {
        return index == 0 ? cumulative[0] : cumulative[index] - cumulative[index - 1];
    }

    /** The probability that a campaign created on {@code day} mails on or after the as-of date. */
    private static double shareMailingFrom(int day, int asOfDay)
    {
        int late = 0;
        for (int toMail = MIN_MAIL_DAYS; toMail <= MAX_MAIL_DAYS; toMail++) {
            if (day + toMail >= asOfDay) {
                late++;
            }
        }
        return late / (double) (MAX_MAIL_DAYS - MIN_MAIL_DAYS + 1);
    }

    /** The share of running campaigns that have mailed before the as-of date with their response window still open. */
    private double activeShare(int window)
    {
        double share = 0;
        int combinations = (MAX_MAIL_DAYS - MIN_MAIL_DAYS + 1) * (MAX_DROP_DAYS - MIN_DROP_DAYS + 1);
        for (int i = Math.max(0, cumulative.length - window - MAX_MAIL_DAYS - MAX_DROP_DAYS - 1); i < cumulative.length; i++) {
            int day = firstDay + i;
            int open = 0;
            for (int toMail = MIN_MAIL_DAYS; toMail <= MAX_MAIL_DAYS; toMail++) {
                for (int toDrop = MIN_DROP_DAYS; toDrop <= MAX_DROP_DAYS; toDrop++) {
                    if (statusOf(day + toMail, day + toMail + toDrop, asOfDay, window) == CampaignStatus.ACTIVE) {
                        open++;
                    }
                }
            }
            share += weightOf(i) * open / combinations;
        }
        return share;
    }

    private long order(long a, long b, int campaign)
    {
        return (a * campaign + b) % campaigns;
    }

    /** A multiplier coprime with {@code n} near {@code n × fraction}, so that {@code (a·k + b) mod n} permutes 0 … n-1. */
    private static long coprimeNear(int n, double fraction)
    {
        long candidate = Math.max(1, Math.round(n * fraction));
        while (CampaignFacts.gcd(candidate, n) != 1) {
            candidate++;
        }
        return candidate;
    }
}
