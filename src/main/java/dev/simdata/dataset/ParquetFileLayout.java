package dev.simdata.dataset;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a Parquet file around the pages {@link ParquetColumn} encodes: the magic, each row group's column chunks
 * (page headers and pages), the column indexes, the offset indexes and the footer, in Thrift's compact protocol.
 * The bytes are those parquet-java 1.18.1's {@code ParquetFileWriter} writes for the same pages (no page checksums,
 * no size statistics, no bloom filters): a chunk's encodings sorted, its encoding stats in order of first use, its
 * statistics as {@code min_value}/{@code max_value} (and the deprecated {@code min}/{@code max} for signed types), a
 * column index where every page has statistics ({@link ParquetFooter}).
 *
 * <p>Why not parquet-java's writer: building its per-page objects, indexes and footer, and warming up its code, was
 * about 0.2 s of CPU per load_test run (csv+parquet), a tenth of what Parquet adds to CSV.
 */
final class ParquetFileLayout
{
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};
    /** Statistics and column indexes larger than this are left out (parquet-java's limit). */
    static final int MAX_STATS_SIZE = 4096;
    /** Thrift enum values: encodings and page types. */
    static final int PLAIN = 0;
    static final int PLAIN_DICTIONARY = 2;
    static final int RLE = 3;
    static final int BIT_PACKED = 4;
    static final int DATA_PAGE = 0;
    static final int DICTIONARY_PAGE = 2;

    private final PositionOutputStream out;
    private final MessageType schema;
    private final PageBytes buffer = new PageBytes(256);
    private final ThriftCompact thrift = new ThriftCompact(buffer);
    private final List<List<Chunk>> rowGroups = new ArrayList<>();
    private final List<Long> rowGroupRows = new ArrayList<>();
    private List<Chunk> rowGroup;
    private Chunk chunk;

    /** One column chunk: where its pages are, what they hold, and its indexes once written. */
    static final class Chunk
    {
        final int column;
        final int codec;
        final long values;
        final int statsKind;
        long dictionaryOffset = -1;
        long firstDataOffset = -1;
        long uncompressed;
        long compressed;
        /** Encodings used, by Thrift value; data page encodings in order of first use with their counts. */
        final boolean[] encodings = new boolean[BIT_PACKED + 1];
        final List<int[]> dataEncodings = new ArrayList<>(2);
        final List<PageStats> stats = new ArrayList<>();
        final List<long[]> locations = new ArrayList<>();
        long columnIndexOffset = -1;
        int columnIndexLength;
        long offsetIndexOffset;
        int offsetIndexLength;

        Chunk(int column, int codec, long values, int statsKind)
        {
            this.column = column;
            this.codec = codec;
            this.values = values;
            this.statsKind = statsKind;
        }

        long start()
        {
            return dictionaryOffset >= 0 ? dictionaryOffset : firstDataOffset;
        }
    }

    ParquetFileLayout(PositionOutputStream out, MessageType schema)
            throws IOException
    {
        this.out = out;
        this.schema = schema;
        out.write(MAGIC);
    }

    void startRowGroup(long rows)
    {
        rowGroup = new ArrayList<>();
        rowGroups.add(rowGroup);
        rowGroupRows.add(rows);
    }

    /** Starts leaf {@code column}'s chunk of {@code values} values (nulls included), stored with {@code codec}. */
    void startColumn(int column, CompressionCodecName codec, long values, boolean statistics)
    {
        int kind = statistics ? PageStats.physicalType(schema.getType(column).asPrimitiveType()) : -1;
        chunk = new Chunk(column, thriftCodec(codec), values, kind);
        rowGroup.add(chunk);
    }

    /** Thrift's number for {@code codec}. */
    private static int thriftCodec(CompressionCodecName codec)
    {
        return switch (codec) {
            case UNCOMPRESSED -> 0;
            case SNAPPY -> 1;
            case ZSTD -> 6;
            default -> throw new IllegalArgumentException("no Parquet codec " + codec);
        };
    }

    void dictionaryPage(byte[] bytes, int offset, int length, int uncompressedSize, int entries)
            throws IOException
    {
        chunk.dictionaryOffset = out.getPos();
        buffer.clear();
        pageHeader(DICTIONARY_PAGE, uncompressedSize, length);
        thrift.struct(7);
        thrift.i32(1, entries);
        thrift.i32(2, PLAIN_DICTIONARY);
        thrift.endStruct();
        thrift.end();
        write(bytes, offset, length, uncompressedSize);
        chunk.encodings[PLAIN_DICTIONARY] = true;
    }

    /** A version 1 data page of {@code values} values (and rows); {@code stats} null for a column without statistics. */
    void dataPage(int values, int uncompressedSize, byte[] bytes, int offset, int length, PageStats stats, int definitionLevels, int encoding)
            throws IOException
    {
        long at = out.getPos();
        if (chunk.firstDataOffset < 0) {
            chunk.firstDataOffset = at;
        }
        buffer.clear();
        pageHeader(DATA_PAGE, uncompressedSize, length);
        thrift.struct(5);
        thrift.i32(1, values);
        thrift.i32(2, encoding);
        thrift.i32(3, definitionLevels);
        thrift.i32(4, BIT_PACKED);
        thrift.endStruct();
        thrift.end();
        write(bytes, offset, length, uncompressedSize);
        // offset, size with header, first row, rows
        long[] last = chunk.locations.isEmpty() ? new long[4] : chunk.locations.get(chunk.locations.size() - 1);
        chunk.locations.add(new long[] {at, out.getPos() - at, last[2] + last[3], values});
        if (stats != null) {
            chunk.stats.add(stats);
        }
        chunk.encodings[BIT_PACKED] = true;
        chunk.encodings[definitionLevels] = true;
        chunk.encodings[encoding] = true;
        for (int[] used : chunk.dataEncodings) {
            if (used[0] == encoding) {
                used[1]++;
                return;
            }
        }
        chunk.dataEncodings.add(new int[] {encoding, 1});
    }

    private void pageHeader(int type, int uncompressedSize, int compressedSize)
    {
        thrift.i32(1, type);
        thrift.i32(2, uncompressedSize);
        thrift.i32(3, compressedSize);
    }

    /** Writes the header in {@link #buffer}, then the page. */
    private void write(byte[] bytes, int offset, int length, int uncompressedSize)
            throws IOException
    {
        out.write(buffer.array(), 0, buffer.size());
        out.write(bytes, offset, length);
        chunk.uncompressed += buffer.size() + uncompressedSize;
        chunk.compressed += buffer.size() + length;
    }

    /** Writes the column indexes, the offset indexes and the footer, and closes the stream. */
    void end()
            throws IOException
    {
        for (List<Chunk> chunks : rowGroups) {
            for (Chunk written : chunks) {
                if (columnIndex(written)) {
                    written.columnIndexOffset = out.getPos();
                    written.columnIndexLength = flush();
                }
            }
        }
        for (List<Chunk> chunks : rowGroups) {
            for (Chunk written : chunks) {
                offsetIndex(written);
                written.offsetIndexOffset = out.getPos();
                written.offsetIndexLength = flush();
            }
        }
        buffer.clear();
        ParquetFooter.write(thrift, schema, rowGroups, rowGroupRows);
        int length = flush();
        out.write(new byte[] {(byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)});
        out.write(MAGIC);
        out.close();
    }

    private int flush()
            throws IOException
    {
        out.write(buffer.array(), 0, buffer.size());
        return buffer.size();
    }

    /** The chunk's column index into {@link #buffer}, if it has one: every page has statistics and they are small. */
    private boolean columnIndex(Chunk written)
    {
        buffer.clear();
        if (written.statsKind < 0 || written.stats.isEmpty()) {
            return false;
        }
        List<PageStats> pages = written.stats;
        long minMaxSize = 0;
        for (PageStats page : pages) {
            minMaxSize += page.hasValue() ? page.bytes(written.statsKind, true).length + page.bytes(written.statsKind, false).length : 0;
        }
        if (minMaxSize > (long) pages.size() * MAX_STATS_SIZE) {
            return false;
        }
        thrift.list(1, ThriftCompact.TRUE, pages.size());
        for (PageStats page : pages) {
            thrift.element(!page.hasValue());
        }
        for (boolean min : new boolean[] {true, false}) {
            thrift.list(min ? 2 : 3, ThriftCompact.BINARY, pages.size());
            for (PageStats page : pages) {
                thrift.element(page.hasValue() ? page.bytes(written.statsKind, min) : new byte[0]);
            }
        }
        thrift.i32(4, PageStats.boundaryOrder(written.statsKind, pages));
        thrift.list(5, ThriftCompact.I64, pages.size());
        for (PageStats page : pages) {
            thrift.element(page.nulls());
        }
        thrift.end();
        return true;
    }

    private void offsetIndex(Chunk written)
    {
        buffer.clear();
        thrift.list(1, ThriftCompact.STRUCT, written.locations.size());
        for (long[] location : written.locations) {
            thrift.beginElement();
            thrift.i64(1, location[0]);
            thrift.i32(2, (int) location[1]);
            thrift.i64(3, location[2]);
            thrift.endStruct();
        }
        thrift.end();
    }
}
