package dev.simdata.generate;

import dev.simdata.random.Mix;
import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * {@code recipients}: one distinct contact of the campaign's client per row, numbered globally in campaign order.
 * The status is the furthest journey step reached by the as-of date.
 */
final class RecipientsTable
        extends GeneratedTable
{
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long MASK_50 = (1L << 50) - 1;

    RecipientsTable(Platform platform)
    {
        super(platform, Table.RECIPIENTS);
    }

    @Override
    public long unitCount()
    {
        return platform.recipientCount();
    }

    /**
     * A 10-character code, unique per recipient: a bijection of the index on 50 bits, in Crockford base 32.
     */
    static String trackingCode(long seed, long recipient, char[] buffer)
    {
        long x = (recipient + Mix.mix64(seed)) & MASK_50;
        x = ((x ^ (x >>> 23)) * 0x2545F4914F6CDD1DL) & MASK_50;
        x = ((x ^ (x >>> 29)) * 0x1B873593L) & MASK_50;
        x ^= x >>> 21;
        for (int i = 9; i >= 0; i--) {
            buffer[i] = CROCKFORD[(int) (x & 31)];
            x >>>= 5;
        }
        return new String(buffer, 0, 10);
    }

    @Override
    public Cursor open()
    {
        long campaignSalt = platform.tableSalt(Table.CAMPAIGNS);
        long contactSalt = platform.tableSalt(Table.CONTACTS);
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RecipientCursor cursor = new RecipientCursor(platform);
            private final RowRandom random = platform.random();
            private final char[] code = new char[10];
            private final int id = column(Column.ID);
            private final int campaignId = column(Column.CAMPAIGN_ID);
            private final int contactId = column(Column.CONTACT_ID);
            private final int trackingCode = column(Column.TRACKING_CODE);
            private final int status = column(Column.STATUS);
            private final int createdAt = column(Column.CREATED_AT);


            @Override
            public void emit(long unit, RowSink sink)
            {
                int position = cursor.moveTo(unit);
                CampaignFacts campaign = cursor.campaign;
                cursor.outcomeOf(unit);
                long contact = campaign.contactOf(position);
                random.reset(Streams.RECIPIENT, unit);
                long listWindow = campaign.mailDay == CampaignFacts.NO_DATE
                        ? 7 * 86_400L
                        : ((long) campaign.mailDay * 86_400L) - campaign.createdAt - 3_600;
                long latest = Math.min(campaign.createdAt + Math.max(listWindow, 7_200), platform.asOfInstant - 1);
                setId(row, id, salt, unit);
                setId(row, campaignId, campaignSalt, campaign.index);
                setId(row, contactId, contactSalt, contact)
                        .setString(trackingCode, trackingCode(platform.seed, unit, code))
                        .setString(status, cursor.journey.status.label)
                        .setTimestamp(createdAt, between(random, campaign.createdAt + 600, latest));
                sink.accept(row);
            }
        };
    }
}
