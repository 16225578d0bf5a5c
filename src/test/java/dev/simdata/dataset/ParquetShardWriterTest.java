package dev.simdata.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written page encoder against a reader we did not write (DuckDB): every value of 600,000 rows comes back,
 * over several row groups and pages, with nulls in runs and scattered, a dictionary that outgrows its limit mid-page
 * and falls back to plain, non-ASCII and empty text, negative decimals and booleans; and filters that DuckDB answers
 * from the statistics (page skipping) count what a full scan counts.
 */
class ParquetShardWriterTest
{
    private static final String DEFINITION = """
            {"name": "sample", "fields": [
              {"name": "id", "type": "string", "format": "uuid", "constraints": {"required": true}},
              {"name": "parent", "type": "string", "format": "uuid", "constraints": {"required": true}},
              {"name": "code", "type": "string", "constraints": {"enum": ["alpha", "beta", "delta", "gamma"]}},
              {"name": "name", "type": "string"},
              {"name": "amount", "type": "number", "decimalPrecision": 12, "decimalScale": 2},
              {"name": "count", "type": "integer", "constraints": {"required": true}},
              {"name": "flag", "type": "boolean"},
              {"name": "day", "type": "date"},
              {"name": "at", "type": "datetime", "constraints": {"required": true}}
            ], "primaryKey": ["id"]}""";
    private static final int ROWS = 600_000;
    private static final String[] CODES = {"alpha", "beta", "delta", "gamma"};

