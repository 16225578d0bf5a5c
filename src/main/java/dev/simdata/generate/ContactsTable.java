package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.schema.Row;
import dev.simdata.schema.RowSink;

import java.util.List;

/**
 * {@code contacts}: US people on a client's list. Client {@code c} owns a contiguous range of contacts. Every
 * contact was imported before the history window starts, so it predates every campaign that mails it.
 */
final class ContactsTable
        extends GeneratedTable
{
    private static final WeightedChoice<String> EMAIL_DOMAIN = WeightedChoice.of(
            List.of("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "comcast.net", "att.net", "msn.com", "verizon.net"),
            0.42, 0.15, 0.10, 0.08, 0.08, 0.05, 0.05, 0.03, 0.02, 0.02);
    private static final char[] SEPARATORS = {'.', '.', '.', '_', '\0'};

    ContactsTable(Platform platform)
    {
        super(platform, Table.CONTACTS);
    }

    @Override
    public long unitCount()
    {
        return platform.scenario.contacts();
    }

    @Override
    public Cursor open()
    {
        long clientSalt = platform.tableSalt(Table.CLIENTS);
        Pools pools = platform.pools();
        return new OneRowCursor()
        {
            private final Row row = new Row(schema);
            private final RowRandom random = platform.random();
            private final RowRandom parentRandom = platform.random();
            private final OrganizationFacts organization = new OrganizationFacts();
            private final ClientFacts client = new ClientFacts();
            private final StringBuilder text = new StringBuilder();
            private final char[] phoneDigits = new char[PhoneNumbers.LENGTH];
            private final RowRandom phoneRandom = platform.random();
            private int cachedClient = -1;
            private final int id = column(Column.ID);
            private final int clientId = column(Column.CLIENT_ID);
            private final int firstName = column(Column.FIRST_NAME);
            private final int lastName = column(Column.LAST_NAME);
            private final int email = column(Column.EMAIL);
            private final int phone = column(Column.PHONE);
            private final int street = column(Column.STREET);
            private final int city = column(Column.CITY);
            private final int state = column(Column.STATE);
            private final int postalCode = column(Column.POSTAL_CODE);
            private final int createdAt = column(Column.CREATED_AT);


            @Override
            public void emit(long unit, RowSink sink)
            {
                int clientIndex = platform.clientOfContact(unit);
                if (clientIndex != cachedClient) {
                    client.compute(platform, parentRandom, organization, clientIndex);
                    cachedClient = clientIndex;
                }
                random.reset(Streams.CONTACT, unit);
                int first = Pools.skewed(random, pools.firstNames.length);
                int last = Pools.skewed(random, pools.lastNames.length);
                setId(row, id, salt, unit);
                setId(row, clientId, clientSalt, clientIndex)
                        .setString(firstName, pools.firstNames[first])
                        .setString(lastName, pools.lastNames[last]);
                if (random.chance(0.88)) {
                    text.setLength(0);
                    text.append(pools.firstNamesLower[first]);
                    char separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
                    if (separator != '\0') {
                        text.append(separator);
                    }
                    text.append(pools.lastNamesLower[last]);
                    if (random.chance(0.45)) {
                        text.append(random.between(1, 99));
                    }
                    text.append('@').append(EMAIL_DOMAIN.pick(random));
                    row.setString(email, text.toString());
                }
                else {
                    row.setNull(email);
                }
                if (PhoneNumbers.contactPhone(phoneRandom, unit, phoneDigits)) {
                    row.setString(phone, new String(phoneDigits));
                }
                else {
                    row.setNull(phone);
                }
                int place = random.nextInt(pools.cities.length);
                row.setString(street, pools.streets[random.nextInt(pools.streets.length)])
                        .setString(city, pools.cities[place])
                        .setString(state, pools.states[place])
                        .setString(postalCode, pools.postalCodes[place]);
                long latest = (long) (platform.activityStartDay() - 30) * 86_400L;
                row.setTimestamp(createdAt, between(random, client.createdAt + 86_400, Math.max(client.createdAt + 86_401, latest)));
                sink.accept(row);
            }
        };
    }
}
