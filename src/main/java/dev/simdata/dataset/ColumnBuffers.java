package dev.simdata.dataset;

import java.util.ArrayDeque;

/**
 * The growable buffers of one Parquet column being written (its page, its plain values, its dictionary, its ids and
 * nulls), kept per thread from shard to shard. Each column of a shard takes a set and gives it back when the file is
 * closed: on load_test, new buffers for every column of every shard were 166 MB of the writer's 356 MB of garbage,
 * and a reused buffer is still in the core's cache. A thread keeps at most one set per column of the widest table it
 * wrote, each bounded by the page and dictionary sizes.
 */
final class ColumnBuffers
{
    private static final ThreadLocal<ArrayDeque<ColumnBuffers>> IDLE = ThreadLocal.withInitial(ArrayDeque::new);

    final PageBytes plain = new PageBytes(1 << 16);
    final PageBytes page = new PageBytes(1 << 16);
    final ParquetDictionary dictionary = new ParquetDictionary();
    int[] ids = new int[1024];
    int[] nullsAt = new int[64];
    int[] levels = new int[0];
    private boolean idle;

    private ColumnBuffers() {}

    /** One of this thread's idle sets, emptied, or a new one. */
    static ColumnBuffers take()
    {
        ColumnBuffers buffers = IDLE.get().pollFirst();
        if (buffers == null) {
            return new ColumnBuffers();
        }
        buffers.idle = false;
        buffers.plain.clear();
        buffers.page.clear();
        buffers.dictionary.clear();
        return buffers;
    }

    /** Gives the set back to this thread's idle ones (once, however often it is called); its taker must not use it any more. */
    void release()
    {
        if (!idle) {
            idle = true;
            IDLE.get().addFirst(this);
        }
    }
}
