package dev.simdata.load;

import dev.simdata.load.KeyJob.TableLock;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySchedulerTest
{
    private static KeyJob job(String sql, long weight, Map<String, TableLock> locks, String... after)
    {
        return new KeyJob(sql, weight, locks, Set.of(after), sql.startsWith("ANALYZE"));
    }

    /** What the jobs of one parent and one child table look like (see Keys). */
    private static List<KeyJob> parentAndChild()
    {
        return List.of(
                job("pk parent", 10, Map.of("parent", TableLock.ACCESS_EXCLUSIVE)),
                job("pk child", 20, Map.of("child", TableLock.ACCESS_EXCLUSIVE)),
                job("index child a", 20, Map.of("child", TableLock.SHARE)),
                job("index child b", 20, Map.of("child", TableLock.SHARE)),
                job("add fk", 0, Map.of("child", TableLock.SHARE_ROW_EXCLUSIVE, "parent", TableLock.SHARE_ROW_EXCLUSIVE), "pk parent"),
                job("validate fk", 30, Map.of("child", TableLock.SHARE_UPDATE_EXCLUSIVE, "parent", TableLock.ROW_SHARE), "add fk"),
                job("ANALYZE child", 3, Map.of("child", TableLock.SHARE_UPDATE_EXCLUSIVE)),
                job("ANALYZE parent", 3, Map.of("parent", TableLock.SHARE_UPDATE_EXCLUSIVE)));
    }

    @Test
    void runsEveryJobOnceNeverBesideAConflictingLockAndOnlyAfterItsPrerequisites()
    {
        List<KeyJob> jobs = parentAndChild();
        List<KeyJob> running = new ArrayList<>();
        List<String> finished = Collections.synchronizedList(new ArrayList<>());
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger mostAtOnce = new AtomicInteger();
        KeyScheduler scheduler = new KeyScheduler(jobs);
        scheduler.run(Collections.nCopies(3, (Connection) null), (connection, job) -> {
            synchronized (running) {
                for (KeyJob other : running) {
                    if (!job.compatibleWith(other)) {
                        violations.add(job.sql() + " beside " + other.sql());
                    }
                }
                for (String prerequisite : job.after()) {
                    if (!finished.contains(prerequisite)) {
                        violations.add(job.sql() + " before " + prerequisite);
                    }
                }
                running.add(job);
                mostAtOnce.accumulateAndGet(running.size(), Math::max);
            }
            sleep(30);
            synchronized (running) {
                running.remove(job);
                finished.add(job.sql());
            }
        }, () -> {});
        assertThat(violations).isEmpty();
        assertThat(finished).containsExactlyInAnyOrderElementsOf(jobs.stream().map(KeyJob::sql).toList());
        assertThat(mostAtOnce.get()).as("jobs of different tables, or sharing a table in SHARE mode, run at once").isGreaterThan(1);
        assertThat(scheduler.analyzeNanos()).as("two ANALYZE of 30 ms").isGreaterThanOrEqualTo(50_000_000L);
    }

    @Test
    void startsTheLongestChainFirstNotTheHeaviestJob()
    {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        new KeyScheduler(List.of(
                job("heavy alone", 50, Map.of("a", TableLock.SHARE)),
                job("light, needed by the heaviest", 1, Map.of("b", TableLock.ACCESS_EXCLUSIVE)),
                job("heaviest", 100, Map.of("c", TableLock.SHARE), "light, needed by the heaviest")))
                .run(Collections.nCopies(1, (Connection) null), (connection, job) -> order.add(job.sql()), () -> {});
        assertThat(order).containsExactly("light, needed by the heaviest", "heaviest", "heavy alone");
    }

    @Test
    void aPrerequisiteDoneByAnEarlierRunIsNotAwaited()
    {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        new KeyScheduler(List.of(job("validate", 1, Map.of("child", TableLock.SHARE_UPDATE_EXCLUSIVE), "add fk (committed by the run that crashed)")))
                .run(Collections.nCopies(1, (Connection) null), (connection, job) -> order.add(job.sql()), () -> {});
        assertThat(order).containsExactly("validate");
    }

    @Test
    void theFirstFailureStopsTheOthersAndIsRethrown()
    {
        Set<String> started = Collections.synchronizedSet(new HashSet<>());
        assertThatThrownBy(() -> new KeyScheduler(parentAndChild()).run(Collections.nCopies(2, (Connection) null), (connection, job) -> {
            started.add(job.sql());
            if (job.sql().equals("pk parent")) {
                throw new LoadException("the loaded data breaks a key");
            }
            sleep(30);
        }, () -> {})).isInstanceOf(LoadException.class).hasMessage("the loaded data breaks a key");
        assertThat(started).as("what needs the failed primary key never starts").doesNotContain("add fk", "validate fk");
    }

    private static void sleep(long millis)
    {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
