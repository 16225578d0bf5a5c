package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

import java.util.List;

/**
 * The call center: each campaign's tracked numbers, the calls on them (recipients' own and a fifth from unknown
 * numbers), the SMS opt-ins captured on answered calls and the reward conditions those calls meet. Calls come from
 * the recipients' journeys, so a call's recipient, time and outcome agree with the {@code events} table.
 */
final class CallCenterTables
{
    static final int KEYS_PER_CAMPAIGN = 4;
    /** Call keys: the recipient's own call, and the unknown caller about the recipient's piece. */
    static final int KEYS_PER_RECIPIENT = 4;
    private static final int OWN_CALL = 0;
    private static final int UNKNOWN_CALL = 1;
    private static final WeightedChoice<String> PROVIDER = WeightedChoice.of(List.of("twilio", "bandwidth", "vonage"), 0.60, 0.30, 0.10);
    /** Tracked numbers are released three months after a completed campaign's drop. */
    private static final int RELEASE_AFTER_DAYS = 90;

    private CallCenterTables() {}

    static long numberKey(int campaign, int number)
    {
        return (long) campaign * KEYS_PER_CAMPAIGN + number;
    }

    static long ownCallKey(long recipient)
    {
        return recipient * KEYS_PER_RECIPIENT + OWN_CALL;
    }

    /**
     * The number a recipient calls from: the contact's phone on file, or another number when the contact has none.
     */
    static void callerNumber(RowRandom random, long recipient, long contact, char[] digits)
    {
        if (!PhoneNumbers.contactPhone(random, contact, digits)) {
            random.reset(Streams.CALL, ownCallKey(recipient));
            PhoneNumbers.randomNumber(random, digits);
        }
    }

