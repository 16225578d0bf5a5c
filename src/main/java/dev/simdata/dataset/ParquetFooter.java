package dev.simdata.dataset;

import dev.simdata.dataset.ParquetFileLayout.Chunk;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static dev.simdata.dataset.ParquetFileLayout.DATA_PAGE;
import static dev.simdata.dataset.ParquetFileLayout.DICTIONARY_PAGE;
import static dev.simdata.dataset.ParquetFileLayout.MAX_STATS_SIZE;
import static dev.simdata.dataset.ParquetFileLayout.PLAIN_DICTIONARY;

/**
 * A Parquet file's footer (its FileMetaData): the schema, each row group's column chunks with their encodings,
 * statistics, encoding stats and index locations, the writer's name and the column orders, as parquet-java 1.18.1
 * writes them for the same chunks. The writer is named as parquet-mr 1.18.1, as before this class: the footer is
 * byte for byte what it writes, and readers key their workarounds on that name.
 */
final class ParquetFooter
{
    static final String CREATED_BY = "parquet-mr version 1.18.1 (build 7c22cdba6792fa29c5bda74bf1f866a08d7572a9)";

    private ParquetFooter() {}

    /** Writes the footer of a file with {@code rowGroups} (their chunks, in schema order, and row counts). */
    static void write(ThriftCompact thrift, MessageType schema, List<List<Chunk>> rowGroups, List<Long> rowGroupRows)
    {
        List<PrimitiveType> leaves = schema.getColumns().stream().map(column -> column.getPrimitiveType()).toList();
        thrift.i32(1, 1);
        thrift.list(2, ThriftCompact.STRUCT, leaves.size() + 1);
        thrift.beginElement();
        thrift.string(4, schema.getName());
        thrift.i32(5, leaves.size());
        thrift.endStruct();
        for (PrimitiveType leaf : leaves) {
            schemaElement(thrift, leaf);
        }
        thrift.i64(3, rowGroupRows.stream().mapToLong(Long::longValue).sum());
        thrift.list(4, ThriftCompact.STRUCT, rowGroups.size());
        for (int g = 0; g < rowGroups.size(); g++) {
            List<Chunk> chunks = rowGroups.get(g);
            thrift.beginElement();
            thrift.list(1, ThriftCompact.STRUCT, chunks.size());
            for (Chunk written : chunks) {
                columnChunk(thrift, schema, written, leaves.get(written.column));
            }
            thrift.i64(2, chunks.stream().mapToLong(written -> written.uncompressed).sum());
            thrift.i64(3, rowGroupRows.get(g));
            thrift.i64(5, chunks.get(0).start());
            thrift.i64(6, chunks.stream().mapToLong(written -> written.compressed).sum());
            thrift.i16(7, g);
            thrift.endStruct();
        }
        thrift.string(6, CREATED_BY);
        thrift.list(7, ThriftCompact.STRUCT, leaves.size());
        for (int i = 0; i < leaves.size(); i++) {
            thrift.beginElement();
            thrift.empty(1);
            thrift.endStruct();
        }
        thrift.end();
    }

