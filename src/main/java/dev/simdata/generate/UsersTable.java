package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

import java.util.List;

/**
 * {@code users}: user {@code u} belongs to organization {@code u % organizations}. The first user of each
 * organization is its owner; 60% of the rest are agency staff (no client), the others belong to one of the
 * organization's clients.
 */
final class UsersTable
        extends GeneratedTable
{
    static final WeightedChoice<String> STAFF_ROLE = WeightedChoice.of(List.of("admin", "manager", "agent", "analyst"), 0.15, 0.20, 0.45, 0.20);
    static final WeightedChoice<String> CLIENT_ROLE = WeightedChoice.of(List.of("client_admin", "client_viewer"), 0.40, 0.60);
    static final double STAFF_SHARE = 0.60;

    UsersTable(Platform platform)
    {
        super(platform, "users");
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.users();
    }

    @Override
    public Cursor open()
    {
        long organizationSalt = platform.tableSalt("organizations");
        long clientSalt = platform.tableSalt("clients");
        Pools pools = platform.pools();
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final RowRandom parentRandom = platform.random();
            private final OrganizationFacts organization = new OrganizationFacts();
            private final ClientFacts client = new ClientFacts();
            private final StringBuilder text = new StringBuilder();
            private final int id = column("id");
            private final int organizationId = column("organization_id");
            private final int clientId = column("client_id");
            private final int email = column("email");
            private final int fullName = column("full_name");
            private final int role = column("role");
            private final int createdAt = column("created_at");
            private final int lastLoginAt = column("last_login_at");


            @Override
            public void emit(long unit, RowSink sink)
            {
                int user = (int) unit;
                int organizationIndex = user % platform.scenario.organizations();
                organization.compute(platform, parentRandom, organizationIndex);
                random.reset(Streams.USER, user);
                boolean owner = user < platform.scenario.organizations();
                boolean staff = owner || random.chance(STAFF_SHARE);
                String domain = organization.domain;
                long earliest = organization.createdAt;
                setId(row, id, salt, user);
                setId(row, organizationId, organizationSalt, organizationIndex);
                if (staff) {
                    row.setNull(clientId).setString(role, owner ? "owner" : STAFF_ROLE.pick(random));
                }
                else {
                    int clientIndex = platform.clientOf(organizationIndex, random.nextInt(platform.clientCount(organizationIndex)));
                    client.compute(platform, parentRandom, organization, clientIndex);
                    domain = client.domain;
                    earliest = client.createdAt;
                    setId(row, clientId, clientSalt, clientIndex)
                            .setString(role, CLIENT_ROLE.pick(random));
                }
                int first = Pools.skewed(random, pools.firstNames.length);
                int last = Pools.skewed(random, pools.lastNames.length);
                text.setLength(0);
                text.append(pools.firstNames[first]).append(' ').append(pools.lastNames[last]);
                row.setString(fullName, text.toString());
                text.setLength(0);
                text.append(pools.firstNamesLower[first].charAt(0)).append(pools.lastNamesLower[last]).append(user).append('@').append(domain);
                row.setString(email, text.toString());
                long created = between(random, earliest + 86_400, platform.asOfInstant - 2 * 86_400L);
                row.setTimestamp(createdAt, created);
                if (random.chance(0.10)) {
                    row.setNull(lastLoginAt);
                }
                else {
                    long from = Math.max(created + 3_600, platform.asOfInstant - 30 * 86_400L);
                    row.setTimestamp(lastLoginAt, between(random, from, platform.asOfInstant - 1));
                }
                sink.accept(row);
            }
        };
    }
}
