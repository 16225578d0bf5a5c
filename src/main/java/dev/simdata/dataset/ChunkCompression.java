package dev.simdata.dataset;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Arrays;

/**
 * The codec of one column chunk. The chunk's first page is compressed with the writer's codec; if that saves less
 * than an eighth of the page, the whole chunk (its dictionary page too) is stored uncompressed, since a codec that
 * does not shrink a page only costs its writer and its readers time. Text UUIDs under Snappy save about a tenth,
 * while Snappy was about 45% of the writer's Parquet CPU time on load_test (docs/dataset-format.md). The choice
 * depends only on the bytes.
 */
final class ChunkCompression
{
    private final PageCompressor compressor;
    /** Null until the chunk's first page is compressed. */
    private Boolean pays;

    ChunkCompression(PageCompressor compressor)
    {
        this.compressor = compressor;
    }

    /**
     * The stored form of {@code page[0, length)}, in an array of its own. A chunk that starts with dictionary ids is
     * always compressed: the plain values it may fall back to (repeated identifiers) compress well.
     */
    byte[] compress(byte[] page, int length, boolean dictionaryIds)
    {
        if (pays == null) {
            byte[] compressed = compressor.compress(page, length);
            pays = dictionaryIds || compressor.codec() == CompressionCodecName.UNCOMPRESSED || compressed.length <= length - length / 8;
            return pays ? compressed : Arrays.copyOf(page, length);
        }
        return pays ? compressor.compress(page, length) : Arrays.copyOf(page, length);
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
