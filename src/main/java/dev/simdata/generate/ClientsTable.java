package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/** {@code clients}: client {@code c} belongs to organization {@code c % organizations}. */
final class ClientsTable
        extends GeneratedTable
{
    ClientsTable(Platform platform)
    {
        super(platform, Table.CLIENTS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.clients();
    }

    @Override
    public Cursor open()
    {
        long organizationSalt = platform.tableSalt(Table.ORGANIZATIONS);
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final OrganizationFacts organization = new OrganizationFacts();
            private final ClientFacts facts = new ClientFacts();
            private final int id = column(Column.ID);
            private final int organizationId = column(Column.ORGANIZATION_ID);
            private final int name = column(Column.NAME);
            private final int industry = column(Column.INDUSTRY);
            private final int lifecycleStage = column(Column.LIFECYCLE_STAGE);
            private final int createdAt = column(Column.CREATED_AT);


            @Override
            public void emit(long unit, RowSink sink)
            {
                facts.compute(platform, random, organization, (int) unit);
                setId(row, id, salt, unit);
                setId(row, organizationId, organizationSalt, facts.organization)
                        .setString(name, facts.name)
                        .setString(industry, facts.industry)
                        .setString(lifecycleStage, facts.lifecycleStage)
                        .setTimestamp(createdAt, facts.createdAt);
                sink.accept(row);
            }
        };
    }
}
