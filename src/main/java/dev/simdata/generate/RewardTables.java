package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

import java.util.List;

/**
 * Rewards: the gift-card brands, each campaign's reward conditions (the first always a call, as in the journey
 * call → SMS opt-in → gift card) and one reward configuration per condition (a brand and an amount it sells).
 */
final class RewardTables
{
    record Brand(String name, String category, int[] denominations, boolean active) {}

    static final List<Brand> BRANDS = List.of(
            new Brand("Amazon", "retail", new int[] {10, 25, 50, 100}, true),
            new Brand("Starbucks", "food_and_drink", new int[] {5, 10, 25}, true),
            new Brand("Target", "retail", new int[] {10, 25, 50, 100}, true),
            new Brand("Visa Prepaid", "prepaid", new int[] {25, 50, 100}, true),
            new Brand("Walmart", "retail", new int[] {10, 25, 50, 100}, true),
            new Brand("The Home Depot", "home", new int[] {25, 50, 100}, true),
            new Brand("Lowe's", "home", new int[] {25, 50, 100}, true),
            new Brand("Best Buy", "electronics", new int[] {25, 50, 100}, true),
            new Brand("Dunkin'", "food_and_drink", new int[] {5, 10, 25}, true),
            new Brand("DoorDash", "food_and_drink", new int[] {15, 25, 50}, true),
            new Brand("Apple", "electronics", new int[] {25, 50, 100}, true),
            new Brand("Chipotle", "food_and_drink", new int[] {10, 25}, false));
    /** A skewed mix over the active brands: a few dominate. */
    private static final WeightedChoice<Integer> ACTIVE_BRAND = WeightedChoice.of(
            List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 0.28, 0.16, 0.10, 0.12, 0.08, 0.06, 0.04, 0.05, 0.05, 0.04, 0.02);
    private static final String[] FOLLOW_UPS = {"sms_opted_in", "form_submitted", "purl_visited", "qr_scanned"};
    static final int KEYS_PER_CAMPAIGN = 8;

    private RewardTables() {}

    /** A campaign's rewards, recomputed from (seed, campaign). A mutable holder, reused per thread. */
    static final class CampaignRewards
    {
        int count;
        final String[] types = new String[3];
        final int[] brands = new int[3];
        final long[] amountCents = new long[3];

        void compute(RowRandom random, int campaign)
        {
            random.reset(Streams.REWARDS, campaign);
            double u = random.nextDouble();
            count = u < 0.55 ? 1 : u < 0.85 ? 2 : 3;
            types[0] = "call_received";
            int skip = random.nextInt(FOLLOW_UPS.length);
            for (int i = 1; i < count; i++) {
                types[i] = FOLLOW_UPS[(skip + i - 1) % FOLLOW_UPS.length];
            }
            for (int i = 0; i < count; i++) {
                brands[i] = ACTIVE_BRAND.pick(random);
                int[] denominations = BRANDS.get(brands[i]).denominations();
                // smaller cards are the common reward
                double v = random.nextDouble();
                amountCents[i] = denominations[(int) (v * v * denominations.length)] * 100L;
            }
        }
    }

    static long key(int campaign, int sequence)
    {
        return (long) campaign * KEYS_PER_CAMPAIGN + sequence;
    }

