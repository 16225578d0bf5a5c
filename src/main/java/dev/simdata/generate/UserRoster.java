package dev.simdata.generate;

import dev.simdata.random.RowRandom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The users as other tables need them: who can answer a call and when each user signed up. Per organization, its agents (and, as a fallback, all its agency staff) in order of sign-up,
 * so that a call picks someone who already had an account. Built once per platform from the users' facts:
 * O(users) memory.
 */
final class UserRoster
{
    private final int[][] agents;
    private final long[][] agentsSince;
    private final int[][] staff;
    private final long[][] staffSince;
    /** Every user's creation instant, and whether they are agency staff, for tables that pick users. */
    private final long[] userCreatedAt;
    private final boolean[] userIsStaff;

    UserRoster(Platform platform)
    {
        int organizations = platform.scenario.organizations();
        int users = platform.scenario.users();
        List<List<long[]>> agentLists = new ArrayList<>();
        List<List<long[]>> staffLists = new ArrayList<>();
        for (int i = 0; i < organizations; i++) {
            agentLists.add(new ArrayList<>());
            staffLists.add(new ArrayList<>());
        }
        userCreatedAt = new long[users];
        userIsStaff = new boolean[users];
        UserFacts user = new UserFacts();
        RowRandom random = platform.random();
        for (int u = 0; u < users; u++) {
            user.compute(platform, random, u);
            userCreatedAt[u] = user.createdAt;
            userIsStaff[u] = user.staff;
            if (user.staff) {
                long[] entry = {user.createdAt, u};
                staffLists.get(user.organizationIndex()).add(entry);
                if (user.role.equals("agent")) {
                    agentLists.get(user.organizationIndex()).add(entry);
                }
            }
        }
        agents = new int[organizations][];
        agentsSince = new long[organizations][];
        staff = new int[organizations][];
        staffSince = new long[organizations][];
        Comparator<long[]> bySignUp = Comparator.<long[]>comparingLong(entry -> entry[0]).thenComparingLong(entry -> entry[1]);
        for (int o = 0; o < organizations; o++) {
            agentLists.get(o).sort(bySignUp);
            staffLists.get(o).sort(bySignUp);
            agents[o] = indices(agentLists.get(o));
            agentsSince[o] = times(agentLists.get(o));
            staff[o] = indices(staffLists.get(o));
            staffSince[o] = times(staffLists.get(o));
        }
    }

    /**
     * An agent of {@code organization} with an account at {@code instant}, or any staff member if no agent had one
     * yet (the owner signs up the day the organization does, so there is always someone).
     */
    int pick(RowRandom random, int organization, long instant)
    {
        int available = countBefore(agentsSince[organization], instant);
        if (available > 0) {
            return agents[organization][random.nextInt(available)];
        }
        available = Math.max(1, countBefore(staffSince[organization], instant));
        return staff[organization][random.nextInt(available)];
    }

    long createdAt(int user)
    {
        return userCreatedAt[user];
    }

    boolean isStaff(int user)
    {
        return userIsStaff[user];
    }

    private static int countBefore(long[] sorted, long instant)
    {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < instant) {
                low = middle + 1;
            }
            else {
                high = middle;
            }
        }
        return low;
    }

    private static int[] indices(List<long[]> entries)
    {
        int[] result = new int[entries.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = (int) entries.get(i)[1];
        }
        return result;
    }

    private static long[] times(List<long[]> entries)
    {
        long[] result = new long[entries.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = entries.get(i)[0];
        }
        return result;
    }
}
