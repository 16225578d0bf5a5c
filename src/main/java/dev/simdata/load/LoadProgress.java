package dev.simdata.load;

/** Receives progress from a running load; called from several threads. */
public interface LoadProgress
{
    LoadProgress NONE = new LoadProgress() {};

    /** A table will receive {@code rows} rows in this run ({@code skippedRows} were loaded by an earlier run). */
    default void planned(String table, long rows, long skippedRows) {}

    /** The first shard of {@code table} started loading in this run. */
    default void started(String table) {}

    /** A shard of {@code table} committed with {@code rows} rows. */
    default void loaded(String table, long rows) {}

    /** A step after loading started, e.g. "primary keys". */
    default void phase(String description) {}

    /** Something the user should know, in one line, e.g. that {@code --jobs} was capped at the pool size. */
    default void notice(String line) {}

    /** Nothing has moved for {@code quiet} (reported once a second after ten quiet seconds, then zero when it moves again). */
    default void stalled(java.time.Duration quiet) {}
}
