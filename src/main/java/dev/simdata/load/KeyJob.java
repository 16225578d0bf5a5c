package dev.simdata.load;

import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One statement run after the rows are in (a primary key, a unique or foreign-key index, a foreign key added
 * {@code NOT VALID}, its validation, an ANALYZE), with what it needs done first, the table locks PostgreSQL takes for
 * it, and its weight (the rows it reads), so that {@link KeyScheduler} can run it as soon as it may without waiting
 * on the server's locks.
 *
 * @param sql the statement
 * @param weight the rows it reads: the longer chains of work start first
 * @param locks the lock each table named by the statement takes
 * @param after the statements (of the same run) that must have committed first
 * @param analyze whether it is an ANALYZE (reported apart)
 * @param settings a query run before the statement in its transaction (transaction-scoped {@code set_config} calls),
 *         or null
 */
record KeyJob(String sql, long weight, Map<String, TableLock> locks, Set<String> after, boolean analyze, String settings)
{
    KeyJob
    {
        requireNonNull(sql, "sql is null");
        locks = Map.copyOf(requireNonNull(locks, "locks is null"));
        after = Set.copyOf(requireNonNull(after, "after is null"));
    }

    /** A job without settings of its own. */
    KeyJob(String sql, long weight, Map<String, TableLock> locks, Set<String> after, boolean analyze)
    {
        this(sql, weight, locks, after, analyze, null);
    }

    /** Whether this job and {@code other} may run at once: no table is locked by both in conflicting modes. */
    boolean compatibleWith(KeyJob other)
    {
        for (Map.Entry<String, TableLock> lock : locks.entrySet()) {
            TableLock theirs = other.locks().get(lock.getKey());
            if (theirs != null && lock.getValue().conflictsWith(theirs)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The table lock modes these statements take (PostgreSQL 15, "Explicit Locking"), and the conflicts between them.
     * Two CREATE INDEX on one table may run at once (SHARE and SHARE); a VALIDATE, an ANALYZE and an index build on one
     * table may not; a primary key (ACCESS EXCLUSIVE) excludes everything on its table. Weakest first.
     */
    enum TableLock
    {
        /** The referenced table of a foreign key's VALIDATE CONSTRAINT. */
        ROW_SHARE,
        /** COPY into the table. */
        ROW_EXCLUSIVE,
        /** VALIDATE CONSTRAINT on the referencing table; ANALYZE. */
        SHARE_UPDATE_EXCLUSIVE,
        /** CREATE INDEX, CREATE UNIQUE INDEX. */
        SHARE,
        /** ADD FOREIGN KEY, on both tables. */
        SHARE_ROW_EXCLUSIVE,
        /** ADD PRIMARY KEY. */
        ACCESS_EXCLUSIVE;

        boolean conflictsWith(TableLock other)
        {
            if (this == ACCESS_EXCLUSIVE || other == ACCESS_EXCLUSIVE) {
                return true;
            }
            return switch (this) {
                case ROW_SHARE -> false;
                case ROW_EXCLUSIVE -> other == SHARE || other == SHARE_ROW_EXCLUSIVE;
                case SHARE_UPDATE_EXCLUSIVE -> other == SHARE_UPDATE_EXCLUSIVE || other == SHARE || other == SHARE_ROW_EXCLUSIVE;
                case SHARE -> other == ROW_EXCLUSIVE || other == SHARE_UPDATE_EXCLUSIVE || other == SHARE_ROW_EXCLUSIVE;
                case SHARE_ROW_EXCLUSIVE -> other != ROW_SHARE;
                case ACCESS_EXCLUSIVE -> true;
            };
        }
    }
}
