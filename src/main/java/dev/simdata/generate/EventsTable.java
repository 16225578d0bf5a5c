package dev.simdata.generate;

import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * {@code events}: each recipient's journey steps in causal time order. The unit is the recipient; an event's key
 * is (recipient, step), so its id never depends on how many events came before it.
 */
final class EventsTable
        extends GeneratedTable
{
    private static final int KEYS_PER_RECIPIENT = 16;

    EventsTable(Platform platform)
    {
        super(platform, "events");
    }

    @Override
    public long unitCount()
    {
        return platform.recipientCount();
    }

    @Override
    public boolean oneRowPerUnit()
    {
        return false;
    }

    /**
     * Recipients times the expected events of one: the funnel's expectation for a full journey, for the campaigns that
     * mailed (completed and paused in full; active ones are, on average, about four fifths through their journeys
     * at the as-of date).
     */
    @Override
    public long estimatedRows()
    {
        dev.simdata.scenario.JourneyRates rates = platform.rates;
        double optIns = rates.callReceived() * rates.callAnswered() * rates.smsOptedInPerAnswered() * (platform.features.callCenter() ? 1 : 0);
        double giftCards = optIns * rates.giftCardPerOptIn() * (platform.features.giftCardsIssued() ? 1 : 0);
        double engagement = rates.qrScanned() + rates.purlVisited() * (1 + rates.formSubmittedPerVisit() + rates.leadCreatedPerVisit()) + rates.callReceived()
                + optIns + giftCards * (1 + 0.9 * rates.giftCardRedeemed());
        double fullJourney = rates.mailed() * (1 + rates.delivered() * (1 + engagement));
        return Math.round(unitCount() * fullJourney * platform.mailingCampaignShare());
    }

    static long eventKey(long recipient, EventType type)
    {
        return recipient * KEYS_PER_RECIPIENT + type.ordinal();
    }

    @Override
    public Cursor open()
    {
        long recipientSalt = platform.tableSalt("recipients");
        long campaignSalt = platform.tableSalt("campaigns");
        return new Cursor()
        {
            private final Row row = new Row(schema);
            private final RecipientCursor cursor = new RecipientCursor(platform);
            private final int id = column("id");
            private final int recipientId = column("recipient_id");
            private final int campaignId = column("campaign_id");
            private final int eventType = column("event_type");
            private final int occurredAt = column("occurred_at");

            @Override
            public int rowsIn(long unit)
            {
                cursor.outcomeOf(unit);
                return cursor.journey.count;
            }

            @Override
            public void emit(long unit, RowSink sink)
            {
                cursor.journeyOf(unit);
                Journey journey = cursor.journey;
                int campaign = cursor.campaign.index;
                setId(row, recipientId, recipientSalt, unit);
                setId(row, campaignId, campaignSalt, campaign);
                for (int i = 0; i < journey.count; i++) {
                    long key = eventKey(unit, journey.types[i]);
                    setId(row, id, salt, key)
                            .setString(eventType, journey.types[i].label)
                            .setTimestamp(occurredAt, journey.times[i]);
                    sink.accept(row);
                }
            }
        };
    }
}
