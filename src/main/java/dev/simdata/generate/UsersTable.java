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
        super(platform, Table.USERS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.users();
    }

    @Override
    public Cursor open()
    {
        long organizationSalt = platform.tableSalt(Table.ORGANIZATIONS);
        long clientSalt = platform.tableSalt(Table.CLIENTS);
        Pools pools = platform.pools();
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final UserFacts user = new UserFacts();
            private final StringBuilder text = new StringBuilder();
            private final int id = column(Column.ID);
            private final int organizationId = column(Column.ORGANIZATION_ID);
            private final int clientId = column(Column.CLIENT_ID);
            private final int email = column(Column.EMAIL);
            private final int fullName = column(Column.FULL_NAME);
            private final int role = column(Column.ROLE);
            private final int createdAt = column(Column.CREATED_AT);
            private final int lastLoginAt = column(Column.LAST_LOGIN_AT);


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
