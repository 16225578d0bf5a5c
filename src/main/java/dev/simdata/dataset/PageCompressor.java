package dev.simdata.dataset;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Compresses one writer's pages into one buffer that holds the row group's stored pages, every column's, until the
 * row group is written. Snappy goes straight from the page's array into that buffer (the codec path of parquet-java
 * copies every page into and out of direct buffers); ZSTD goes through parquet-java's codec, for the same frames it
 * has always written.
 *
 * <p>The buffer is reused from shard to shard, one per thread: a load_test shard is one row group of about 15 MB,
 * and a new array for every page (290 MB in all) kept the collector copying row groups that were still being
 * written. It holds at most a row group ({@link ParquetShardWriter#ROW_GROUP_BYTES}) and its last pages.
 */
final class PageCompressor
        implements Closeable
{
    private static final ThreadLocal<PageBytes> IDLE = new ThreadLocal<>();

    private final ParquetCompression compression;
    private final CodecFactory codecs;
    private final BytesInputCompressor codec;
    private final PageBytes stored;

    PageCompressor(ParquetCompression compression, int pageBytes)
    {
        this.compression = compression;
        if (compression == ParquetCompression.ZSTD) {
            this.codecs = new CodecFactory(new PlainParquetConfiguration(), pageBytes);
            this.codec = codecs.getCompressor(compression.codec());
        }
        else {
            this.codecs = null;
            this.codec = null;
        }
        PageBytes idle = IDLE.get();
        IDLE.remove();
        this.stored = idle != null ? idle : new PageBytes(1 << 20);
        stored.clear();
    }

    CompressionCodecName codec()
    {
        return compression.codec();
    }

    /** Where the next stored page starts. */
    int position()
    {
        return stored.size();
    }

    /** The stored pages; valid until the next page is stored. */
    byte[] bytes()
    {
        return stored.array();
    }

    /** Stores the compressed form of {@code input[0, length)} and returns its length. */
    int compress(byte[] input, int length)
    {
        try {
            return switch (compression) {
                case NONE -> {
                    storePlain(input, length);
                    yield length;
                }
                case SNAPPY -> {
                    int at = stored.reserve(Snappy.maxCompressedLength(length));
                    stored.truncate(at + Snappy.compress(input, 0, length, stored.array(), at));
                    yield stored.size() - at;
                }
                case ZSTD -> {
                    byte[] compressed = codec.compress(BytesInput.from(input, 0, length)).toByteArray();
                    storePlain(compressed, compressed.length);
                    yield compressed.length;
                }
            };
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores {@code input[0, length)} in Snappy's format, for a page whose values from {@code start} on are
     * {@code width} bytes each (plain text UUIDs): a value equal to the one before it becomes a copy of it, everything
     * else literals. Any Snappy decoder reads it; on repeated identifiers (a recipient's events name it row after row)
     * it is about as small as Snappy's own search for matches, at a fraction of its cost. Returns the stored length.
     */
    int compressRepeats(byte[] input, int length, int start, int width)
    {
        int at = stored.reserve(Snappy.maxCompressedLength(length));
        stored.truncate(at);
        stored.putVarint(length);
        int literal = 0;
        for (int value = start + width; value + width <= length; value += width) {
            if (Arrays.equals(input, value, value + width, input, value - width, value)) {
                literal(input, literal, value - literal);
                // a copy with a two-byte offset: tag (length - 1) << 2 | 2, then the offset, little-endian
                stored.putByte((width - 1) << 2 | 2);
                stored.putByte(width);
                stored.putByte(width >>> 8);
                literal = value + width;
            }
        }
        literal(input, literal, length - literal);
        return stored.size() - at;
    }

    /** A Snappy literal of {@code input[offset, offset + length)}: its tag, its length beyond 60 bytes, the bytes. */
    private void literal(byte[] input, int offset, int length)
    {
        if (length == 0) {
            return;
        }
        int n = length - 1;
        if (n < 60) {
            stored.putByte(n << 2);
        }
        else {
            int bytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4;
            stored.putByte((59 + bytes) << 2);
            for (int i = 0; i < bytes; i++) {
                stored.putByte(n >>> 8 * i);
            }
        }
        stored.put(input, offset, length);
    }

    /** Stores {@code input[0, length)} as it is. */
    void storePlain(byte[] input, int length)
    {
        stored.put(input, 0, length);
    }

    /** Forgets the pages stored from {@code position} on. */
    void dropFrom(int position)
    {
        stored.truncate(position);
    }

    @Override
    public void close()
    {
        if (codecs != null) {
            codecs.release();
        }
        IDLE.set(stored);
    }
}
