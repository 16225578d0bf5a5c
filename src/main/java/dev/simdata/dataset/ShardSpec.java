package dev.simdata.dataset;

/**
 * One shard of a table: {@code rows} rows starting at row {@code skipRows} of unit {@code firstUnit}. Shard
 * boundaries depend only on the table's row counts and the shard size, never on the thread count.
 */
public record ShardSpec(int index, long firstUnit, int skipRows, long rows)
{
    public ShardSpec
    {
        if (index < 0 || firstUnit < 0 || skipRows < 0 || rows < 0) {
            throw new IllegalArgumentException("negative shard field");
        }
    }
}
