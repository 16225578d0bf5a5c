package dev.simdata.dataset;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A new local data file, written with {@code O_DIRECT} where its file system is on a local disk (ext4, xfs): the bytes
 * go from this stream's aligned buffer to the disk, not through the page cache. While one buffer is written, on a
 * {@code simdata-io} thread, the caller fills the other, so the disk's time overlaps the work. Anywhere else (tmpfs,
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
    /** Each buffer; two per open file. */
    static final int BUFFER_BYTES = 1 << 20;
    /** Buffers are aligned to this, so any block size up to it (a power of two) can be written directly. */
    private static final int MAX_BLOCK = 1 << 16;
    private static final Set<String> DIRECT_FILE_SYSTEMS = Set.of("ext4", "xfs");
    /** A folder's block size where its files can be written directly, else 0; a dataset has a few dozen folders. */
    private static final Map<Path, Integer> BLOCKS = new ConcurrentHashMap<>();
    private static final Queue<ByteBuffer> IDLE = new ConcurrentLinkedQueue<>();
    private static final ExecutorService IO = Executors.newCachedThreadPool(runnable -> DatasetWriter.daemon(runnable, "simdata-io"));

    private final FileChannel channel;
    private final int block;
    private ByteBuffer filling;
    private ByteBuffer spare;
    /** The write of {@link #spare}, if any. */
    private Future<?> writing;
    /** Where {@link #filling} starts in the file. */
    private long position;
    private boolean closed;

    private DirectFileOutput(FileChannel channel, int block)
    {
        this.channel = channel;
        this.block = block;
        this.filling = buffer();
        this.spare = buffer();
    }

    /** Creates (or truncates) {@code file} and opens it for writing, directly where its file system allows. */
    static OutputStream create(Path file)
            throws IOException
    {
        Path folder = file.toAbsolutePath().getParent();
        int block = directBlock(folder);
        if (block > 0) {
            try {
                return new DirectFileOutput(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT), block);
            }
            catch (IOException | UnsupportedOperationException e) {
                // the file system refused O_DIRECT after all (or the open failed, and fails again below)
                BLOCKS.put(folder, 0);
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
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
        if (closed) {
            throw new IOException("stream closed");
        }
    }

    /** Starts writing the full buffer and goes on filling the spare one, once its own write is done. */
    private void handOver()
            throws IOException
    {
        awaitWrite();
        ByteBuffer full = filling.flip();
        long at = position;
        position += full.remaining();
        filling = spare.clear().limit(BUFFER_BYTES);
        spare = full;
        writing = IO.submit(() -> {
            writeFully(full, at);
            return null;
        });
    }

    private void writeFully(ByteBuffer buffer, long at)
            throws IOException
    {
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    private void awaitWrite()
            throws IOException
    {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
            writing = null;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing a file");
        }
        catch (ExecutionException e) {
            writing = null;
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(cause);
        }
    }

    /** Writes the rest, its last block padded with zeros, and cuts the file to its length. */
    @Override
    public void close()
            throws IOException
    {
        if (closed) {
            return;
        }
        closed = true;
        try (channel) {
            awaitWrite();
            int length = filling.position();
            if (length > 0) {
                int padded = (length + block - 1) / block * block;
                while (filling.position() < padded) {
                    filling.put((byte) 0);
                }
                writeFully(filling.flip(), position);
                position += length;
                if (padded != length) {
                    channel.truncate(position);
                }
            }
        }
        finally {
            // a write still running (the caller was interrupted) keeps its buffer; it is left to the collector
            if (writing == null) {
                IDLE.add(spare);
            }
            IDLE.add(filling);
        }
    }
}
