package dev.simdata.dataset;

import dev.simdata.schema.TableSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Cuts a table into shards of exactly {@code shardRows} rows (the last one shorter). Tables with one row per unit
 * are cut arithmetically; others are counted first, block by block in parallel, and only the blocks that hold a
 * boundary are walked unit by unit. Every table has at least one shard, so an empty table still has its files.
 * The counting pass is public so that a scheduler elsewhere (the Spark job) can run the blocks as its own tasks.
 */
public final class ShardPlanner
{
    private static final int BLOCK_UNITS = 1 << 15;

    private ShardPlanner() {}

    static List<ShardSpec> plan(TableSource source, long shardRows, ExecutorService executor)
            throws InterruptedException
    {
        int blocks = blockCount(source);
        List<Future<Long>> counts = new ArrayList<>(blocks);
        for (int block = 0; block < blocks; block++) {
            int counted = block;
            counts.add(executor.submit(() -> countBlock(source, counted)));
        }
        long[] blockRows = new long[blocks];
        for (int block = 0; block < blocks; block++) {
            blockRows[block] = get(counts.get(block));
        }
        return plan(source, shardRows, blockRows);
    }

    /** How many blocks the counting pass has for this table: 0 when its rows need no counting. */
    public static int blockCount(TableSource source)
    {
        return source.oneRowPerUnit() ? 0 : (int) ((source.unitCount() + BLOCK_UNITS - 1) / BLOCK_UNITS);
    }

    /** The rows of one block of units, {@code 0 <= block < blockCount(source)}; any thread, any machine. */
    public static long countBlock(TableSource source, int block)
    {
        long from = (long) block * BLOCK_UNITS;
        return countRows(source.open(), from, Math.min(source.unitCount(), from + BLOCK_UNITS));
    }

    /**
     * The shards, from the counting pass's result.
     *
     * @param blockRows {@link #countBlock} of every block, in order (empty for a table with one row per unit)
     */
    public static List<ShardSpec> plan(TableSource source, long shardRows, long[] blockRows)
    {
        long units = source.unitCount();
        if (source.oneRowPerUnit()) {
            List<ShardSpec> shards = new ArrayList<>();
            for (long start = 0; start < units || shards.isEmpty(); start += shardRows) {
                shards.add(new ShardSpec(shards.size(), start, 0, Math.min(shardRows, Math.max(0, units - start))));
            }
            return shards;
        }
        if (blockRows.length != blockCount(source)) {
            throw new IllegalArgumentException("expected " + blockCount(source) + " block counts, got " + blockRows.length);
        }
        long total = 0;
        for (long rows : blockRows) {
            total += rows;
        }
        List<ShardSpec> shards = new ArrayList<>();
        TableSource.Cursor cursor = source.open();
        long shardStartRow = 0;
        long rowsBeforeBlock = 0;
        int block = 0;
        long firstUnit = 0;
        int skip = 0;
        do {
            long rows = Math.min(shardRows, total - shardStartRow);
            shards.add(new ShardSpec(shards.size(), firstUnit, skip, rows));
            shardStartRow += rows;
            if (shardStartRow >= total) {
                break;
            }
            // find the unit that holds row shardStartRow, and how many of its rows come before it
            while (rowsBeforeBlock + blockRows[block] <= shardStartRow) {
                rowsBeforeBlock += blockRows[block];
                block++;
            }
            long row = rowsBeforeBlock;
            long unit = (long) block * BLOCK_UNITS;
            while (true) {
                int inUnit = cursor.rowsIn(unit);
                if (row + inUnit > shardStartRow) {
                    break;
                }
                row += inUnit;
                unit++;
            }
            firstUnit = unit;
            skip = (int) (shardStartRow - row);
        }
        while (true);
        return shards;
    }

    private static long countRows(TableSource.Cursor cursor, long from, long to)
    {
        long rows = 0;
        for (long unit = from; unit < to; unit++) {
            rows += cursor.rowsIn(unit);
        }
        return rows;
    }

    private static long get(Future<Long> future)
            throws InterruptedException
    {
        try {
            return future.get();
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