    @Test
    void duckdbReadsBackEveryValue(@TempDir Path temporary)
            throws Exception
    {
        Path file = writeSample(temporary, ParquetCompression.SNAPPY);
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            String source = "read_parquet('" + file + "', file_row_number = true)";
            try (ResultSet rows = statement.executeQuery("SELECT id, parent, code, name, amount, \"count\", flag, \"day\", epoch(\"at\")::BIGINT, file_row_number FROM "
                    + source + " ORDER BY file_row_number")) {
                int i = 0;
                while (rows.next()) {
                    assertThat(rows.getLong(10)).isEqualTo(i);
                    assertThat(rows.getString(1)).isEqualTo(new UUID(id(i), i).toString());
                    assertThat(rows.getString(2)).as("parent of %d", i).isEqualTo(new UUID(parent(i), i / 40).toString());
                    assertThat(rows.getString(3)).as("code of %d", i).isEqualTo(code(i));
                    assertThat(rows.getString(4)).as("name of %d", i).isEqualTo(name(i));
                    assertThat(rows.getBigDecimal(5)).as("amount of %d", i).isEqualTo(amount(i) == null ? null : BigDecimal.valueOf(amount(i), 2));
                    assertThat(rows.getLong(6)).isEqualTo(i % 10);
                    assertThat(rows.getObject(7)).as("flag of %d", i).isEqualTo(i % 5 == 4 ? null : i % 3 == 0);
                    assertThat(rows.getObject(8, LocalDate.class)).as("day of %d", i).isEqualTo(day(i) == null ? null : LocalDate.ofEpochDay(day(i)));
                    assertThat(rows.getLong(9)).isEqualTo(at(i));
                    i++;
                }
                assertThat(i).isEqualTo(ROWS);
            }
            Set<String> parentEncodings = new HashSet<>();
            long rowGroups;
            try (ResultSet metadata = statement.executeQuery("SELECT encodings, row_group_id FROM parquet_metadata('" + file + "') WHERE path_in_schema = 'parent'")) {
                rowGroups = 0;
                while (metadata.next()) {
                    parentEncodings.add(metadata.getString(1));
                    rowGroups++;
                }
            }
            assertThat(rowGroups).as("row groups").isGreaterThan(1);
            assertThat(String.join(",", parentEncodings)).as("the parent dictionary falls back to plain").contains("PLAIN_DICTIONARY").contains("PLAIN,");
            // filters DuckDB answers with min/max statistics must count what the rows hold
            assertThat(count(statement, source, "\"day\" = DATE '2022-05-11'")).isEqualTo(expected(i -> Objects.equals(day(i), 19123)));
            assertThat(count(statement, source, "amount < -40")).isEqualTo(expected(i -> amount(i) != null && amount(i) < -4000));
            assertThat(count(statement, source, "code = 'gamma'")).isEqualTo(expected(i -> "gamma".equals(code(i))));
            assertThat(count(statement, source, "\"at\" > make_timestamptz(1703000000000000)")).isEqualTo(expected(i -> at(i) > 1_703_000_000L));
        }
        assertThat(Files.size(file)).isGreaterThan(0);
    }

    /**
     * The layout around the pages (page headers, column and offset indexes, footer) is byte for byte what parquet-java
     * 1.18.1's {@code ParquetFileWriter} wrote for the same 600,000 rows before {@link ParquetFileLayout} replaced it
     * (the SHA-256 below is that writer's file, uncompressed: the pages themselves are this project's, Snappy's
     * included); and parquet-java's reader finds every page through the offset
     * indexes, and the ranges, null pages and order of the column indexes and chunk statistics are the rows'.
     */
    @Test
    void layoutIsParquetJavasByteForByte(@TempDir Path temporary)
            throws Exception
    {
        Path file = writeSample(temporary, ParquetCompression.NONE);
        assertThat(Checksums.sha256(file)).isEqualTo(PARQUET_JAVA_SHA256);
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            List<org.apache.parquet.hadoop.metadata.BlockMetaData> groups = reader.getFooter().getBlocks();
            assertThat(groups).hasSizeGreaterThan(1);
            long firstRow = 0;
            boolean nullPages = false;
            for (org.apache.parquet.hadoop.metadata.BlockMetaData group : groups) {
                for (org.apache.parquet.hadoop.metadata.ColumnChunkMetaData chunk : group.getColumns()) {
                    org.apache.parquet.internal.column.columnindex.OffsetIndex pages = reader.readOffsetIndex(chunk);
                    long rows = 0;
                    for (int page = 0; page < pages.getPageCount(); page++) {
                        assertThat(pages.getFirstRowIndex(page)).isEqualTo(rows);
                        rows = page + 1 < pages.getPageCount() ? pages.getFirstRowIndex(page + 1) : group.getRowCount();
                    }
                    assertThat(pages.getOffset(0)).isEqualTo(chunk.getFirstDataPageOffset());
                    String column = chunk.getPath().toDotString();
                    org.apache.parquet.internal.column.columnindex.ColumnIndex ranges = reader.readColumnIndex(chunk);
                    if (List.of("id", "parent", "name", "flag").contains(column)) {
                        assertThat(ranges).as("no statistics for %s", column).isNull();
                        assertThat(chunk.getStatistics().isEmpty()).isTrue();
                        continue;
                    }
                    assertThat(ranges).as("column index of %s", column).isNotNull();
                    nullPages |= ranges.getNullPages().contains(true);
                    if (column.equals("at")) {
                        assertThat(ranges.getBoundaryOrder()).isEqualTo(org.apache.parquet.internal.column.columnindex.BoundaryOrder.ASCENDING);
                        assertThat(chunk.getStatistics().genericGetMin()).isEqualTo(at((int) firstRow) * 1_000_000L);
                        assertThat(chunk.getStatistics().genericGetMax()).isEqualTo(at((int) (firstRow + group.getRowCount() - 1)) * 1_000_000L);
                    }
                }
                firstRow += group.getRowCount();
            }
            assertThat(firstRow).isEqualTo(ROWS);
            assertThat(nullPages).as("day is null after row 200,000: whole pages of nulls").isTrue();
        }
    }

    /**
     * Narrow rows, so a row group holds some 1.4 million of them: chunks of 70 pages, whose column and offset indexes
     * are lists of more than 14 entries (Thrift's long list header), laid out as parquet-java 1.18.1's writer did.
     */
    @Test
    void manyPagesLayoutIsParquetJavas(@TempDir Path temporary)
            throws Exception
    {
        TableSchema schema = dev.simdata.schema.SchemaCatalogAccess.parse("narrow", new ObjectMapper().readTree("""
                {"name": "narrow", "fields": [
                  {"name": "n", "type": "integer", "constraints": {"required": true}},
                  {"name": "d", "type": "date"}
                ]}"""));
        Path file = temporary.resolve("narrow.parquet");
        try (ParquetShardWriter writer = new ParquetShardWriter(file, schema, ParquetCompression.NONE)) {
            Row row = new Row(schema);
            for (int i = 0; i < 3_000_000; i++) {
                row.setLong(0, i * 7L % 1_000_003);
                if (i % 9 == 0) {
                    row.setNull(1);
                }
                else {
                    row.setDate(1, 10_000 + i / 1000);
                }
                writer.write(row);
            }
        }
        assertThat(Checksums.sha256(file)).isEqualTo(NARROW_PARQUET_JAVA_SHA256);
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            org.apache.parquet.hadoop.metadata.ColumnChunkMetaData chunk = reader.getFooter().getBlocks().get(0).getColumns().get(1);
            assertThat(reader.readOffsetIndex(chunk).getPageCount()).isGreaterThan(14);
            assertThat(reader.readColumnIndex(chunk).getBoundaryOrder()).isEqualTo(org.apache.parquet.internal.column.columnindex.BoundaryOrder.ASCENDING);
        }
    }

    /** {@link #manyPagesLayoutIsParquetJavas}'s file as parquet-java 1.18.1's ParquetFileWriter laid it out. */
    private static final String NARROW_PARQUET_JAVA_SHA256 = "0f3dec657fc84804a024f4aefbf76f0bfbcc32b39156047d4bdfcba512fe9d96";

    /** A shard without rows (a table a scenario leaves empty) is a file with the schema and no row group, as readers expect. */
    @Test
    void anEmptyShardIsAValidFile(@TempDir Path temporary)
            throws Exception
    {
        TableSchema schema = sampleSchema();
        Path file = temporary.resolve("empty.parquet");
        new ParquetShardWriter(file, schema, ParquetCompression.SNAPPY).close();
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            assertThat(reader.getFooter().getBlocks()).isEmpty();
            assertThat(reader.getFooter().getFileMetaData().getSchema()).isEqualTo(dev.simdata.schema.ParquetSchemas.of(schema));
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*), sum(amount), max(\"at\") FROM read_parquet('" + file + "')")) {
            rows.next();
            assertThat(rows.getLong(1)).isZero();
            assertThat(rows.getObject(2)).isNull();
        }
    }

    /** {@link #layoutIsParquetJavasByteForByte}'s file as parquet-java 1.18.1's ParquetFileWriter laid it out. */
    private static final String PARQUET_JAVA_SHA256 = "629ff976934e1de2e4d0e8821efb5601394c795e63fd23771e6598f3248cf78d";

    /**
     * A chunk whose first page the codec shrinks by less than an eighth is stored uncompressed (random uuids as text),
     * a compressible one (repeated numbers, dictionary ids) keeps the codec; both read back the same.
     */
    @Test
    void codecOnlyWhereItPays(@TempDir Path temporary)
            throws Exception
    {
        TableSchema schema = sampleSchema();
        Path file = temporary.resolve("codec.parquet");
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<UUID> ids = new java.util.ArrayList<>();
        try (ParquetShardWriter writer = new ParquetShardWriter(file, schema, ParquetCompression.SNAPPY)) {
            Row row = new Row(schema);
            for (int i = 0; i < 50_000; i++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                ids.add(id);
                fill(row, i);
                row.setUuid(0, id.getMostSignificantBits(), id.getLeastSignificantBits());
                writer.write(row);
            }
        }
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            java.util.Map<String, String> codecs = new java.util.HashMap<>();
            try (ResultSet metadata = statement.executeQuery("SELECT path_in_schema, string_agg(DISTINCT compression, ',') FROM parquet_metadata('" + file
                    + "') GROUP BY path_in_schema")) {
                while (metadata.next()) {
                    codecs.put(metadata.getString(1), metadata.getString(2));
                }
            }
            assertThat(codecs).containsEntry("id", "UNCOMPRESSED").containsEntry("count", "SNAPPY").containsEntry("parent", "SNAPPY")
                    .containsEntry("code", "SNAPPY");
            try (ResultSet rows = statement.executeQuery("SELECT id, \"count\" FROM read_parquet('" + file + "', file_row_number = true) ORDER BY file_row_number")) {
                int i = 0;
                while (rows.next()) {
                    assertThat(rows.getString(1)).isEqualTo(ids.get(i).toString());
                    assertThat(rows.getLong(2)).isEqualTo(i % 10);
                    i++;
                }
                assertThat(i).isEqualTo(ids.size());
            }
        }
    }

    private static TableSchema sampleSchema()
            throws Exception
    {
        return dev.simdata.schema.SchemaCatalogAccess.parse("sample", new ObjectMapper().readTree(DEFINITION));
    }

    /** The {@link #ROWS} rows of {@link #fill} as one shard. */
    private static Path writeSample(Path folder, ParquetCompression compression)
            throws Exception
    {
        TableSchema schema = sampleSchema();
        Path file = folder.resolve("sample.parquet");
        try (ParquetShardWriter writer = new ParquetShardWriter(file, schema, compression)) {
            Row row = new Row(schema);
            for (int i = 0; i < ROWS; i++) {
                writer.write(fill(row, i));
            }
        }
        return file;
    }

    private static long count(Statement statement, String source, String condition)
            throws Exception
    {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + source + " WHERE " + condition)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static long expected(java.util.function.IntPredicate predicate)
    {
        long count = 0;
        for (int i = 0; i < ROWS; i++) {
            count += predicate.test(i) ? 1 : 0;
        }
        return count;
    }

    private static Row fill(Row row, int i)
    {
        row.setUuid(0, id(i), i);
        row.setUuid(1, parent(i), i / 40);
        set(row, 2, code(i));
        set(row, 3, name(i));
        if (amount(i) == null) {
            row.setNull(4);
        }
        else {
            row.setDecimal(4, amount(i));
        }
        row.setLong(5, i % 10);
        if (i % 5 == 4) {
            row.setNull(6);
        }
        else {
            row.setBoolean(6, i % 3 == 0);
        }
        if (day(i) == null) {
            row.setNull(7);
        }
        else {
            row.setDate(7, day(i));
        }
        row.setTimestamp(8, at(i));
        return row;
    }

    private static void set(Row row, int column, String value)
    {
        if (value == null) {
            row.setNull(column);
        }
        else {
            row.setString(column, value);
        }
    }

    private static long id(int i)
    {
        return i * 0x9E3779B97F4A7C15L;
    }

    private static long parent(int i)
    {
        return (i / 40) * 0xC2B2AE3D27D4EB4FL;
    }

    /** Null for a run of 40 rows in every 1,000, and for every 17th. */
    private static String code(int i)
    {
        return i % 1000 < 40 || i % 17 == 0 ? null : CODES[(i / 5) % 4];
    }

    private static String name(int i)
    {
        if (i % 11 == 3) {
            return null;
        }
        if (i % 97 == 0) {
            return "";
        }
        return i % 13 == 0 ? "Zoë, \"Ålesund\" " + (i % 100) : "name " + (i % 700);
    }

    private static Long amount(int i)
    {
        return i % 7 == 0 ? null : (long) (i * 37 % 100_000) - 5_000;
    }

    private static Integer day(int i)
    {
        return i > 200_000 ? null : 19_000 + i / 600;
    }

    private static long at(int i)
    {
        return 1_700_000_000L + i * 13L;
    }
}
