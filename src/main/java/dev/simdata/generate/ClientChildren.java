package dev.simdata.generate;

import dev.simdata.random.RowRandom;

import java.util.Arrays;

/**
 * Rows owned by clients in contiguous runs (templates, landing pages, audiences): client {@code c} owns
 * {@code [start(c), start(c + 1))}, a seeded count between {@code min} and {@code max}. O(clients) memory.
 */
final class ClientChildren
{
    private final long[] starts;

    ClientChildren(RowRandom random, long stream, int clients, int min, int max)
    {
        starts = new long[clients + 1];
        for (int client = 0; client < clients; client++) {
            random.reset(stream, client);
            starts[client + 1] = starts[client] + random.between(min, max);
        }
    }

    long total()
    {
        return starts[starts.length - 1];
    }

    long start(int client)
    {
        return starts[client];
    }

    int count(int client)
    {
        return (int) (starts[client + 1] - starts[client]);
    }

    int clientOf(long child)
    {
        int found = Arrays.binarySearch(starts, child);
        if (found >= 0) {
            while (found + 1 < starts.length && starts[found + 1] == child) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }
}