    static final class GiftCardBrandsTable
            extends GeneratedTable
    {
        GiftCardBrandsTable(Platform platform)
        {
            super(platform, Table.GIFT_CARD_BRANDS);
        }

        @Override
        public long unitCount()
        {
            return BRANDS.size();
        }

        @Override
        public Cursor open()
        {
            return new OneRowCursor()
            {
                private final Row row = new Row(schema);
                private final RowRandom random = platform.random();
                private final StringBuilder text = new StringBuilder();
                private final int id = column(Column.ID);
                private final int name = column(Column.NAME);
                private final int category = column(Column.CATEGORY);
                private final int denominations = column(Column.DENOMINATIONS);
                private final int active = column(Column.IS_ACTIVE);
                private final int createdAt = column(Column.CREATED_AT);

                @Override
                public void emit(long unit, RowSink sink)
                {
                    Brand brand = BRANDS.get((int) unit);
                    random.reset(Streams.REWARDS, -1 - unit);
                    text.setLength(0);
                    for (int denomination : brand.denominations()) {
                        text.append(text.length() == 0 ? "" : ",").append(denomination);
                    }
                    setId(row, id, salt, unit)
                            .setString(name, brand.name())
                            .setString(category, brand.category())
                            .setString(denominations, text.toString())
                            .setBoolean(active, brand.active())
                            .setTimestamp(createdAt, platform.calendar.activityInstant(random, random.between(platform.asOfDay - 6 * 365, platform.asOfDay - 5 * 365)));
                    sink.accept(row);
                }
            };
        }
    }

    /** Base of the two per-campaign tables: the unit is the campaign, with one row per condition. */
    private abstract static class PerConditionTable
            extends PerCampaignTable
    {
        final long conditionSalt;

        PerConditionTable(Platform platform, Table table)
        {
            super(platform, table);
            this.conditionSalt = platform.tableSalt(Table.CAMPAIGN_CONDITIONS);
        }

        @Override
        double expectedRowsPerCampaign()
        {
            return 0.55 * 1 + 0.30 * 2 + 0.15 * 3;
        }

        abstract class ConditionCursor
                implements Cursor
        {
            final Row row = new Row(schema);
            final RowRandom random = platform.random();
            final CampaignRewards rewards = new CampaignRewards();
            final CampaignFacts campaign = new CampaignFacts();
            final int id = column(Column.ID);
            final int campaignId = column(Column.CAMPAIGN_ID);
            final int createdAt = column(Column.CREATED_AT);

            @Override
            public int rowsIn(long unit)
            {
                rewards.compute(random, (int) unit);
                return rewards.count;
            }

            @Override
            public void emit(long unit, RowSink sink)
            {
                int index = (int) unit;
                campaign.compute(platform, random, index);
                rewards.compute(random, index);
                setId(row, campaignId, campaignSalt, index);
                for (int i = 0; i < rewards.count; i++) {
                    setId(row, id, salt, key(index, i));
                    // set up with the campaign, within its first hour
                    row.setTimestamp(createdAt, Math.min(campaign.createdAt + 60L * (5 + 7 * i), platform.asOfInstant - 1));
                    fill(index, i);
                    sink.accept(row);
                }
            }

            abstract void fill(int campaign, int sequence);
        }
    }

    static final class CampaignConditionsTable
            extends PerConditionTable
    {
        CampaignConditionsTable(Platform platform)
        {
            super(platform, Table.CAMPAIGN_CONDITIONS);
        }

        @Override
        public Cursor open()
        {
            return new ConditionCursor()
            {
                private final int sequence = column(Column.SEQUENCE);
                private final int conditionType = column(Column.CONDITION_TYPE);

                @Override
                void fill(int campaign, int index)
                {
                    row.setLong(sequence, index + 1).setString(conditionType, rewards.types[index]);
                }
            };
        }
    }

    static final class CampaignRewardConfigsTable
            extends PerConditionTable
    {
        private final long brandSalt;

        CampaignRewardConfigsTable(Platform platform)
        {
            super(platform, Table.CAMPAIGN_REWARD_CONFIGS);
            this.brandSalt = platform.tableSalt(Table.GIFT_CARD_BRANDS);
        }

        @Override
        public Cursor open()
        {
            return new ConditionCursor()
            {
                private final int conditionId = column(Column.CAMPAIGN_CONDITION_ID);
                private final int brandId = column(Column.GIFT_CARD_BRAND_ID);
                private final int amount = column(Column.AMOUNT);

                @Override
                void fill(int campaign, int index)
                {
                    setId(row, conditionId, conditionSalt, key(campaign, index));
                    setId(row, brandId, brandSalt, rewards.brands[index]);
                    row.setDecimal(amount, rewards.amountCents[index]);
                }
            };
        }
    }
}
