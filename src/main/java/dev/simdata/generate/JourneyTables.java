package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.scenario.JourneyRates;
import dev.simdata.schema.RowSink;

/**
 * The tables that summarise each recipient's journey: its status changes ({@code recipient_audit_log}) and its
 * engagement in the campaign ({@code contact_campaign_participation}).
 */
final class JourneyTables
{
    private JourneyTables() {}

    /**
     * {@code recipient_audit_log}: the status changes that lead to the recipient's status, in time order; the last
     * one's new status is the recipient's status. Pending recipients have none.
     */
    static final class RecipientAuditLogTable
            extends PerRecipientTable
    {
        private static final int KEYS_PER_RECIPIENT = 8;

        RecipientAuditLogTable(Platform platform)
        {
            super(platform, Table.RECIPIENT_AUDIT_LOG);
        }

        @Override
        double expectedRowsPerRecipient()
        {
            JourneyRates rates = platform.rates;
            double notEngaged = (1 - rates.qrScanned()) * (1 - rates.purlVisited()) * (1 - rates.callReceived());
            double converted = rates.purlVisited() * rates.leadCreatedPerVisit();
            double delivered = rates.delivered() * (2 + (1 - notEngaged) + converted);
            double mailed = rates.mailed() * (delivered + (1 - rates.delivered()) * 1.9) + (1 - rates.mailed());
            return platform.mailingCampaignShare() * mailed + platform.lifecycle.expectedShare(CampaignStatus.CANCELLED);
        }

        /** How many status changes lead to a status. */
        static int changesTo(RecipientStatus status)
        {
            return switch (status) {
                case PENDING -> 0;
                case CANCELLED, SUPPRESSED, MAILED -> 1;
                case RETURNED, DELIVERED -> 2;
                case ENGAGED -> 3;
                case CONVERTED -> 4;
            };
        }

        @Override
        public Cursor open()
        {
            return new RecipientRows()
            {
                private final RowRandom random = platform.random();
                private final int id = column(Column.ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int oldStatus = column(Column.OLD_STATUS);
                private final int newStatus = column(Column.NEW_STATUS);
                private final int changedBy = column(Column.CHANGED_BY);
                private final int occurredAt = column(Column.OCCURRED_AT);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    return changesTo(journey.status);
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    setId(row, recipientId, recipientSalt, recipient);
                    setId(row, campaignId, campaignSalt, campaign.index);
                    switch (journey.status) {
                        case PENDING -> {}
                        case CANCELLED -> {
                            // the whole campaign is cancelled at once, before its mail date
                            random.reset(Streams.AUDIT, -1 - campaign.index);
                            long until = Math.min((long) campaign.mailDay * 86_400L, platform.asOfInstant) - 1;
                            change(sink, recipient, RecipientStatus.PENDING, RecipientStatus.CANCELLED, "system", between(random, campaign.createdAt + 3_600, until));
                        }
                        case SUPPRESSED -> {
                            random.reset(Streams.AUDIT, recipient);
                            change(sink, recipient, RecipientStatus.PENDING, RecipientStatus.SUPPRESSED, "mail_vendor", platform.calendar.activityInstant(random, campaign.dropDay));
                        }
                        default -> {
                            change(sink, recipient, RecipientStatus.PENDING, RecipientStatus.MAILED, "mail_vendor", journey.times[0]);
                            if (journey.status == RecipientStatus.RETURNED) {
                                random.reset(Streams.AUDIT, recipient);
                                change(sink, recipient, RecipientStatus.MAILED, RecipientStatus.RETURNED, "postal_service",
                                        platform.calendar.activityInstant(random, Journey.returnedDay(campaign)));
                            }
                            if (journey.count > 1) {
                                change(sink, recipient, RecipientStatus.MAILED, RecipientStatus.DELIVERED, "postal_service", journey.times[1]);
                            }
                            if (journey.count > 2) {
                                String by = journey.types[2] == EventType.CALL_RECEIVED ? "call_center" : "tracking";
                                change(sink, recipient, RecipientStatus.DELIVERED, RecipientStatus.ENGAGED, by, journey.times[2]);
                            }
                            for (int i = 3; i < journey.count; i++) {
                                if (journey.types[i] == EventType.LEAD_CREATED) {
                                    change(sink, recipient, RecipientStatus.ENGAGED, RecipientStatus.CONVERTED, "tracking", journey.times[i]);
                                }
                            }
                        }
                    }
                }

                private void change(RowSink sink, long recipient, RecipientStatus from, RecipientStatus to, String by, long at)
                {
                    setId(row, id, salt, recipient * KEYS_PER_RECIPIENT + to.ordinal())
                            .setString(oldStatus, from.label)
                            .setString(newStatus, to.label)
                            .setString(changedBy, by)
                            .setTimestamp(occurredAt, at);
                    sink.accept(row);
                }
            };
        }
    }

    /**
     * {@code contact_campaign_participation}: one row per recipient (a contact is in a campaign at most once),
     * counted from its journey's events.
     */
    static final class ParticipationTable
            extends PerRecipientTable
    {
        ParticipationTable(Platform platform)
        {
            super(platform, Table.CONTACT_CAMPAIGN_PARTICIPATION);
        }

        @Override
        public boolean oneRowPerUnit()
        {
            return true;
        }

        @Override
        double expectedRowsPerRecipient()
        {
            return 1;
        }

        @Override
        public Cursor open()
        {
            long contactSalt = platform.tableSalt(Table.CONTACTS);
            return new RecipientRows()
            {
                private final int id = column(Column.ID);
                private final int contactId = column(Column.CONTACT_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int status = column(Column.STATUS);
                private final int eventCount = column(Column.EVENT_COUNT);
                private final int engagementCount = column(Column.ENGAGEMENT_COUNT);
                private final int firstEngagedAt = column(Column.FIRST_ENGAGED_AT);
                private final int lastEngagedAt = column(Column.LAST_ENGAGED_AT);
                private final int called = column(Column.CALLED);
                private final int smsOptedIn = column(Column.SMS_OPTED_IN);
                private final int giftCardIssued = column(Column.GIFT_CARD_ISSUED);
                private final int converted = column(Column.CONVERTED);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    return 1;
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    // a journey's events are mailed, delivered, then the engagements in time order
                    int engagements = Math.max(0, journey.count - 2);
                    setId(row, id, salt, recipient);
                    setId(row, contactId, contactSalt, campaign.contactOf(position));
                    setId(row, campaignId, campaignSalt, campaign.index);
                    setId(row, recipientId, recipientSalt, recipient)
                            .setString(status, journey.status.label)
                            .setLong(eventCount, journey.count)
                            .setLong(engagementCount, engagements)
                            .setBoolean(called, journey.hasCall)
                            .setBoolean(smsOptedIn, journey.hasOptIn)
                            .setBoolean(giftCardIssued, journey.hasGiftCard)
                            .setBoolean(converted, journey.status == RecipientStatus.CONVERTED);
                    if (engagements == 0) {
                        row.setNull(firstEngagedAt).setNull(lastEngagedAt);
                    }
                    else {
                        row.setTimestamp(firstEngagedAt, journey.times[2]).setTimestamp(lastEngagedAt, journey.times[journey.count - 1]);
                    }
                    sink.accept(row);
                }
            };
        }
    }
}