    /** {@code tracked_phone_numbers}: one or two per campaign, provisioned when it is created. */
    static final class TrackedPhoneNumbersTable
            extends PerCampaignTable
    {
        TrackedPhoneNumbersTable(Platform platform)
        {
            super(platform, Table.TRACKED_PHONE_NUMBERS);
        }

        @Override
        double expectedRowsPerCampaign()
        {
            return 1.2;
        }

        @Override
        public Cursor open()
        {
            return new Cursor()
            {
                private final Row row = new Row(schema);
                private final RowRandom random = platform.random();
                private final CampaignFacts campaign = new CampaignFacts();
                private final char[] digits = new char[PhoneNumbers.LENGTH];
                private final int id = column(Column.ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int phoneNumber = column(Column.PHONE_NUMBER);
                private final int provider = column(Column.PROVIDER);
                private final int status = column(Column.STATUS);
                private final int provisionedAt = column(Column.PROVISIONED_AT);
                private final int releasedAt = column(Column.RELEASED_AT);

                @Override
                public int rowsIn(long unit)
                {
                    return CampaignFacts.trackedNumberCount(random, (int) unit);
                }

                @Override
                public void emit(long unit, RowSink sink)
                {
                    int index = (int) unit;
                    campaign.compute(platform, random, index);
                    setId(row, campaignId, campaignSalt, index);
                    int releaseDay = campaign.dropDay + RELEASE_AFTER_DAYS;
                    boolean released = campaign.status == CampaignStatus.COMPLETED && releaseDay + 1 < platform.asOfDay;
                    for (int i = 0; i < campaign.trackedNumbers; i++) {
                        long key = numberKey(index, i);
                        random.reset(Streams.PHONE_NUMBERS, key);
                        PhoneNumbers.trackedNumber(key, digits);
                        setId(row, id, salt, key)
                                .setString(phoneNumber, new String(digits))
                                .setString(provider, PROVIDER.pick(random))
                                .setTimestamp(provisionedAt, Math.min(campaign.createdAt + random.between(300, 7_200), platform.asOfInstant - 1));
                        if (released) {
                            row.setString(status, "released").setTimestamp(releasedAt, platform.calendar.activityInstant(random, releaseDay));
                        }
                        else {
                            row.setString(status, "active").setNull(releasedAt);
                        }
                        sink.accept(row);
                    }
                }
            };
        }
    }

    /**
     * {@code call_sessions}: per recipient, its own call (the journey's {@code call_received}) and, now and then, a
     * call about its piece from a number that matches no recipient; in time order.
     */
    static final class CallSessionsTable
            extends PerRecipientTable
    {
        CallSessionsTable(Platform platform)
        {
            super(platform, Table.CALL_SESSIONS);
        }

        @Override
        double expectedRowsPerRecipient()
        {
            return platform.expectedCallsPerRecipient();
        }

        @Override
        public Cursor open()
        {
            long numberSalt = platform.tableSalt(Table.TRACKED_PHONE_NUMBERS);
            long userSalt = platform.tableSalt(Table.USERS);
            return new RecipientRows()
            {
                private final RowRandom random = platform.random();
                private final char[] digits = new char[PhoneNumbers.LENGTH];
                private final int id = column(Column.ID);
                private final int numberId = column(Column.TRACKED_PHONE_NUMBER_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int agentId = column(Column.AGENT_USER_ID);
                private final int callerNumber = column(Column.CALLER_NUMBER);
                private final int startedAt = column(Column.STARTED_AT);
                private final int answered = column(Column.ANSWERED);
                private final int duration = column(Column.DURATION_SECONDS);
                private final int outcome = column(Column.OUTCOME);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    return (journey.hasCall ? 1 : 0) + (journey.hasUnknownCall ? 1 : 0);
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    setId(row, campaignId, campaignSalt, campaign.index);
                    boolean unknownFirst = journey.hasUnknownCall && (!journey.hasCall || journey.unknownCall.startedAt < journey.call.startedAt);
                    if (unknownFirst) {
                        emitUnknown(recipient, journey, campaign, sink);
                    }
                    if (journey.hasCall) {
                        callerNumber(random, recipient, campaign.contactOf(position), digits);
                        setId(row, recipientId, recipientSalt, recipient);
                        emitCall(sink, recipient * KEYS_PER_RECIPIENT + OWN_CALL, campaign, journey.call);
                    }
                    if (journey.hasUnknownCall && !unknownFirst) {
                        emitUnknown(recipient, journey, campaign, sink);
                    }
                }

                private void emitUnknown(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    random.reset(Streams.CALL, recipient * KEYS_PER_RECIPIENT + UNKNOWN_CALL);
                    PhoneNumbers.randomNumber(random, digits);
                    row.setNull(recipientId);
                    emitCall(sink, recipient * KEYS_PER_RECIPIENT + UNKNOWN_CALL, campaign, journey.unknownCall);
                }

                private void emitCall(RowSink sink, long key, CampaignFacts campaign, Call call)
                {
                    setId(row, id, salt, key);
                    setId(row, numberId, numberSalt, numberKey(campaign.index, call.number));
                    if (call.answered) {
                        setId(row, agentId, userSalt, call.agent);
                    }
                    else {
                        row.setNull(agentId);
                    }
                    row.setString(callerNumber, new String(digits))
                            .setTimestamp(startedAt, call.startedAt)
                            .setBoolean(answered, call.answered)
                            .setLong(duration, call.durationSeconds)
                            .setString(outcome, call.outcomeLabel());
                    sink.accept(row);
                }
            };
        }
    }

    /** {@code sms_opt_ins}: one per recipient who opted in on their answered call, during it. */
    static final class SmsOptInsTable
            extends PerRecipientTable
    {
        SmsOptInsTable(Platform platform)
        {
            super(platform, Table.SMS_OPT_INS);
        }

        @Override
        double expectedRowsPerRecipient()
        {
            return platform.expectedOwnCallsPerRecipient()
                    * platform.rates.callAnswered() * platform.rates.smsOptedInPerAnswered();
        }

        @Override
        public Cursor open()
        {
            long callSalt = platform.tableSalt(Table.CALL_SESSIONS);
            return new RecipientRows()
            {
                private final RowRandom random = platform.random();
                private final char[] digits = new char[PhoneNumbers.LENGTH];
                private final int id = column(Column.ID);
                private final int callId = column(Column.CALL_SESSION_ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int phoneNumber = column(Column.PHONE_NUMBER);
                private final int consentMethod = column(Column.CONSENT_METHOD);
                private final int optedInAt = column(Column.OPTED_IN_AT);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    return journey.hasOptIn ? 1 : 0;
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    if (!journey.hasOptIn) {
                        return;
                    }
                    callerNumber(random, recipient, campaign.contactOf(position), digits);
                    random.reset(Streams.CALL, recipient * KEYS_PER_RECIPIENT + 2);
                    setId(row, id, salt, recipient);
                    setId(row, callId, callSalt, ownCallKey(recipient));
                    setId(row, recipientId, recipientSalt, recipient);
                    setId(row, campaignId, campaignSalt, campaign.index)
                            .setString(phoneNumber, new String(digits))
                            .setString(consentMethod, random.chance(0.85) ? "verbal" : "keypad")
                            .setTimestamp(optedInAt, journey.optInAt);
                    sink.accept(row);
                }
            };
        }
    }

    /**
     * {@code call_conditions_met}: an answered call meets its campaign's {@code call_received} condition, and an
     * opt-in on it meets the campaign's {@code sms_opted_in} condition, if it has one.
     */
    static final class CallConditionsMetTable
            extends PerRecipientTable
    {
        /** The chance that a campaign's conditions include {@code sms_opted_in}; see {@link RewardTables}. */
        private static final double SMS_CONDITION_SHARE = 0.30 * 0.25 + 0.15 * 0.50;

        CallConditionsMetTable(Platform platform)
        {
            super(platform, Table.CALL_CONDITIONS_MET);
        }

        @Override
        double expectedRowsPerRecipient()
        {
            double answered = platform.expectedOwnCallsPerRecipient() * platform.rates.callAnswered();
            return answered * (1 + SMS_CONDITION_SHARE * platform.rates.smsOptedInPerAnswered());
        }

        @Override
        public Cursor open()
        {
            long callSalt = platform.tableSalt(Table.CALL_SESSIONS);
            long conditionSalt = platform.tableSalt(Table.CAMPAIGN_CONDITIONS);
            return new RecipientRows()
            {
                private final RowRandom random = platform.random();
                private final RewardTables.CampaignRewards rewards = new RewardTables.CampaignRewards();
                private int rewardsOf = -1;
                private final int id = column(Column.ID);
                private final int callId = column(Column.CALL_SESSION_ID);
                private final int conditionId = column(Column.CAMPAIGN_CONDITION_ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int metAt = column(Column.MET_AT);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    if (!journey.hasAnsweredCall) {
                        return 0;
                    }
                    return 1 + (journey.hasOptIn && smsCondition(campaign.index) > 0 ? 1 : 0);
                }

                /** The sequence of the campaign's sms_opted_in condition, or -1. */
                private int smsCondition(int campaign)
                {
                    if (rewardsOf != campaign) {
                        rewards.compute(random, campaign);
                        rewardsOf = campaign;
                    }
                    for (int i = 1; i < rewards.count; i++) {
                        if (rewards.types[i].equals("sms_opted_in")) {
                            return i;
                        }
                    }
                    return -1;
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    if (!journey.hasAnsweredCall) {
                        return;
                    }
                    setId(row, callId, callSalt, ownCallKey(recipient));
                    setId(row, recipientId, recipientSalt, recipient);
                    random.reset(Streams.CALL, recipient * KEYS_PER_RECIPIENT + 3);
                    long met = Math.min(journey.call.startedAt + random.between(10, 60), platform.asOfInstant - 1);
                    emitCondition(sink, recipient, campaign.index, 0, met);
                    int sms = smsCondition(campaign.index);
                    if (journey.hasOptIn && sms > 0) {
                        emitCondition(sink, recipient, campaign.index, sms, journey.optInAt);
                    }
                }

                private void emitCondition(RowSink sink, long recipient, int campaign, int sequence, long at)
                {
                    setId(row, id, salt, recipient * RewardTables.KEYS_PER_CAMPAIGN + sequence);
                    setId(row, conditionId, conditionSalt, RewardTables.key(campaign, sequence))
                            .setTimestamp(metAt, at);
                    sink.accept(row);
                }
            };
        }
    }
}