    private static void schemaElement(ThriftCompact thrift, PrimitiveType leaf)
    {
        thrift.beginElement();
        thrift.i32(1, PageStats.physicalType(leaf));
        thrift.i32(3, leaf.getRepetition() == PrimitiveType.Repetition.OPTIONAL ? 1 : 0);
        thrift.string(4, leaf.getName());
        LogicalTypeAnnotation logical = leaf.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
            thrift.i32(6, 0);
            thrift.struct(10);
            thrift.empty(1);
            thrift.endStruct();
        }
        else if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            thrift.i32(6, 5);
            thrift.i32(7, decimal.getScale());
            thrift.i32(8, decimal.getPrecision());
            thrift.struct(10);
            thrift.struct(5);
            thrift.i32(1, decimal.getScale());
            thrift.i32(2, decimal.getPrecision());
            thrift.endStruct();
            thrift.endStruct();
        }
        else if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            thrift.i32(6, 6);
            thrift.struct(10);
            thrift.empty(6);
            thrift.endStruct();
        }
        else if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
                && timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
            thrift.i32(6, 10);
            thrift.struct(10);
            thrift.struct(8);
            thrift.bool(1, timestamp.isAdjustedToUTC());
            thrift.struct(2);
            thrift.empty(2);
            thrift.endStruct();
            thrift.endStruct();
            thrift.endStruct();
        }
        else if (logical != null) {
            throw new IllegalArgumentException("no Parquet footer for " + leaf);
        }
        thrift.endStruct();
    }

    private static void columnChunk(ThriftCompact thrift, MessageType schema, Chunk written, PrimitiveType leaf)
    {
        thrift.beginElement();
        thrift.i64(2, 0);
        thrift.struct(3);
        thrift.i32(1, PageStats.physicalType(leaf));
        int encodings = 0;
        for (boolean used : written.encodings) {
            encodings += used ? 1 : 0;
        }
        thrift.list(2, ThriftCompact.I32, encodings);
        for (int encoding = 0; encoding < written.encodings.length; encoding++) {
            if (written.encodings[encoding]) {
                thrift.element(encoding);
            }
        }
        thrift.list(3, ThriftCompact.BINARY, 1);
        thrift.element(leaf.getName().getBytes(StandardCharsets.UTF_8));
        thrift.i32(4, written.codec);
        thrift.i64(5, written.values);
        thrift.i64(6, written.uncompressed);
        thrift.i64(7, written.compressed);
        thrift.i64(9, written.firstDataOffset);
        if (written.dictionaryOffset >= 0) {
            thrift.i64(11, written.dictionaryOffset);
        }
        if (written.statsKind >= 0 && !written.stats.isEmpty()) {
            statistics(thrift, schema, written);
        }
        boolean dictionary = written.dictionaryOffset >= 0;
        thrift.list(13, ThriftCompact.STRUCT, written.dataEncodings.size() + (dictionary ? 1 : 0));
        if (dictionary) {
            encodingStats(thrift, DICTIONARY_PAGE, PLAIN_DICTIONARY, 1);
        }
        for (int[] used : written.dataEncodings) {
            encodingStats(thrift, DATA_PAGE, used[0], used[1]);
        }
        thrift.endStruct();
        thrift.i64(4, written.offsetIndexOffset);
        thrift.i32(5, written.offsetIndexLength);
        if (written.columnIndexOffset >= 0) {
            thrift.i64(6, written.columnIndexOffset);
            thrift.i32(7, written.columnIndexLength);
        }
        thrift.endStruct();
    }

    private static void encodingStats(ThriftCompact thrift, int pageType, int encoding, int count)
    {
        thrift.beginElement();
        thrift.i32(1, pageType);
        thrift.i32(2, encoding);
        thrift.i32(3, count);
        thrift.endStruct();
    }

    /** The chunk's statistics: its pages' merged range and nulls. */
    private static void statistics(ThriftCompact thrift, MessageType schema, Chunk written)
    {
        int kind = written.statsKind;
        PageStats merged = PageStats.merged(kind, written.stats);
        thrift.struct(12);
        byte[] min = merged.hasValue() ? merged.bytes(kind, true) : null;
        byte[] max = merged.hasValue() ? merged.bytes(kind, false) : null;
        if (min == null || kind != PageStats.BINARY || (long) min.length + max.length < MAX_STATS_SIZE) {
            // the deprecated min and max only where their old signed order is the type's (not text, not decimals)
            boolean signed = kind != PageStats.BINARY
                    && !(schema.getType(written.column).getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation);
            if (min != null && (signed || Arrays.equals(min, max))) {
                thrift.binary(1, max);
                thrift.binary(2, min);
            }
            thrift.i64(3, merged.nulls());
            if (min != null) {
                thrift.binary(5, max);
                thrift.binary(6, min);
            }
        }
        thrift.endStruct();
    }
}
