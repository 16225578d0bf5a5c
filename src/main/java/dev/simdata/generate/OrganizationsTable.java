package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/** {@code organizations}: one row per agency. */
final class OrganizationsTable
        extends GeneratedTable
{
    OrganizationsTable(Platform platform)
    {
        super(platform, Table.ORGANIZATIONS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.organizations();
    }

    @Override
    public Cursor open()
    {
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final OrganizationFacts facts = new OrganizationFacts();
            private final int id = column(Column.ID);
            private final int name = column(Column.NAME);
            private final int industry = column(Column.INDUSTRY);
            private final int plan = column(Column.PLAN);
            private final int timeZone = column(Column.TIME_ZONE);
            private final int createdAt = column(Column.CREATED_AT);


            @Override
            public void emit(long unit, RowSink sink)
            {
                facts.compute(platform, random, (int) unit);
                setId(row, id, salt, unit)
                        .setString(name, facts.name)
                        .setString(industry, facts.industry)
                        .setString(plan, facts.plan)
                        .setString(timeZone, facts.timeZone)
                        .setTimestamp(createdAt, facts.createdAt);
                sink.accept(row);
            }
        };
    }
}
