package dev.simdata.load;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Runs {@link KeyJob}s over the load's sessions with no barrier between kinds of statement: a session takes the
 * job that heads the longest chain of work still to do (its own rows plus those of the jobs that wait for it) among
 * those whose prerequisites have committed and whose table locks conflict with no running job's, so that no session
 * waits on a server lock held by another. Measured on load_test, 2 jobs: the fixed steps (primary keys | foreign
 * keys | validations | indexes | ANALYZE) left a session idle at each barrier (docs/loading.md).
 */
final class KeyScheduler
{
    interface Execution
    {
        void run(Connection connection, KeyJob job);
    }

    private final List<KeyJob> waiting;
    private final Set<String> done = new HashSet<>();
    private final List<KeyJob> running = new ArrayList<>();
    private final Set<String> planned = new HashSet<>();
    private final AtomicLong analyzeNanos = new AtomicLong();
    private boolean stopped;

    KeyScheduler(List<KeyJob> jobs)
    {
        requireNonNull(jobs, "jobs is null");
        jobs.forEach(job -> planned.add(job.sql()));
        Map<String, Long> chains = chains(jobs);
        waiting = new ArrayList<>(jobs);
        waiting.sort(Comparator.comparingLong((KeyJob job) -> chains.get(job.sql())).reversed());
    }

    /** Each job's weight plus the heaviest chain of jobs that wait for it. */
    private static Map<String, Long> chains(List<KeyJob> jobs)
    {
        Map<String, List<KeyJob>> dependents = new HashMap<>();
        for (KeyJob job : jobs) {
            for (String prerequisite : job.after()) {
                dependents.computeIfAbsent(prerequisite, key -> new ArrayList<>()).add(job);
            }
        }
        Map<String, Long> chains = new HashMap<>();
        for (KeyJob job : jobs) {
            chain(job, dependents, chains, new HashSet<>());
        }
        return chains;
    }

    private static long chain(KeyJob job, Map<String, List<KeyJob>> dependents, Map<String, Long> chains, Set<String> visiting)
    {
        Long known = chains.get(job.sql());
        if (known != null) {
            return known;
        }
        if (!visiting.add(job.sql())) {
            throw new IllegalStateException("the key statements wait for each other: " + job.sql());
        }
        long longest = 0;
        for (KeyJob dependent : dependents.getOrDefault(job.sql(), List.of())) {
            longest = Math.max(longest, chain(dependent, dependents, chains, visiting));
        }
        chains.put(job.sql(), job.weight() + longest);
        return job.weight() + longest;
    }

    /** Runs every job over {@code sessions}, {@code tick} running on this thread meanwhile; the first failure stops the rest. */
    void run(List<Connection> sessions, Execution execution, Runnable tick)
    {
        if (waiting.isEmpty()) {
            return;
        }
        Workers.run(sessions, connection -> {
            for (KeyJob job = next(); job != null; job = next()) {
                long started = System.nanoTime();
                execution.run(connection, job);
                if (job.analyze()) {
                    analyzeNanos.addAndGet(System.nanoTime() - started);
                }
                finished(job);
            }
        }, this::stop, tick);
    }

    /** The time the ANALYZE statements took, summed over the sessions. */
    long analyzeNanos()
    {
        return analyzeNanos.get();
    }

    /** The next job this session may run, waiting for one if need be; null when there is none left or the run stopped. */
    private synchronized KeyJob next()
    {
        while (!stopped && !waiting.isEmpty()) {
            for (int i = 0; i < waiting.size(); i++) {
                KeyJob job = waiting.get(i);
                if (ready(job)) {
                    waiting.remove(i);
                    running.add(job);
                    return job;
                }
            }
            if (running.isEmpty()) {
                throw new IllegalStateException("no key statement can run: " + waiting.get(0).sql());
            }
            try {
                wait();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private boolean ready(KeyJob job)
    {
        for (String prerequisite : job.after()) {
            if (planned.contains(prerequisite) && !done.contains(prerequisite)) {
                return false;
            }
        }
        for (KeyJob other : running) {
            if (!job.compatibleWith(other)) {
                return false;
            }
        }
        return true;
    }

    private synchronized void finished(KeyJob job)
    {
        running.remove(job);
        done.add(job.sql());
        notifyAll();
    }

    private synchronized void stop()
    {
        stopped = true;
        notifyAll();
    }
}
