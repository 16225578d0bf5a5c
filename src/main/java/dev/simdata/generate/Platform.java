package dev.simdata.generate;

import dev.simdata.random.Mix;
import dev.simdata.random.RowRandom;
import dev.simdata.random.Uuids;
import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.JourneyRates;
import dev.simdata.scenario.Scenario;
import dev.simdata.time.ActivityCalendar;
import dev.simdata.time.CivilTime;

import java.time.LocalDate;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The derived, read-only model of one (scenario, seed, as-of date): how parents and children relate, computed
 * arithmetically so that any row can find its parents without reading them. Thread-safe; holds O(campaigns)
 * memory and nothing per row.
 *
 * <ul>
 *   <li>client {@code c} belongs to organization {@code c % organizations};</li>
 *   <li>client {@code c} owns contacts {@code [contacts*c/clients, contacts*(c+1)/clients)};</li>
 *   <li>campaign {@code k} belongs to client {@code k % clients};</li>
 *   <li>campaign {@code k} owns recipients {@code [recipientStart(k), recipientStart(k+1))}, each a distinct
 *       contact of its client.</li>
 * </ul>
 */
final class Platform
{
    final GenerationSettings settings;
    final Scenario scenario;
    final long seed;
    final JourneyRates rates;
    final Features features;
    final ActivityCalendar calendar;
    private final Pools pools;
    /** The simulated "now" as an epoch day; its midnight UTC is {@link #asOfInstant}. */
    final int asOfDay;
    /** Every timestamp in the dataset is strictly before this epoch second. */
    final long asOfInstant;
    /** The first day of the history window (as-of date minus the history months). */
    final int windowStartDay;
    /** When campaigns are created and how their status follows from their dates. */
    final CampaignLifecycle lifecycle;

    private final long[] recipientStarts;
    final ClientChildren templates;
    final ClientChildren landingPages;
    final ClientChildren audiences;
    final UserRoster users;
    private final Incidents incidents;

    Platform(GenerationSettings settings)
    {
        this.settings = requireNonNull(settings, "settings is null");
        this.scenario = settings.scenario();
        this.seed = settings.seed();
        this.rates = settings.rates();
        this.features = scenario.features();
        LocalDate asOf = settings.asOf();
        this.asOfDay = (int) asOf.toEpochDay();
        this.asOfInstant = (long) asOfDay * CivilTime.SECONDS_PER_DAY;
        this.windowStartDay = (int) asOf.minusMonths(scenario.historyMonths()).toEpochDay();
        this.calendar = new ActivityCalendar(settings.zone(), asOfDay - 6 * 366, asOfDay + 120);
        this.lifecycle = new CampaignLifecycle(seed, scenario.campaigns(), windowStartDay, asOfDay, scenario.growthPerYear());
        this.pools = Pools.bundled();
        RowRandom random = random();
        this.templates = new ClientChildren(random, Streams.TEMPLATES_PER_CLIENT, scenario.clients(), 2, 5);
        this.landingPages = new ClientChildren(random, Streams.LANDING_PAGES_PER_CLIENT, scenario.clients(), 1, 3);
        this.audiences = new ClientChildren(random, Streams.AUDIENCES_PER_CLIENT, scenario.clients(), 2, 5);
        this.recipientStarts = planRecipients();
        this.users = new UserRoster(this);
        this.incidents = new Incidents(this, windowDays() * 24, PlatformActivityTables.ErrorLogsTable.SOURCE_COUNT);
    }

    /** The incidents of the history window, shared by error logs and metrics. */
    Incidents incidents()
    {
        return incidents;
    }

    /** The value pools (names, streets, places, companies). */
    Pools pools()
    {
        return pools;
    }

    /**
     * A new random stream holder for one thread. Every holder of a platform shares the same base, so that a value
     * drawn at (stream, key) is the same whichever holder draws it: children recompute parents exactly.
     */
    RowRandom random()
    {
        return new RowRandom(Mix.hash(seed, Streams.BASE));
    }

    /** The salt of {@code table}'s identifiers: {@code setId(row, column, tableSalt(table), key)} names its row {@code key}. */
    long tableSalt(Table table)
    {
        return Uuids.tableSalt(seed, table.schemaName);
    }

    // ---- organizations and clients

    int organizationOfClient(int client)
    {
        return client % scenario.organizations();
    }

    /** How many clients organization {@code organization} has. */
    int clientCount(int organization)
    {
        return (scenario.clients() - 1 - organization) / scenario.organizations() + 1;
    }

