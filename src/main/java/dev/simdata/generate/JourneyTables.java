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
            super(platform, "recipient_audit_log");
        }

        @Override
        double expectedRowsPerRecipient()
        {
            JourneyRates rates = platform.rates;
            double notEngaged = (1 - rates.qrScanned()) * (1 - rates.purlVisited()) * (1 - rates.callReceived());
            double converted = rates.purlVisited() * rates.leadCreatedPerVisit();
            double delivered = rates.delivered() * (2 + (1 - notEngaged) + converted);
            double mailed = rates.mailed() * (delivered + (1 - rates.delivered()) * 1.9) + (1 - rates.mailed());
            var status = CampaignFacts.STATUS;
            return platform.mailingCampaignShare() * mailed + status.probability(CampaignStatus.CANCELLED.ordinal());
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
                private final int id = column("id");
                private final int recipientId = column("recipient_id");
                private final int campaignId = column("campaign_id");
                private final int oldStatus = column("old_status");
                private final int newStatus = column("new_status");
                private final int changedBy = column("changed_by");
                private final int occurredAt = column("occurred_at");

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
            super(platform, "contact_campaign_participation");
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
            long contactSalt = platform.tableSalt("contacts");
            return new RecipientRows()
            {
                private final int id = column("id");
                private final int contactId = column("contact_id");
                private final int campaignId = column("campaign_id");
                private final int recipientId = column("recipient_id");
                private final int status = column("status");
                private final int eventCount = column("event_count");
                private final int engagementCount = column("engagement_count");
                private final int firstEngagedAt = column("first_engaged_at");
                private final int lastEngagedAt = column("last_engaged_at");
                private final int called = column("called");
                private final int smsOptedIn = column("sms_opted_in");
                private final int giftCardIssued = column("gift_card_issued");
                private final int converted = column("converted");

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
