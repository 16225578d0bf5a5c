package dev.simdata.dataset;

import dev.simdata.schema.RowSink;
import dev.simdata.schema.TableSource;

/**
 * Exactly one shard's rows, a unit at a time: skips the first unit's leading rows and stops after the shard's row
 * count. Used by the shard writers and by readers that pull rows (the Spark data source).
 */
public final class ShardCursor
{
    private final TableSource.Cursor cursor;
    private final RowSink window;
    private long unit;
    private long remainingSkip;
    private long remaining;
    private RowSink sink;

    public ShardCursor(TableSource source, ShardSpec shard)
    {
        this.cursor = source.open();
        this.unit = shard.firstUnit();
        this.remainingSkip = shard.skipRows();
        this.remaining = shard.rows();
        this.window = row -> {
            if (remainingSkip > 0) {
                remainingSkip--;
            }
            else if (remaining > 0) {
                remaining--;
                sink.accept(row);
            }
        };
    }

    /**
     * Emits the shard's rows of the next unit into {@code sink} (none, for a unit without rows in the shard).
     *
     * @return false, without emitting anything, once every row of the shard was emitted
     */
    public boolean next(RowSink sink)
    {
        if (remaining <= 0) {
            return false;
        }
        this.sink = sink;
        cursor.emit(unit++, window);
        return true;
    }
}
