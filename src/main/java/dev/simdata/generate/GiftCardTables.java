package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.Uuids;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * Gift cards: each campaign that mails buys a batch of cards of its reward's brand and amount into its client's
 * inventory, a few days after it is created. Every card issued to a recipient comes from that batch; the rest stay
 * available. A card's status follows its delivery and redemption, and it is delivered at most once: the issued card
 * of recipient {@code r} is card {@code 2r} of the inventory.
 */
final class GiftCardTables
{
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private GiftCardTables() {}

    static long issuedCardKey(long recipient)
    {
        return recipient * 2;
    }

    static long spareCardKey(int campaign, int card)
    {
        return (((long) campaign << 24) | card) * 2 + 1;
    }

    /** A campaign's purchase of gift cards: when, and how many spare cards beyond those it issues. */
    static final class Batch
    {
        static final long NONE = Long.MIN_VALUE;
        long purchasedAt;
        int spareCards;

        void compute(Platform platform, RowRandom random, CampaignFacts campaign)
        {
            purchasedAt = NONE;
            spareCards = 0;
            if (campaign.status == CampaignStatus.DRAFT || !platform.features.giftCards()) {
                return;
            }
            random.reset(Streams.GIFT_CARD_BATCH, campaign.index);
            long at = platform.calendar.activityInstant(random, campaign.createdDay + random.between(1, 3));
            if (at >= platform.asOfInstant) {
                return;
            }
            purchasedAt = at;
            double expected = campaign.recipients * platform.expectedGiftCardsPerRecipient();
            spareCards = (int) Math.round(expected * (0.10 + 0.30 * random.nextDouble())) + random.between(2, 8);
        }
    }

