package dev.simdata.dataset;

/**
 * Receives progress while a dataset is written. Called from worker threads; implementations must be thread-safe
 * and cheap.
 */
public interface GenerationProgress
{
    GenerationProgress NONE = new GenerationProgress() {};

    /** The table's exact row count is known (after shard planning). */
    default void planned(String table, long rows) {}

    /** {@code rows} more rows of the table have been written. */
    default void advanced(String table, long rows) {}
}
