package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/** {@code campaigns}: campaign {@code k} mails for client {@code k % clients}; see {@link CampaignFacts}. */
final class CampaignsTable
        extends GeneratedTable
{
    CampaignsTable(Platform platform)
    {
        super(platform, Table.CAMPAIGNS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.campaigns();
    }

    @Override
    public Cursor open()
    {
        long clientSalt = platform.tableSalt(Table.CLIENTS);
        long templateSalt = platform.tableSalt(Table.TEMPLATES);
        long landingPageSalt = platform.tableSalt(Table.LANDING_PAGES);
        long audienceSalt = platform.tableSalt(Table.AUDIENCES);
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final CampaignFacts facts = new CampaignFacts();
            private final StringBuilder text = new StringBuilder();
            private final int id = column(Column.ID);
            private final int clientId = column(Column.CLIENT_ID);
            private final int templateId = column(Column.TEMPLATE_ID);
            private final int landingPageId = column(Column.LANDING_PAGE_ID);
            private final int audienceId = column(Column.AUDIENCE_ID);
            private final int name = column(Column.NAME);
            private final int status = column(Column.STATUS);
            private final int format = column(Column.MAIL_PIECE_FORMAT);
            private final int createdAt = column(Column.CREATED_AT);
            private final int mailDate = column(Column.MAIL_DATE);
            private final int dropDate = column(Column.DROP_DATE);
            private final int recipientCount = column(Column.RECIPIENT_COUNT);
            private final int budget = column(Column.BUDGET);
            private final int costPerPiece = column(Column.COST_PER_PIECE);
            private final int piecesMailed = column(Column.PIECES_MAILED);
            private final int mailingCost = column(Column.MAILING_COST);
            private final int rewardSpend = column(Column.REWARD_SPEND);
            private final int totalSpend = column(Column.TOTAL_SPEND);
            private final Journey journey = new Journey();
            private final RowRandom journeyRandom = platform.random();


            @Override
            public void emit(long unit, RowSink sink)
            {
                facts.compute(platform, random, (int) unit);
                setId(row, id, salt, unit);
                setId(row, templateId, templateSalt, facts.template);
                setId(row, landingPageId, landingPageSalt, facts.landingPage);
                setId(row, audienceId, audienceSalt, facts.audience);
                setId(row, clientId, clientSalt, facts.client)
                        .setString(name, facts.name(text))
                        .setString(status, facts.status.label)
                        .setString(format, facts.format())
                        .setTimestamp(createdAt, facts.createdAt)
                        .setLong(recipientCount, facts.recipients)
                        .setDecimal(budget, facts.budgetCents)
                        .setDecimal(costPerPiece, facts.costPerPieceCents);
                // the totals reconcile with the rows below: mailed events and gift-card deliveries
                int pieces = 0;
                int giftCards = 0;
                for (int i = 0; i < facts.recipients; i++) {
                    journey.computeOutcome(platform, journeyRandom, facts, facts.recipientStart + i);
                    if (journey.status.mailed()) {
                        pieces++;
                    }
                    if (journey.hasGiftCard) {
                        giftCards++;
                    }
                }
                long mailing = pieces * facts.costPerPieceCents;
                long rewards = giftCards * facts.rewardCents;
                row.setLong(piecesMailed, pieces)
                        .setDecimal(mailingCost, mailing)
                        .setDecimal(rewardSpend, rewards)
                        .setDecimal(totalSpend, mailing + rewards);
                setDay(mailDate, facts.mailDay);
                setDay(dropDate, facts.dropDay);
                sink.accept(row);
            }

            private void setDay(int column, int day)
            {
                if (day == CampaignFacts.NO_DATE) {
                    row.setNull(column);
                }
                else {
                    row.setDate(column, day);
                }
            }
        };
    }
}