    /**
     * {@code gift_card_inventory}: units below the recipient count are recipients (one card when they were issued
     * one); the units after them are campaigns (their spare cards).
     */
    static final class InventoryTable
            extends GeneratedTable
    {
        InventoryTable(Platform platform)
        {
            super(platform, Table.GIFT_CARD_INVENTORY);
        }

        @Override
        public long unitCount()
        {
            return platform.recipientCount() + platform.scenario.campaigns();
        }

        @Override
        public boolean oneRowPerUnit()
        {
            return false;
        }

        @Override
        public long estimatedRows()
        {
            double issued = platform.recipientCount() * platform.expectedGiftCardsPerRecipient() * platform.mailingCampaignShare();
            double spare = platform.recipientCount() * platform.expectedGiftCardsPerRecipient() * 0.25 + platform.scenario.campaigns() * 5.0;
            return Math.round(issued + (1 - platform.lifecycle.expectedShare(CampaignStatus.DRAFT)) * spare);
        }

        @Override
        public Cursor open()
        {
            long clientSalt = platform.tableSalt(Table.CLIENTS);
            long brandSalt = platform.tableSalt(Table.GIFT_CARD_BRANDS);
            long campaignSalt = platform.tableSalt(Table.CAMPAIGNS);
            long codeSalt = Uuids.tableSalt(platform.seed, "gift_card_codes");
            return new Cursor()
            {
                private final Row row = new Row(schema);
                private final RecipientCursor cursor = new RecipientCursor(platform);
                private final RowRandom random = platform.random();
                private final CampaignFacts campaign = new CampaignFacts();
                private final Batch batch = new Batch();
                private final char[] code = new char[19];
                private final int id = column(Column.ID);
                private final int clientId = column(Column.CLIENT_ID);
                private final int brandId = column(Column.GIFT_CARD_BRAND_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int denomination = column(Column.DENOMINATION);
                private final int cardCode = column(Column.CARD_CODE);
                private final int status = column(Column.STATUS);
                private final int purchasedAt = column(Column.PURCHASED_AT);

                @Override
                public int rowsIn(long unit)
                {
                    if (unit < platform.recipientCount()) {
                        cursor.outcomeOf(unit);
                        return cursor.journey.hasGiftCard ? 1 : 0;
                    }
                    campaign.compute(platform, random, (int) (unit - platform.recipientCount()));
                    batch.compute(platform, random, campaign);
                    return batch.spareCards;
                }

                @Override
                public void emit(long unit, RowSink sink)
                {
                    if (unit < platform.recipientCount()) {
                        cursor.outcomeOf(unit);
                        if (cursor.journey.hasGiftCard) {
                            CampaignFacts facts = cursor.campaign;
                            batch.compute(platform, random, facts);
                            card(facts, issuedCardKey(unit), cursor.journey.hasRedemption ? "redeemed" : "delivered");
                            sink.accept(row);
                        }
                        return;
                    }
                    int index = (int) (unit - platform.recipientCount());
                    campaign.compute(platform, random, index);
                    batch.compute(platform, random, campaign);
                    for (int i = 0; i < batch.spareCards; i++) {
                        card(campaign, spareCardKey(index, i), "available");
                        sink.accept(row);
                    }
                }

                /** One card of the campaign's batch, in the brand and amount of its call reward. */
                private void card(CampaignFacts facts, long key, String state)
                {
                    setId(row, id, salt, key);
                    setId(row, clientId, clientSalt, facts.client);
                    setId(row, brandId, brandSalt, facts.rewardBrand);
                    setId(row, campaignId, campaignSalt, facts.index)
                            .setDecimal(denomination, facts.rewardCents)
                            .setString(cardCode, cardCode(Uuids.low(codeSalt, key)))
                            .setString(status, state)
                            .setTimestamp(purchasedAt, batch.purchasedAt);
                }

                /** 16 hexadecimal digits in groups of four: distinct keys give distinct codes. */
                private String cardCode(long bits)
                {
                    int position = code.length;
                    for (int digit = 0; digit < 16; digit++) {
                        if (digit > 0 && digit % 4 == 0) {
                            code[--position] = '-';
                        }
                        code[--position] = HEX[(int) (bits & 15)];
                        bits >>>= 4;
                    }
                    return new String(code);
                }
            };
        }
    }

    /** {@code gift_card_deliveries}: the card issued to a recipient after their opt-in, and its redemption. */
    static final class DeliveriesTable
            extends PerRecipientTable
    {
        DeliveriesTable(Platform platform)
        {
            super(platform, Table.GIFT_CARD_DELIVERIES);
        }

        @Override
        double expectedRowsPerRecipient()
        {
            return platform.expectedGiftCardsPerRecipient() * platform.mailingCampaignShare();
        }

        @Override
        public Cursor open()
        {
            long inventorySalt = platform.tableSalt(Table.GIFT_CARD_INVENTORY);
            long configSalt = platform.tableSalt(Table.CAMPAIGN_REWARD_CONFIGS);
            long optInSalt = platform.tableSalt(Table.SMS_OPT_INS);
            return new RecipientRows()
            {
                private final RowRandom random = platform.random();
                private final int id = column(Column.ID);
                private final int inventoryId = column(Column.GIFT_CARD_INVENTORY_ID);
                private final int recipientId = column(Column.RECIPIENT_ID);
                private final int campaignId = column(Column.CAMPAIGN_ID);
                private final int configId = column(Column.CAMPAIGN_REWARD_CONFIG_ID);
                private final int optInId = column(Column.SMS_OPT_IN_ID);
                private final int amount = column(Column.AMOUNT);
                private final int channel = column(Column.CHANNEL);
                private final int deliveredAt = column(Column.DELIVERED_AT);
                private final int redeemedAt = column(Column.REDEEMED_AT);

                @Override
                int rowsIn(Journey journey, CampaignFacts campaign)
                {
                    return journey.hasGiftCard ? 1 : 0;
                }

                @Override
                void emit(long recipient, Journey journey, CampaignFacts campaign, RowSink sink)
                {
                    if (!journey.hasGiftCard) {
                        return;
                    }
                    random.reset(Streams.GIFT_CARD, recipient);
                    setId(row, id, salt, recipient);
                    setId(row, inventoryId, inventorySalt, issuedCardKey(recipient));
                    setId(row, recipientId, recipientSalt, recipient);
                    setId(row, campaignId, campaignSalt, campaign.index);
                    setId(row, configId, configSalt, RewardTables.key(campaign.index, 0));
                    setId(row, optInId, optInSalt, recipient)
                            .setDecimal(amount, campaign.rewardCents)
                            .setString(channel, random.chance(0.85) ? "sms" : "email")
                            .setTimestamp(deliveredAt, journey.giftCardAt);
                    if (journey.hasRedemption) {
                        row.setTimestamp(redeemedAt, journey.redeemedAt);
                    }
                    else {
                        row.setNull(redeemedAt);
                    }
                    sink.accept(row);
                }
            };
        }
    }
}
