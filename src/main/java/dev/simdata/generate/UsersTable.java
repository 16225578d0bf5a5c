package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

/**
 * {@code users}: one row per {@link UserFacts}.
 */
final class UsersTable
        extends GeneratedTable
{
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
            private final UserFacts user = new UserFacts();
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
                user.compute(platform, random, (int) unit);
                setId(row, id, salt, unit);
                setId(row, organizationId, organizationSalt, user.organizationIndex());
                if (user.clientIndex == UserFacts.NO_CLIENT) {
                    row.setNull(clientId);
                }
                else {
                    setId(row, clientId, clientSalt, user.clientIndex);
                }
                row.setString(role, user.role);
                text.setLength(0);
                text.append(pools.firstNames[user.firstName]).append(' ').append(pools.lastNames[user.lastName]);
                row.setString(fullName, text.toString());
                text.setLength(0);
                text.append(pools.firstNamesLower[user.firstName].charAt(0)).append(pools.lastNamesLower[user.lastName]).append(unit).append('@').append(user.domain);
                row.setString(email, text.toString())
                        .setTimestamp(createdAt, user.createdAt);
                if (user.lastLoginAt == Long.MIN_VALUE) {
                    row.setNull(lastLoginAt);
                }
                else {
                    row.setTimestamp(lastLoginAt, user.lastLoginAt);
                }
                sink.accept(row);
            }
        };
    }
}
