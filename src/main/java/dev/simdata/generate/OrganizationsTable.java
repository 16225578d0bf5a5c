package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.Uuids;
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
        return new Cursor()
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
            public int rowsIn(long unit)
            {
                return 1;
            }

            @Override
            public void emit(long unit, RowSink sink)
            {
                facts.compute(platform, random, (int) unit);
                row.setUuid(id, Uuids.high(salt, unit), Uuids.low(salt, unit))
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
