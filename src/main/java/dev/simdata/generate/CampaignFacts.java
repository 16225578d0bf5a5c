package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.time.ActivityCalendar;

import java.util.List;

/**
 * Everything derived about one campaign, recomputed from (seed, campaign index) by every table that needs it.
 * A mutable holder, reused per thread: {@link #compute} overwrites every field.
 *
 * <p>Lifecycle: created → 7–21 days → mail date → 3–5 days → drop date (the mailed event) → 2–5 days →
 * delivery (never on a Sunday) → 1–14 days → engagement. The creation day and the status come from
 * {@link CampaignLifecycle}: every status is created over the whole history, and the status follows from the dates.
 */
final class CampaignFacts
{
    static final int NO_DATE = Integer.MIN_VALUE;
    /** Days from drop to the end of the engagement window: delivery at most 6 days (5, or a Sunday moved to Monday),
     * engagement at most 14. */
    static final int ENGAGEMENT_WINDOW_DAYS = 20;

    static final List<String> FORMATS = List.of("postcard", "letter", "brochure", "catalog", "self_mailer");
    static final WeightedChoice<String> FORMAT = WeightedChoice.of(FORMATS, 0.45, 0.25, 0.12, 0.04, 0.14);
    /** Print and postage cost per piece in cents, [min, max] per format. */
    private static final int[][] COST_PER_PIECE = {{55, 75}, {85, 110}, {110, 160}, {200, 300}, {70, 95}};
    private static final String[] THEMES = {
            "Spring Open House", "Refinance Offer", "Policy Review", "Service Reminder", "Grand Opening",
            "Seasonal Sale", "Win-Back", "New Mover Welcome", "Customer Appreciation", "Referral Drive",
            "Annual Checkup", "Trade-In Event", "Holiday Promotion", "Enrollment Drive", "Donor Appeal",
            "Free Consultation", "Loyalty Rewards", "Home Value Report", "Back to School", "Year-End Review"};
    static final int THEME_COUNT = THEMES.length;
    private static final String[] MONTHS = {
            "", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December"};

    int index;
    int client;
    long template;
    long landingPage;
    long audience;
    private RowRandom scratch;
    CampaignStatus status;
    int formatIndex;
    int themeIndex;
    long createdAt;
    int createdDay;
    /** Epoch day, or {@link #NO_DATE}. */
    int mailDay;
    /** Epoch day, or {@link #NO_DATE}. */
    int dropDay;
    int recipients;
    /** How many tracked phone numbers the campaign has: one, or two for a fifth of campaigns. */
    int trackedNumbers;
    long budgetCents;
    /** Print and postage cost of one piece, in cents. */
    long costPerPieceCents;
    /** The gift card earned on a call (the first reward configuration), in cents: zero without gift cards. */
    long rewardCents;
    /** That gift card's brand, an index into {@link RewardTables#BRANDS}. */
    int rewardBrand;
    private final RewardTables.CampaignRewards rewards = new RewardTables.CampaignRewards();
    long recipientStart;
    long contactStart;
    int contactCount;
    /** Recipient j of this campaign is contact {@code contactStart + (permutationA * j + permutationB) % contactCount}. */
    long permutationA;
    long permutationB;

    void compute(Platform platform, RowRandom random, int campaign)
    {
        ActivityCalendar calendar = platform.calendar;
        random.reset(Streams.CAMPAIGN, campaign);
        index = campaign;
        client = platform.clientOfCampaign(campaign);
        CampaignLifecycle lifecycle = platform.lifecycle;
        CampaignStatus fate = lifecycle.fate(campaign, random.nextDouble());
        template = platform.templates.start(client) + random.nextInt(platform.templates.count(client));
        landingPage = platform.landingPages.start(client) + random.nextInt(platform.landingPages.count(client));
        themeIndex = random.nextInt(THEMES.length);
        int toMail = random.between(CampaignLifecycle.MIN_MAIL_DAYS, CampaignLifecycle.MAX_MAIL_DAYS);
        int toDrop = random.between(CampaignLifecycle.MIN_DROP_DAYS, CampaignLifecycle.MAX_DROP_DAYS);
        createdDay = lifecycle.creationDay(campaign, random.nextDouble());
        mailDay = createdDay + toMail;
        dropDay = mailDay + toDrop;
        status = switch (fate) {
            case DRAFT -> CampaignStatus.DRAFT;
            case CANCELLED -> CampaignStatus.CANCELLED;
            // a pause comes after the drop: one planned before it is not (yet) a pause
            case PAUSED -> dropDay < platform.asOfDay ? CampaignStatus.PAUSED : lifecycle.statusOf(mailDay, dropDay);
            default -> lifecycle.statusOf(mailDay, dropDay);
        };
        if (status == CampaignStatus.DRAFT) {
            mailDay = NO_DATE;
            dropDay = NO_DATE;
        }
        else if (status == CampaignStatus.CANCELLED) {
            dropDay = NO_DATE;
        }
        createdAt = calendar.activityInstant(random, createdDay);
        if (scratch == null) {
            scratch = platform.random();
        }
        // the campaign prints its template, so it takes the template's format; it mails the audience it was sized on
        formatIndex = ClientAssetsTables.formatIndex(scratch, template);
        audience = platform.audienceOfCampaign(scratch, campaign);
        trackedNumbers = trackedNumberCount(scratch, campaign);
        recipientStart = platform.recipientStart(campaign);
        recipients = platform.recipientsOf(campaign);
        int[] cost = COST_PER_PIECE[formatIndex];
        costPerPieceCents = random.between(cost[0], cost[1]);
        double contingency = 1.10 + 0.20 * random.nextDouble();
        rewards.compute(scratch, campaign);
        rewardCents = platform.features.giftCards() ? rewards.amountCents[0] : 0;
        rewardBrand = rewards.brands[0];
        double expectedRewards = recipients * platform.expectedGiftCardsPerRecipient() * rewardCents;
        budgetCents = (long) Math.ceil((recipients * costPerPieceCents + expectedRewards) * contingency / 100.0) * 100;
        contactStart = platform.contactStart(client);
        contactCount = platform.contactCount(client);
        permutationB = contactCount == 1 ? 0 : random.nextLong(contactCount);
        permutationA = 1;
        for (int attempt = 0; attempt < 64 && contactCount > 1; attempt++) {
            long candidate = 1 + random.nextLong(contactCount - 1);
            if (gcd(candidate, contactCount) == 1) {
                permutationA = candidate;
                break;
            }
        }
    }

    static int trackedNumberCount(RowRandom random, int campaign)
    {
        random.reset(Streams.PHONE_NUMBERS, campaign);
        return random.chance(0.2) ? 2 : 1;
    }

    /** The contact of this campaign's {@code position}-th recipient: distinct for distinct positions. */
    long contactOf(int position)
    {
        return contactStart + (permutationA * position + permutationB) % contactCount;
    }

    static String theme(int index)
    {
        return THEMES[index];
    }

    String format()
    {
        return FORMATS.get(formatIndex);
    }

    /** A human name such as "Win-Back March 2025", from the theme and the creation month. */
    String name(StringBuilder buffer)
    {
        int ymd = dev.simdata.time.CivilTime.yearMonthDay(createdDay);
        buffer.setLength(0);
        buffer.append(THEMES[themeIndex]).append(' ').append(MONTHS[ymd / 100 % 100]).append(' ').append(ymd / 10_000);
        return buffer.toString();
    }

    static long gcd(long a, long b)
    {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
