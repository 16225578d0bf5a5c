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
 * Compresses one writer's pages. Snappy goes straight from the page's array into one reused output array (the
 * codec path of parquet-java copies every page into and out of direct buffers); ZSTD goes through parquet-java's
 * codec, for the same frames it has always written.
 */
final class PageCompressor
        implements Closeable
{
    private final ParquetCompression compression;
    private final CodecFactory codecs;
    private final BytesInputCompressor codec;
    private byte[] output = new byte[1 << 16];

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
    }

    CompressionCodecName codec()
    {
        return compression.codec();
    }

    /** The compressed form of {@code input[0, length)}, in an array of its own. */
    byte[] compress(byte[] input, int length)
    {
        try {
            return switch (compression) {
                case NONE -> Arrays.copyOf(input, length);
                case SNAPPY -> {
                    int bound = Snappy.maxCompressedLength(length);
                    if (output.length < bound) {
                        output = new byte[Math.max(bound, 2 * output.length)];
                    }
                    int compressed = Snappy.compress(input, 0, length, output, 0);
                    yield Arrays.copyOf(output, compressed);
                }
                case ZSTD -> codec.compress(BytesInput.from(input, 0, length)).toByteArray();
            };
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        if (codecs != null) {
            codecs.release();
        }
    }
}
