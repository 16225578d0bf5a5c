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
        super(platform, "organizations");
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
            private final int id = column("id");
            private final int name = column("name");
            private final int industry = column("industry");
            private final int plan = column("plan");
            private final int timeZone = column("time_zone");
            private final int createdAt = column("created_at");


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
