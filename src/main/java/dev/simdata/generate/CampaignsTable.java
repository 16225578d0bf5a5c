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
        super(platform, "campaigns");
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.campaigns();
    }

    @Override
    public Cursor open()
    {
        long clientSalt = platform.tableSalt("clients");
        long templateSalt = platform.tableSalt("templates");
        long landingPageSalt = platform.tableSalt("landing_pages");
        long audienceSalt = platform.tableSalt("audiences");
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final CampaignFacts facts = new CampaignFacts();
            private final StringBuilder text = new StringBuilder();
            private final int id = column("id");
            private final int clientId = column("client_id");
            private final int templateId = column("template_id");
            private final int landingPageId = column("landing_page_id");
            private final int audienceId = column("audience_id");
            private final int name = column("name");
            private final int status = column("status");
            private final int format = column("mail_piece_format");
            private final int createdAt = column("created_at");
            private final int mailDate = column("mail_date");
            private final int dropDate = column("drop_date");
            private final int recipientCount = column("recipient_count");
            private final int budget = column("budget");
            private final int costPerPiece = column("cost_per_piece");
            private final int piecesMailed = column("pieces_mailed");
            private final int mailingCost = column("mailing_cost");
            private final int rewardSpend = column("reward_spend");
            private final int totalSpend = column("total_spend");
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
