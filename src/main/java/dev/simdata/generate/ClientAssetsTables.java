package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * The tables of what clients reuse across campaigns: mail-piece templates, PURL landing pages and audiences. Each
 * client owns a run of each (see {@link ClientChildren}); each was made before the history window starts.
 */
final class ClientAssetsTables
{
    private static final String[][] SIZES = {
            {"4x6", "6x9", "6x11"}, {"8.5x11"}, {"11x17 tri-fold", "8.5x11 bi-fold"}, {"8.5x11 16-page", "8.5x11 24-page"}, {"11x17 bi-fold", "12x9 tri-fold"}};
    private static final String[] FORMAT_LABELS = {"Postcard", "Letter", "Brochure", "Catalog", "Self-Mailer"};
    private static final String[] AUDIENCE_NAMES = {
            "All Contacts", "Recent Movers", "High-Value Prospects", "Lapsed Customers", "Homeowners 35-54", "Local Radius 10mi",
            "Newsletter Subscribers", "Past Responders", "New Leads", "VIP Customers", "Renewal Due", "Service Area North"};

    private ClientAssetsTables() {}

    /** A template's format: always its stream's first draw, so campaigns recompute it from the template's index. */
    static int formatIndex(RowRandom random, long template)
    {
        random.reset(Streams.TEMPLATE, template);
        return CampaignFacts.FORMAT.pickIndex(random);
    }

    /** An instant between a day after the client joined and 45 days before the history window. */
    private static long madeAt(Platform platform, RowRandom random, ClientFacts client)
    {
        long latest = (long) (platform.activityStartDay() - 45) * 86_400L;
        return GeneratedTable.between(random, client.createdAt + 86_400, Math.max(client.createdAt + 86_401, latest));
    }

    /** Base of the three: the unit is the child row; the client's facts are cached across its run. */
    private abstract static class ClientChildTable
            extends GeneratedTable
    {
        final ClientChildren children;
        final long clientSalt;

        ClientChildTable(Platform platform, Table table, ClientChildren children)
        {
            super(platform, table);
            this.children = children;
            this.clientSalt = platform.tableSalt(Table.CLIENTS);
        }

        @Override
        public long unitCount()
        {
            return children.total();
        }

        abstract class ChildCursor
                extends OneRowCursor
        {
            final Row row = new Row(schema);
            final RowRandom random = platform.random();
            private final RowRandom parentRandom = platform.random();
            private final OrganizationFacts organization = new OrganizationFacts();
            final ClientFacts client = new ClientFacts();
            private int cachedClient = -1;
            final int id = column(Column.ID);
            final int clientId = column(Column.CLIENT_ID);
            final int name = column(Column.NAME);
            final int createdAt = column(Column.CREATED_AT);

            @Override
            public final void emit(long unit, RowSink sink)
            {
                int clientIndex = children.clientOf(unit);
                if (clientIndex != cachedClient) {
                    client.compute(platform, parentRandom, organization, clientIndex);
                    cachedClient = clientIndex;
                }
                setId(row, id, salt, unit);
                setId(row, clientId, clientSalt, clientIndex);
                fill(unit, (int) (unit - children.start(clientIndex)));
                sink.accept(row);
            }

            /** Fills the table's own columns of child {@code unit}, the {@code ordinal}-th of its client. */
            abstract void fill(long unit, int ordinal);
        }
    }

    static final class TemplatesTable
            extends ClientChildTable
    {
        TemplatesTable(Platform platform)
        {
            super(platform, Table.TEMPLATES, platform.templates);
        }

        @Override
        public Cursor open()
        {
            return new ChildCursor()
            {
                private final int format = column(Column.FORMAT);
                private final int size = column(Column.SIZE);
                private final StringBuilder text = new StringBuilder();

                @Override
                void fill(long unit, int ordinal)
                {
                    int formatIndex = formatIndex(random, unit);
                    String[] sizes = SIZES[formatIndex];
                    text.setLength(0);
                    text.append(CampaignFacts.theme(random.nextInt(CampaignFacts.THEME_COUNT))).append(' ').append(FORMAT_LABELS[formatIndex]);
                    row.setString(name, text.toString())
                            .setString(format, CampaignFacts.FORMATS.get(formatIndex))
                            .setString(size, sizes[random.nextInt(sizes.length)])
                            .setTimestamp(createdAt, madeAt(platform, random, client));
                }
            };
        }
    }

    static final class LandingPagesTable
            extends ClientChildTable
    {
        LandingPagesTable(Platform platform)
        {
            super(platform, Table.LANDING_PAGES, platform.landingPages);
        }

        @Override
        public Cursor open()
        {
            return new ChildCursor()
            {
                private final int slug = column(Column.SLUG);
                private final int hasForm = column(Column.HAS_FORM);
                private final StringBuilder text = new StringBuilder();

                @Override
                void fill(long unit, int ordinal)
                {
                    random.reset(Streams.LANDING_PAGE, unit);
                    text.setLength(0);
                    text.append(CampaignFacts.theme(random.nextInt(CampaignFacts.THEME_COUNT))).append(" Landing Page");
                    row.setString(name, text.toString());
                    // unique: the client's name, then the page's index in base 36
                    text.setLength(0);
                    text.append(Pools.slug(client.name)).append('-').append(Long.toString(unit, 36));
                    row.setString(slug, text.toString())
                            .setBoolean(hasForm, random.chance(0.75))
                            .setTimestamp(createdAt, madeAt(platform, random, client));
                }
            };
        }
    }

    static final class AudiencesTable
            extends ClientChildTable
    {
        AudiencesTable(Platform platform)
        {
            super(platform, Table.AUDIENCES, platform.audiences);
        }

        @Override
        public Cursor open()
        {
            return new ChildCursor()
            {
                private final int size = column(Column.SIZE);
                private final RowRandom sizeRandom = platform.random();

                @Override
                void fill(long unit, int ordinal)
                {
                    row.setString(name, AUDIENCE_NAMES[ordinal % AUDIENCE_NAMES.length])
                            .setLong(size, platform.audienceSize(sizeRandom, unit));
                    random.reset(Streams.AUDIENCE, unit);
                    random.nextDouble();
                    row.setTimestamp(createdAt, madeAt(platform, random, client));
                }
            };
        }
    }
}
