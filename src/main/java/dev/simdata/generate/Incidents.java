package dev.simdata.generate;

import dev.simdata.random.RowRandom;

/**
 * The platform's incidents over the history window: one every two months of history (plus one), each one to three
 * hours long, from one source, hitting one organization or (two times in three) all of them. Hours count from the
 * window's first midnight UTC. Each incident covers a four-hour mark, so the metric samples see it too. O(incidents)
 * memory, drawn once per platform.
 */
final class Incidents
{
    static final int PLATFORM_WIDE = -1;
    private final int[] start;
    private final int[] length;
    private final int[] source;
    private final int[] organization;

    Incidents(Platform platform, int hours, int sources)
    {
        int count = 1 + platform.scenario.historyMonths() / 2;
        start = new int[count];
        length = new int[count];
        source = new int[count];
        organization = new int[count];
        RowRandom random = platform.random();
        for (int i = 0; i < count; i++) {
            random.reset(Streams.INCIDENTS, i);
            length[i] = random.between(1, 3);
            int mark = 4 * (1 + random.nextInt(Math.max(1, hours / 4 - 1)));
            start[i] = Math.max(0, Math.min(hours - length[i], mark - random.nextInt(length[i])));
            source[i] = random.nextInt(sources);
            organization[i] = random.chance(1.0 / 3) ? random.nextInt(platform.scenario.organizations()) : PLATFORM_WIDE;
        }
    }

    /** The incident under way in an hour of the window, or -1. */
    int at(long hour)
    {
        for (int i = 0; i < start.length; i++) {
            if (hour >= start[i] && hour < start[i] + length[i]) {
                return i;
            }
        }
        return -1;
    }

    /** Whether an incident under way in this hour hits this organization. */
    boolean hits(long hour, int organizationIndex)
    {
        int incident = at(hour);
        return incident >= 0 && (organization[incident] == PLATFORM_WIDE || organization[incident] == organizationIndex);
    }

    int source(int incident)
    {
        return source[incident];
    }

    /** The organization an incident hits, or {@link #PLATFORM_WIDE}. */
    int organization(int incident)
    {
        return organization[incident];
    }
}
