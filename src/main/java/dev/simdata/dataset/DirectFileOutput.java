package dev.simdata.dataset;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * A new local data file, written with {@code O_DIRECT} where its file system is on a local disk (ext4, xfs): the bytes
 * go from this stream's aligned buffers to the disk, not through the page cache. Each full buffer is written on a
 * {@code simdata-io} thread while the caller fills the next, so the disk's time overlaps the work; a stream created
 * {@linkplain #createDeferred deferred} also lets its caller go on once it is closed, while the disk catches up (a
 * Parquet shard hands over its whole row group at the end, faster than the disk takes it). Anywhere else (tmpfs,
 * network and user-space file systems, a platform without {@code O_DIRECT}) it is a plain buffered stream.
 *
 * <p>Why: a dataset is written once and read later, and the page cache gains nothing from holding it, but paying for
 * it costs a core: on this project's 2-core VM, copying 1.2 GB into newly allocated page-cache pages and then writing
 * it back took 0.7-2.8 CPU-s (it varies with the host, which backs every new page on first touch), against 0.3 CPU-s
 * straight from the buffer. The file's last block is written padded to the block size, then the file is cut to its
 * length. The caller still fsyncs the file (its size and extents), as the commit protocol says.
 */
final class DirectFileOutput
        extends OutputStream
{
    /** Each buffer: one being filled per open file, and at most {@link #IN_FLIGHT} being written. */
    static final int BUFFER_BYTES = 1 << 20;
    /** Buffers are aligned to this, so any block size up to it (a power of two) can be written directly. */
    private static final int MAX_BLOCK = 1 << 16;
    private static final Set<String> DIRECT_FILE_SYSTEMS = Set.of("ext4", "xfs");
    /** A folder's block size where its files can be written directly, else 0; a dataset has a few dozen folders. */
    private static final Map<Path, Integer> BLOCKS = new ConcurrentHashMap<>();
    private static final Queue<ByteBuffer> IDLE = new ConcurrentLinkedQueue<>();
    private static final ExecutorService IO = Executors.newCachedThreadPool(runnable -> DatasetWriter.daemon(runnable, "simdata-io"));
    /**
     * Buffers being written, over all files: enough to take a row group's burst while the disk catches up (load_test:
     * the workers waited 0.21 s in all for the disk with two buffers per file, and not at all with this).
     */
    static final int IN_FLIGHT = 16;
    private static final Semaphore WRITING = new Semaphore(IN_FLIGHT);

    private final FileChannel channel;
    private final int block;
    private final boolean deferred;
    private ByteBuffer filling;
    /** This file's writes; each gives its buffer back and frees its permit when done. */
    private final List<Future<?>> writes = new ArrayList<>();
    /** The first write that failed; later writes of the file are skipped. */
    private volatile IOException failure;
    /** Where {@link #filling} starts in the file. */
    private long position;
    /** Waits for the writes, cuts the file to its length and closes it; set by {@link #close}. */
    private Future<?> finishing;

    private DirectFileOutput(FileChannel channel, int block, boolean deferred)
    {
        this.channel = channel;
        this.block = block;
        this.deferred = deferred;
        this.filling = buffer();
    }

    /** Creates (or truncates) {@code file} and opens it for writing, directly where its file system allows. */
    static OutputStream create(Path file)
            throws IOException
    {
        return create(file, false);
    }

    /**
     * The same, but a direct file's {@link #close} returns once the last bytes are handed over: the file is complete
     * and closed only after {@link #awaitClosed} returns (the caller must call it, also when it gives up).
     */
    static OutputStream createDeferred(Path file)
            throws IOException
    {
        return create(file, true);
    }

    private static OutputStream create(Path file, boolean deferred)
            throws IOException
    {
        Path folder = file.toAbsolutePath().getParent();
        int block = directBlock(folder);
        if (block > 0) {
            try {
                return new DirectFileOutput(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT), block, deferred);
            }
            catch (IOException | UnsupportedOperationException e) {
                // the file system refused O_DIRECT after all (or the open failed, and fails again below)
                BLOCKS.put(folder, 0);
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A stream over an open channel (for tests: one that refuses writes shows where a failure is reported). */
    static DirectFileOutput over(FileChannel channel, int block, boolean deferred)
    {
        return new DirectFileOutput(channel, block, deferred);
    }

    /** Whether files created in {@code folder} are written directly (for tests). */
    static boolean direct(Path folder)
    {
        return directBlock(folder.toAbsolutePath()) > 0;
    }

    private static int directBlock(Path folder)
    {
        if (folder == null) {
            return 0;
        }
        return BLOCKS.computeIfAbsent(folder, key -> {
            try {
                FileStore store = Files.getFileStore(key);
                long size = store.getBlockSize();
                boolean usable = DIRECT_FILE_SYSTEMS.contains(store.type()) && size > 0 && size <= MAX_BLOCK && Long.bitCount(size) == 1;
                return usable ? (int) size : 0;
            }
            catch (IOException | UnsupportedOperationException e) {
                return 0;
            }
        });
    }

    private static ByteBuffer buffer()
    {
        ByteBuffer buffer = IDLE.poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(BUFFER_BYTES + MAX_BLOCK).alignedSlice(MAX_BLOCK);
        }
        buffer.clear().limit(BUFFER_BYTES);
        return buffer;
    }

    @Override
    public void write(int value)
            throws IOException
    {
        checkOpen();
        filling.put((byte) value);
        if (!filling.hasRemaining()) {
            handOver();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length)
            throws IOException
    {
        checkOpen();
        while (length > 0) {
            int n = Math.min(length, filling.remaining());
            filling.put(bytes, offset, n);
            offset += n;
            length -= n;
            if (!filling.hasRemaining()) {
                handOver();
            }
        }
    }

    private void checkOpen()
            throws IOException
    {
        if (finishing != null) {
            throw new IOException("stream closed");
        }
        IOException failed = failure;
        if (failed != null) {
            throw failed;
        }
    }

    /** Starts writing the full buffer and goes on filling a fresh one. */
    private void handOver()
            throws IOException
    {
        ByteBuffer full = filling.flip();
        long at = position;
        position += full.remaining();
        filling = buffer();
        submit(full, at);
    }

    /**
     * Writes {@code full} at {@code at} on a {@code simdata-io} thread, once fewer than {@link #IN_FLIGHT} buffers are
     * being written: the caller runs ahead of the disk by at most that much.
     */
    private void submit(ByteBuffer full, long at)
            throws IOException
    {
        try {
            WRITING.acquire();
        }
        catch (InterruptedException e) {
            IDLE.add(full);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a file");
        }
        writes.removeIf(Future::isDone);
        writes.add(IO.submit(() -> {
            try {
                if (failure == null) {
                    writeFully(full, at);
                }
            }
            catch (IOException | RuntimeException e) {
                IOException io = e instanceof IOException checked ? checked : new IOException(e);
                if (failure == null) {
                    failure = io;
                }
            }
            finally {
                IDLE.add(full);
                WRITING.release();
            }
        }));
    }

    private void writeFully(ByteBuffer buffer, long at)
            throws IOException
    {
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /**
     * Hands over the rest, its last block padded with zeros; the file is then cut to its length and closed on a
     * {@code simdata-io} thread. Unless the stream was created deferred, waits for that ({@link #awaitClosed}).
     */
    @Override
    public void close()
            throws IOException
    {
        if (finishing != null) {
            return;
        }
        IOException handOver = null;
        long length = position;
        try {
            int rest = filling.position();
            if (rest > 0 && failure == null) {
                int padded = (rest + block - 1) / block * block;
                while (filling.position() < padded) {
                    filling.put((byte) 0);
                }
                ByteBuffer last = filling.flip();
                filling = null;
                submit(last, position);
                length += rest;
            }
        }
        catch (IOException e) {
            handOver = e;
        }
        finally {
            if (filling != null) {
                IDLE.add(filling);
                filling = null;
            }
        }
        List<Future<?>> pending = List.copyOf(writes);
        long size = length;
        finishing = IO.submit(() -> {
            try (channel) {
                for (Future<?> write : pending) {
                    awaitUninterruptibly(write);
                }
                IOException failed = failure;
                if (failed != null) {
                    throw failed;
                }
                if (channel.size() != size) {
                    channel.truncate(size);
                }
            }
            return null;
        });
        if (handOver != null) {
            throw handOver;
        }
        if (!deferred) {
            awaitClosed();
        }
    }

    /** Waits until the closed file is complete and closed, and throws what writing it failed with. */
    void awaitClosed()
            throws IOException
    {
        if (finishing == null) {
            close();
        }
        try {
            awaitUninterruptibly(finishing);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }

    /** Waits for {@code future} even when interrupted (a file is never left open), keeping the interrupt. */
    private static void awaitUninterruptibly(Future<?> future)
            throws ExecutionException
    {
        boolean interrupted = false;
        while (true) {
            try {
                future.get();
                break;
            }
            catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
