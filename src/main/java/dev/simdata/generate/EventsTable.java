package dev.simdata.generate;

import dev.simdata.schema.RowSink;

/**
 * {@code events}: each recipient's journey steps in causal time order. The unit is the recipient; an event's key
 * is (recipient, step), so its id never depends on how many events came before it.
 */
final class EventsTable
        extends PerRecipientTable
{
    private static final int KEYS_PER_RECIPIENT = 16;

    EventsTable(Platform platform)
    {
        super(platform, Table.EVENTS);
    }

    /**
     * Recipients times the expected events of one: the funnel's expectation for a full journey, for the campaigns that
     * mailed (completed and paused in full; active ones are, on average, about four fifths through their journeys
     * at the as-of date).
     */
    @Override
    double expectedRowsPerRecipient()
    {
        dev.simdata.scenario.JourneyRates rates = platform.rates;
        double optIns = rates.callReceived() * rates.callAnswered() * rates.smsOptedInPerAnswered() * (platform.features.callCenter() ? 1 : 0);
        double giftCards = optIns * rates.giftCardPerOptIn() * (platform.features.giftCardsIssued() ? 1 : 0);
        double engagement = rates.qrScanned() + rates.purlVisited() * (1 + rates.formSubmittedPerVisit() + rates.leadCreatedPerVisit()) + rates.callReceived()
                + optIns + giftCards * (1 + 0.9 * rates.giftCardRedeemed());
        double fullJourney = rates.mailed() * (1 + rates.delivered() * (1 + engagement));
        return fullJourney * platform.mailingCampaignShare();
    }

    static long eventKey(long recipient, EventType type)
    {
        return recipient * KEYS_PER_RECIPIENT + type.ordinal();
    }

    @Override
    public Cursor open()
    {
        return new RecipientRows()
        {
            private final int id = column(Column.ID);
            private final int recipientId = column(Column.RECIPIENT_ID);
            private final int campaignId = column(Column.CAMPAIGN_ID);
            private final int eventType = column(Column.EVENT_TYPE);
            private final int occurredAt = column(Column.OCCURRED_AT);

            @Override
            int rowsIn(Journey journey, CampaignFacts campaign)
            {
                return journey.count;
            }

            @Override
            void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
            {
                setId(row, recipientId, recipientSalt, recipient);
                setId(row, campaignId, campaignSalt, campaign.index);
                for (int i = 0; i < journey.count; i++) {
                    setId(row, id, salt, eventKey(recipient, journey.types[i]))
                            .setString(eventType, journey.types[i].label)
                            .setTimestamp(occurredAt, journey.times[i]);
                    sink.accept(row);
                }
            }
        };
    }
}
