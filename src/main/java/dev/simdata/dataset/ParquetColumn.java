package dev.simdata.dataset;

import dev.simdata.random.Uuids;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.Row;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One column of a Parquet shard being written, encoded by hand into data pages (version 1, as every reader takes
 * them): PLAIN values, or dictionary ids while the chunk's dictionary stays small and pays; definition levels for
 * optional columns; min/max statistics only where a reader can skip pages with them. A row group's pages are kept,
 * compressed, until {@link #writeTo} hands them to the {@link ParquetFileLayout}, which lays out the file and footer.
 */
final class ParquetColumn
{
    /** A page ends after this many values (parquet-java's default) or once its values reach the page size. */
    private static final int PAGE_VALUES = 20_000;
    /** A uuid's plain value: its 4-byte length and its 36-character text. */
    private static final int UUID_PLAIN = 4 + Row.UUID_TEXT;

    private record Page(int offset, int length, int uncompressedSize, int values, PageStats statistics, int encoding) {}

    private final int column;
    private final FieldType type;
    private final boolean optional;
    private final boolean longStatistics;
    private final boolean binaryStatistics;
    private final boolean dictionaryCandidate;
    private final int pageBytes;
    private final int dictionaryBytes;
    private final ChunkCompression compression;

    /** This thread's reused page, plain values, dictionary, ids and nulls ({@link ColumnBuffers}). */
    private final ColumnBuffers buffers = ColumnBuffers.take();
    private final ParquetDictionary dictionary = buffers.dictionary;
    /** The current page collects dictionary ids (else plain values); a finished page of the chunk holds ids. */
    private boolean usingDictionary;
    private boolean dictionaryPages;
    /** Pooled strings (names, cities, codes) recur as the same object: an identity cache maps them to their id. */
    private static final int CACHED_STRINGS = 256;
    private final String[] cachedStrings = new String[CACHED_STRINGS];
    private final int[] cachedIds = new int[CACHED_STRINGS];

    private final PageBytes plain = buffers.plain;
    private final PageBytes page = buffers.page;
    private final PageBytes text = new PageBytes(64);
    private int[] ids = buffers.ids;
    /** Where the page's nulls are; its definition levels are made from them when the page ends. */
    private int[] nullsAt = buffers.nullsAt;
    private int[] levels = buffers.levels;
    private int values;
    private int nulls;
    private int defined;
    private long plainSize;
    private final PageRange range = new PageRange();
    /** Dictionary entries below 64 among the page's values, not yet in {@link #range}. */
    private long rangeIds;
    private final List<Page> pages = new ArrayList<>();
    private long chunkBytes;
    private long chunkValues;

    /** Leaf {@code column} of its file's schema. */
    ParquetColumn(int column, Field field, boolean key, int pageBytes, int dictionaryBytes, PageCompressor compressor)
    {
        this.column = column;
        this.type = field.type();
        this.optional = field.nullable();
        this.pageBytes = pageBytes;
        this.dictionaryBytes = dictionaryBytes;
        this.compression = new ChunkCompression(compressor);
        // min/max of dates, timestamps, amounts and codes let readers skip pages; of identifiers and free text, nothing
        this.longStatistics = switch (type) {
            case INTEGER, DECIMAL, DATE, DATETIME -> !field.unique() && !key;
            default -> false;
        };
        this.binaryStatistics = type == FieldType.STRING && !field.allowedValues().isEmpty();
        // a dictionary never pays for unique values, timestamps (nearly unique) or booleans (one bit each)
        this.dictionaryCandidate = !field.unique() && !key && type != FieldType.DATETIME && type != FieldType.BOOLEAN;
        this.usingDictionary = dictionaryCandidate;
    }

    /** The bytes held for the current row group: its compressed pages and the page being filled. */
    long bufferedBytes()
    {
        return chunkBytes + (usingDictionary ? 4L * defined : plain.size());
    }

    void writeNull()
    {
        if (nulls == nullsAt.length) {
            nullsAt = buffers.nullsAt = doubled(nullsAt);
        }
        nullsAt[nulls++] = values++;
    }

    void writeLong(long value)
    {
        defined();
        if (longStatistics) {
            range.add(value);
        }
        if (usingDictionary) {
            counted(dictionary.idOf(0, value, 8, 8));
        }
        else {
            plain.putLong(value);
        }
        plainSize += 8;
    }

    void writeInt(int value)
    {
        defined();
        if (longStatistics) {
            range.add(value);
        }
        if (usingDictionary) {
            counted(dictionary.idOf(0, value, 4, 4));
        }
        else {
            plain.putInt(value);
        }
        plainSize += 4;
    }

    void writeBoolean(boolean value)
    {
        defined();
        int bit = (defined - 1) & 7;
        if (bit == 0) {
            plain.putByte(0);
        }
        if (value) {
            plain.array()[plain.size() - 1] |= (byte) (1 << bit);
        }
    }

    /** A uuid, written as its 36-character text (formatted once by the row); its dictionary key is its two longs. */
    void writeUuid(Row row, int column)
    {
        defined();
        if (usingDictionary) {
            counted(dictionary.idOf(row.uuidHigh(column), row.uuidLow(column), 16, UUID_PLAIN));
        }
        else {
            int at = plain.reserve(UUID_PLAIN);
            PageBytes.writeInt(plain.array(), at, Row.UUID_TEXT);
            row.copyUuidText(column, plain.array(), at + 4);
        }
        plainSize += UUID_PLAIN;
    }

    void writeString(CharSequence value)
    {
        defined();
        // identityHashCode only while the dictionary lasts: it makes a hash for every new object it is asked about
        int slot = usingDictionary ? System.identityHashCode(value) & (CACHED_STRINGS - 1) : 0;
        if (usingDictionary && cachedStrings[slot] == value) {
            int id = cachedIds[slot];
            ids(id);
            rangeOf(id);
            plainSize += dictionary.length(id) + 4;
            return;
        }
        int length = text.setUtf8(value);
        if (usingDictionary) {
            int id = counted(dictionary.idOf(text.array(), length, length + 4));
            if (value instanceof String string) {
                cachedStrings[slot] = string;
                cachedIds[slot] = id;
            }
            rangeOf(id);
        }
        else {
            if (binaryStatistics) {
                range.add(text.array(), 0, length);
            }
            plain.putInt(length);
            plain.put(text.array(), 0, length);
        }
        plainSize += length + 4;
    }

    /** Counts entry {@code id} into the page's range: one of the first 64 (codes) as a bit, compared once per page. */
    private void rangeOf(int id)
    {
        if (!binaryStatistics) {
            return;
        }
        if (id < Long.SIZE) {
            rangeIds |= 1L << id;
        }
        else {
            addToRange(id);
        }
    }

    private void addToRange(int id)
    {
        range.add(dictionary.arena(), dictionary.offset(id), dictionary.length(id));
    }

    /** Counts a value that is not null (its definition level is implied: only nulls are recorded). */
    private void defined()
    {
        values++;
        defined++;
    }

    /** Out of line, so the per-value steps stay small. */
    private static int[] doubled(int[] array)
    {
        return Arrays.copyOf(array, 2 * array.length);
    }

    /** Ends the page once it holds its values or bytes; called by the row's writer after each value (not by each write method). */
    void ended()
    {
        if (values == PAGE_VALUES || plain.size() >= pageBytes) {
            finishPage();
        }
    }

    /** Records the current value's dictionary id; the chunk gives up its dictionary once its plain values pass the limit. */
    private int counted(int id)
    {
        ids(id);
        if (dictionary.plainBytes() > dictionaryBytes) {
            fallBack();
        }
        return id;
    }

    /** Records the current value's dictionary id. */
    private void ids(int id)
    {
        if (defined > ids.length) {
            ids = buffers.ids = doubled(ids);
        }
        ids[defined - 1] = id;
    }

    /** Gives up the dictionary for the rest of the chunk: the current page's ids become plain values. */
    private void fallBack()
    {
        usingDictionary = false;
        for (int i = 0; i < defined; i++) {
            plainValue(ids[i], plain);
        }
    }

    /** Appends dictionary entry {@code id} in PLAIN encoding. */
    private void plainValue(int id, PageBytes out)
    {
        byte[] arena = dictionary.arena();
        int offset = dictionary.offset(id);
        int length = dictionary.length(id);
        switch (type) {
            case UUID -> {
                int at = out.reserve(UUID_PLAIN);
                PageBytes.writeInt(out.array(), at, Row.UUID_TEXT);
                Uuids.format(PageBytes.readLong(arena, offset), PageBytes.readLong(arena, offset + 8), out.array(), at + 4);
            }
            case STRING -> {
                out.putInt(length);
                out.put(arena, offset, length);
            }
            default -> out.put(arena, offset, length);
        }
    }

    /** Ends the current page: levels and values into one buffer, compressed and kept for the row group. */
    void finishPage()
    {
        if (values == 0) {
            return;
        }
        if (usingDictionary && !dictionaryPages) {
            // the chunk's first page: keep the dictionary only if ids and dictionary are smaller than plain values
            long encoded = ((long) defined * RleHybrid.bitWidth(Math.max(0, dictionary.size() - 1)) + 7) / 8 + dictionary.plainBytes();
            if (encoded >= plainSize) {
                fallBack();
            }
        }
        page.clear();
        if (optional) {
            int at = page.reserve(4);
            levels = buffers.levels = RleHybrid.definitionLevels(nullsAt, nulls, values, levels, page);
            page.setInt(at, page.size() - at - 4);
        }
        boolean dictionaryEncoded = usingDictionary;
        if (dictionaryEncoded) {
            int bitWidth = RleHybrid.bitWidth(Math.max(0, dictionary.size() - 1));
            page.putByte(bitWidth);
            RleHybrid.encode(ids, defined, bitWidth, page);
            dictionaryPages = true;
        }
        else if (optional) {
            page.put(plain.array(), 0, plain.size());
        }
        for (long bits = rangeIds; bits != 0; bits &= bits - 1) {
            addToRange(Long.numberOfTrailingZeros(bits));
        }
        rangeIds = 0;
        // a required column's plain values are the whole page: compressed from where they are
        PageBytes whole = optional || dictionaryEncoded ? page : plain;
        int at = compression.position();
        // plain uuids, where repeated, are compressed as copies of the value before (PageCompressor#compressRepeats)
        int repeats = type == FieldType.UUID && !dictionaryEncoded ? whole.size() - plain.size() : -1;
        int stored = compression.store(whole.array(), whole.size(), dictionaryEncoded, repeats, UUID_PLAIN);
        pages.add(new Page(at, stored, whole.size(), values, statistics(), dictionaryEncoded ? ParquetFileLayout.PLAIN_DICTIONARY : ParquetFileLayout.PLAIN));
        chunkBytes += stored;
        chunkValues += values;
        plain.clear();
        values = 0;
        nulls = 0;
        defined = 0;
        plainSize = 0;
        range.clear();
    }

    /** The page's statistics, or null for a column that keeps none (then the chunk has none and no column index). */
    private PageStats statistics()
    {
        return longStatistics || binaryStatistics ? range.statistics(nulls) : null;
    }

    /** Writes the row group's chunk of this column (dictionary page first) and starts the next chunk afresh. */
    void writeTo(ParquetFileLayout file)
            throws IOException
    {
        finishPage();
        file.startColumn(column, compression.codec(), chunkValues, longStatistics || binaryStatistics);
        if (dictionaryPages) {
            page.clear();
            for (int id = 0; id < dictionary.size(); id++) {
                plainValue(id, page);
            }
            int at = compression.position();
            int stored = compression.store(page.array(), page.size(), true);
            file.dictionaryPage(compression.bytes(), at, stored, page.size(), dictionary.size());
        }
        int definitionLevels = optional ? ParquetFileLayout.RLE : ParquetFileLayout.BIT_PACKED;
        byte[] bytes = compression.bytes();
        for (Page written : pages) {
            file.dataPage(written.values(), written.uncompressedSize(), bytes, written.offset(), written.length(), written.statistics(), definitionLevels, written.encoding());
        }
        compression.nextChunk();
        pages.clear();
        chunkBytes = 0;
        chunkValues = 0;
        dictionary.clear();
        Arrays.fill(cachedStrings, null);
        dictionaryPages = false;
        usingDictionary = dictionaryCandidate;
    }

    /** Gives the buffers back to the thread for its next shard (a grown array is already theirs); the column is not used after. */
    void release()
    {
        buffers.release();
    }
}
