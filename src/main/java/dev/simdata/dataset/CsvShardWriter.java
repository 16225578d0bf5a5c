package dev.simdata.dataset;

import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSchema;
import dev.simdata.time.CivilTime;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one CSV shard: RFC 4180, UTF-8, {@code \n} line endings, a header line, NULL as an empty unquoted field
 * and an empty string as {@code ""}. Values are formatted by hand into one reused buffer: timestamps as
 * {@code 2025-03-04T14:05:09Z}, dates as {@code 2025-03-04}, decimals with exactly their scale's digits.
 */
final class CsvShardWriter
        implements Closeable
{
    private static final int BUFFER_BYTES = 1 << 16;
    /** The longest non-string value: a timestamp, a uuid or a long with sign. */
    private static final int MAX_SCALAR_BYTES = 48;

    private final OutputStream out;
    private final java.security.MessageDigest digest = Checksums.sha256();
    private final FieldType[] types;
    private final int[] scales;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final byte[] digits = new byte[24];
    private int position;
    private long bytesWritten;
    private long rows;

    CsvShardWriter(Path file, TableSchema schema)
            throws IOException
    {
        this(Files.newOutputStream(file), schema);
    }

    /** Writes into {@code out}, which it closes. */
    CsvShardWriter(OutputStream out, TableSchema schema)
    {
        this.out = out;
        int columns = schema.columnCount();
        this.types = new FieldType[columns];
        this.scales = new int[columns];
        for (int i = 0; i < columns; i++) {
            Field field = schema.field(i);
            types[i] = field.type();
            scales[i] = field.scale();
        }
        for (int i = 0; i < columns; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            writeText(schema.field(i).name());
        }
        put((byte) '\n');
    }

    void write(Row row)
            throws IOException
    {
        for (int column = 0; column < types.length; column++) {
            if (column > 0) {
                put((byte) ',');
            }
            if (row.isNull(column)) {
                continue;
            }
            switch (types[column]) {
                case STRING -> writeText(row.string(column));
                case UUID -> {
                    ensure(Row.UUID_TEXT);
                    row.copyUuidText(column, buffer, position);
                    position += Row.UUID_TEXT;
                }
                case INTEGER -> {
                    ensure(MAX_SCALAR_BYTES);
                    writeLong(row.longValue(column));
                }
                case DECIMAL -> {
                    ensure(MAX_SCALAR_BYTES);
                    writeDecimal(row.longValue(column), scales[column]);
                }
                case BOOLEAN -> writeAscii(row.longValue(column) != 0 ? "true" : "false");
                case DATE -> {
                    ensure(MAX_SCALAR_BYTES);
                    position = CivilTime.formatDate((int) row.longValue(column), buffer, position);
                }
                case DATETIME -> {
                    ensure(MAX_SCALAR_BYTES);
                    position = CivilTime.formatTimestamp(row.longValue(column), buffer, position);
                }
            }
        }
        put((byte) '\n');
        rows++;
    }

    long rows()
    {
        return rows;
    }

    /** The finished file's size and SHA-256; valid after {@link #close}. */
    ShardFile finished(String path)
    {
        return new ShardFile(path, rows, bytesWritten, Checksums.hex(digest.digest()));
    }

    @Override
    public void close()
            throws IOException
    {
        try (out) {
            flush();
        }
    }

    private void writeText(CharSequence text)
    {
        int length = text.length();
        if (length == 0) {
            writeAscii("\"\"");
            return;
        }
        boolean quote = false;
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
            ascii &= c < 0x80;
        }
        if (!quote && ascii && text instanceof String string && length <= buffer.length) {
            // the common case: plain ASCII, copied in one go
            ensure(length);
            copyAscii(string, length);
            return;
        }
        if (quote) {
            put((byte) '"');
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (c == '"') {
                    put((byte) '"');
                }
                put((byte) c);
            }
            else if (c < 0x800) {
                ensure(2);
                buffer[position++] = (byte) (0xC0 | (c >> 6));
                buffer[position++] = (byte) (0x80 | (c & 0x3F));
            }
            else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                ensure(4);
                buffer[position++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (codePoint & 0x3F));
            }
            else {
                char encoded = Character.isSurrogate(c) ? '\uFFFD' : c;
                ensure(3);
                buffer[position++] = (byte) (0xE0 | (encoded >> 12));
                buffer[position++] = (byte) (0x80 | ((encoded >> 6) & 0x3F));
                buffer[position++] = (byte) (0x80 | (encoded & 0x3F));
            }
        }
        if (quote) {
            put((byte) '"');
        }
    }

    @SuppressWarnings("deprecation")
    private void copyAscii(String text, int length)
    {
        // String.getBytes(int, int, byte[], int) copies the low byte of each char: exact for ASCII, and intrinsic
        text.getBytes(0, length, buffer, position);
        position += length;
    }

    private void writeAscii(String text)
    {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[position++] = (byte) text.charAt(i);
        }
    }

    private void writeLong(long value)
    {
        if (value < 0) {
            buffer[position++] = '-';
            if (value == Long.MIN_VALUE) {
                writeAscii("9223372036854775808");
                return;
            }
            value = -value;
        }
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + value % 10);
            value /= 10;
        }
        while (value != 0);
        while (count > 0) {
            buffer[position++] = digits[--count];
        }
    }

    private void writeDecimal(long unscaled, int scale)
    {
        if (unscaled < 0) {
            buffer[position++] = '-';
            unscaled = -unscaled;
        }
        int count = 0;
        do {
            digits[count++] = (byte) ('0' + unscaled % 10);
            unscaled /= 10;
        }
        while (unscaled != 0 || count <= scale);
        while (count > 0) {
            if (count == scale) {
                buffer[position++] = '.';
            }
            buffer[position++] = digits[--count];
        }
    }

    private void put(byte value)
    {
        if (position == buffer.length) {
            flushQuietly();
        }
        buffer[position++] = value;
    }

    private void ensure(int bytes)
    {
        if (position + bytes > buffer.length) {
            flushQuietly();
        }
    }

    private void flushQuietly()
    {
        try {
            flush();
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void flush()
            throws IOException
    {
        out.write(buffer, 0, position);
        digest.update(buffer, 0, position);
        bytesWritten += position;
        position = 0;
    }
}
