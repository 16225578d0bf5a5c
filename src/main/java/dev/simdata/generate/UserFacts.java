package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;

import java.util.List;

/**
 * Everything derived about one user, recomputed from (seed, user index). User {@code u} belongs to organization
 * {@code u % organizations}. The first user of each organization is its owner, who signs up the day the organization
 * does; 60% of the rest are agency staff (no client), the others belong to one of the organization's clients. A
 * mutable holder, reused per thread.
 */
final class UserFacts
{
    static final WeightedChoice<String> STAFF_ROLE = WeightedChoice.of(List.of("admin", "manager", "agent", "analyst"), 0.15, 0.20, 0.45, 0.20);
    static final WeightedChoice<String> CLIENT_ROLE = WeightedChoice.of(List.of("client_admin", "client_viewer"), 0.40, 0.60);
    static final double STAFF_SHARE = 0.60;
    static final int NO_CLIENT = -1;

    final OrganizationFacts organization = new OrganizationFacts();
    final ClientFacts client = new ClientFacts();
    private RowRandom parentRandom;
    int index;
    boolean staff;
    String role;
    /** The client's index, or {@link #NO_CLIENT} for agency staff. */
    int clientIndex;
    String domain;
    int firstName;
    int lastName;
    long createdAt;
    /** Epoch second, or {@link Long#MIN_VALUE} for a user who never logged in. */
    long lastLoginAt;

    void compute(Platform platform, RowRandom random, int user)
    {
        if (parentRandom == null) {
            parentRandom = platform.random();
        }
        index = user;
        int organizationIndex = user % platform.scenario.organizations();
        organization.compute(platform, parentRandom, organizationIndex);
        random.reset(Streams.USER, user);
        boolean owner = user < platform.scenario.organizations();
        staff = owner || random.chance(STAFF_SHARE);
        domain = organization.domain;
        long earliest = organization.createdAt;
        if (staff) {
            clientIndex = NO_CLIENT;
            role = owner ? "owner" : STAFF_ROLE.pick(random);
        }
        else {
            clientIndex = platform.clientOf(organizationIndex, random.nextInt(platform.clientCount(organizationIndex)));
            client.compute(platform, parentRandom, organization, clientIndex);
            domain = client.domain;
            earliest = client.createdAt;
            role = CLIENT_ROLE.pick(random);
        }
        Pools pools = platform.pools();
        firstName = Pools.skewed(random, pools.firstNames.length);
        lastName = Pools.skewed(random, pools.lastNames.length);
        createdAt = owner
                ? GeneratedTable.between(random, earliest + 600, earliest + 86_400)
                : GeneratedTable.between(random, earliest + 86_400, platform.asOfInstant - 2 * 86_400L);
        if (random.chance(0.10)) {
            lastLoginAt = Long.MIN_VALUE;
        }
        else {
            long from = Math.max(createdAt + 3_600, platform.asOfInstant - 30 * 86_400L);
            lastLoginAt = GeneratedTable.between(random, from, platform.asOfInstant - 1);
        }
    }

    int organizationIndex()
    {
        return organization.index;
    }
}