    /** The {@code ordinal}-th client of an organization. */
    int clientOf(int organization, int ordinal)
    {
        return organization + ordinal * scenario.organizations();
    }

    // ---- contacts

    long contactStart(int client)
    {
        return (long) scenario.contacts() * client / scenario.clients();
    }

    int contactCount(int client)
    {
        return (int) (contactStart(client + 1) - contactStart(client));
    }

    int clientOfContact(long contact)
    {
        return (int) (((contact + 1) * scenario.clients() - 1) / scenario.contacts());
    }

    // ---- campaigns and recipients

    int clientOfCampaign(int campaign)
    {
        return campaign % scenario.clients();
    }

    long recipientCount()
    {
        return recipientStarts[scenario.campaigns()];
    }

    long recipientStart(int campaign)
    {
        return recipientStarts[campaign];
    }

    int recipientsOf(int campaign)
    {
        return (int) (recipientStarts[campaign + 1] - recipientStarts[campaign]);
    }

    /** The campaign that recipient {@code recipient} belongs to. */
    int campaignOfRecipient(long recipient)
    {
        int found = Arrays.binarySearch(recipientStarts, recipient);
        if (found >= 0) {
            // the first campaign starting here that is not empty
            while (found < scenario.campaigns() && recipientStarts[found + 1] == recipient) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    /**
     * The share of recipients whose campaign has mailed by the as-of date: completed and paused campaigns in full;
     * active ones as far through their journeys as their response window says ({@link CampaignLifecycle#activeJourneyShare}).
     */
    double mailingCampaignShare()
    {
        return lifecycle.expectedShare(CampaignStatus.COMPLETED) + lifecycle.expectedShare(CampaignStatus.PAUSED)
                + lifecycle.activeJourneyShare() * lifecycle.expectedShare(CampaignStatus.ACTIVE);
    }

    /** The expected calls of a recipient's own per recipient, over all campaigns; zero without the call center. */
    double expectedOwnCallsPerRecipient()
    {
        if (!features.callCenter()) {
            return 0;
        }
        return mailingCampaignShare() * rates.mailed() * rates.delivered() * rates.callReceived();
    }

    /** The expected calls per recipient: recipients' own calls and unknown callers. */
    double expectedCallsPerRecipient()
    {
        return expectedOwnCallsPerRecipient() * (1 + Journey.UNKNOWN_CALLS_PER_RECIPIENT_CALL);
    }

    /**
     * The first day of the platform's campaign activity: the history window, or earlier where campaigns are created
     * before it (short histories, see {@link CampaignLifecycle}). Organizations, clients, contacts and templates
     * exist before it.
     */
    int activityStartDay()
    {
        return Math.min(windowStartDay, lifecycle.firstDay);
    }

    /** The days of the history window. */
    int windowDays()
    {
        return asOfDay - windowStartDay;
    }

    /** The expected gift cards per recipient of a campaign that mails: the product of the journey's rates. */
    double expectedGiftCardsPerRecipient()
    {
        if (!features.giftCardsIssued()) {
            return 0;
        }
        return rates.mailed() * rates.delivered() * rates.callReceived() * rates.callAnswered() * rates.smsOptedInPerAnswered() * rates.giftCardPerOptIn();
    }

    /** The audience campaign {@code campaign} mails: one of its client's, drawn with its size. */
    long audienceOfCampaign(RowRandom random, int campaign)
    {
        random.reset(Streams.CAMPAIGN_SIZE, campaign);
        random.nextDouble();
        int client = clientOfCampaign(campaign);
        return audiences.start(client) + random.nextInt(audiences.count(client));
    }

    /** An audience's size: 80–100% of its client's contacts. */
    int audienceSize(RowRandom random, long audience)
    {
        random.reset(Streams.AUDIENCE, audience);
        int contacts = contactCount(audiences.clientOf(audience));
        return Math.max(1, (int) Math.round(contacts * (0.8 + 0.2 * random.nextDouble())));
    }

    private long[] planRecipients()
    {
        RowRandom random = random();
        int campaigns = scenario.campaigns();
        long[] starts = new long[campaigns + 1];
        for (int k = 0; k < campaigns; k++) {
            random.reset(Streams.CAMPAIGN_SIZE, k);
            int target = (int) Math.round(scenario.recipientsPerCampaign() * (0.8 + 0.4 * random.nextDouble()));
            int audience = audienceSize(random, audienceOfCampaign(random, k));
            int size = Math.max(1, Math.min(target, Math.min(audience, contactCount(clientOfCampaign(k)))));
            starts[k + 1] = starts[k] + size;
        }
        return starts;
    }
}
