package dev.simdata.dataset;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The codec of one column chunk. The chunk's first page is compressed with the writer's codec; if that saves less
 * than a fifth of the page ({@link #MIN_SAVING}), the whole chunk (its dictionary page too) is stored uncompressed,
 * since a codec that barely shrinks a page mostly costs its writer and its readers time: text UUIDs under Snappy save
 * about a tenth, while Snappy was about 45% of the writer's Parquet CPU time on load_test (docs/dataset-format.md).
 * The choice depends only on the bytes.
 */
final class ChunkCompression
{
    /**
     * A chunk is compressed when its first page shrinks by at least 1/MIN_SAVING. An eighth (0.3.1 and 0.3.2) kept
     * Snappy on timestamps and random text codes, which save 13-16%: a fifth stores them as they are, for 6-8% less
     * Parquet CPU time and files 1.5% larger on load_test.
     */
    private static final int MIN_SAVING = 5;

    private final PageCompressor compressor;
    /** Null until the chunk's first page is compressed. */
    private Boolean pays;

    ChunkCompression(PageCompressor compressor)
    {
        this.compressor = compressor;
    }

    /**
     * Stores {@code page[0, length)} at the compressor's position and returns its stored length. A chunk that starts
     * with dictionary ids is always compressed: the plain values it may fall back to (repeated identifiers) compress
     * well.
     */
    int store(byte[] page, int length, boolean dictionaryIds)
    {
        return store(page, length, dictionaryIds, -1, 0);
    }

    /**
     * As {@link #store(byte[], int, boolean)}, for a page of plain values of {@code width} bytes each from
     * {@code start} (-1: any other page): under Snappy they are compressed by {@link PageCompressor#compressRepeats}.
     */
    int store(byte[] page, int length, boolean dictionaryIds, int start, int width)
    {
        if (pays == null) {
            int at = compressor.position();
            int compressed = compress(page, length, start, width);
            pays = dictionaryIds || compressor.codec() == CompressionCodecName.UNCOMPRESSED || compressed <= length - length / MIN_SAVING;
            if (pays) {
                return compressed;
            }
            compressor.dropFrom(at);
        }
        else if (pays) {
            return compress(page, length, start, width);
        }
        compressor.storePlain(page, length);
        return length;
    }

    private int compress(byte[] page, int length, int start, int width)
    {
        return start >= 0 && compressor.codec() == CompressionCodecName.SNAPPY ? compressor.compressRepeats(page, length, start, width)
                : compressor.compress(page, length);
    }

    /** Where the next page is stored, in {@link #bytes}. */
    int position()
    {
        return compressor.position();
    }

    /** The row group's stored pages; valid until the next page is stored. */
    byte[] bytes()
    {
        return compressor.bytes();
    }

    /** The codec of the chunk's pages so far. */
    CompressionCodecName codec()
    {
        return Boolean.FALSE.equals(pays) ? CompressionCodecName.UNCOMPRESSED : compressor.codec();
    }

    /** The next page starts a new chunk, which decides afresh. */
    void nextChunk()
    {
        pays = null;
    }
}
