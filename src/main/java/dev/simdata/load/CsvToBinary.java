package dev.simdata.load;

import dev.simdata.schema.FieldType;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Reads the rows of a simdata CSV shard (RFC 4180, after its header line; NULL as an empty unquoted field) and
 * writes them as binary COPY rows, so the server does not parse text. Reads the stream once, front to back, so the
 * caller can hash it as it goes.
 */
final class CsvToBinary
{
    private final Path file;
    private final TableSchema table;
    private final FieldType[] types;
    private final int[] scales;
    private final InputStream in;
    private final byte[] input = new byte[1 << 16];
    private int inputPosition;
    private int inputLimit;
    private byte[] field = new byte[256];
    private final byte[] lastDate = new byte[10]; // the last date parsed, NUL bytes (never a date) until then
    private long lastEpochDay;
    private int fieldLength;
    private long line = 1;

    CsvToBinary(Path file, TableSchema table, InputStream in)
    {
        this.file = requireNonNull(file, "file is null");
        this.table = requireNonNull(table, "table is null");
        this.in = requireNonNull(in, "in is null");
        this.types = new FieldType[table.columnCount()];
        this.scales = new int[table.columnCount()];
        for (int i = 0; i < types.length; i++) {
            types[i] = table.field(i).type();
            scales[i] = table.field(i).scale();
        }
    }

    /** Converts every remaining row; returns the row count. */
    long copy(BinaryCopyWriter out)
            throws IOException
    {
        long rows = 0;
        int next = read();
        while (next >= 0) {
            line++;
            out.startRow(types.length);
            for (int column = 0; column < types.length; column++) {
                if (next < 0 || (column > 0 && next != ',')) {
                    throw malformed("has " + column + " fields, table " + table.name() + " has " + types.length);
                }
                boolean quoted = readField(column == 0 ? next : read());
                next = lastDelimiter;
                if (fieldLength == 0 && !quoted) {
                    out.writeNull();
                }
                else {
                    writeValue(out, column);
                }
            }
            if (next != '\n') {
                throw malformed("has more than " + types.length + " fields or no line end");
            }
            rows++;
            next = read();
        }
        return rows;
    }

    private int lastDelimiter;

    /** Reads one field starting with {@code first} into {@link #field}; leaves the delimiter after it in lastDelimiter. */
    private boolean readField(int first)
            throws IOException
    {
        fieldLength = 0;
        int c = first;
        if (c == '"') {
            while (true) {
                c = read();
                if (c < 0) {
                    throw malformed("ends inside a quoted field");
                }
                if (c == '"') {
                    c = read();
                    if (c != '"') {
                        break;
                    }
                }
                else if (c == '\n') {
                    line++;
                }
                append(c);
            }
            if (c != ',' && c != '\n' && c >= 0) {
                throw malformed("has text after a closing quote");
            }
            lastDelimiter = c;
            return true;
        }
        if (c < 0 || c == ',' || c == '\n') {
            lastDelimiter = c;
            return false;
        }
        append(c);
        // the rest of an unquoted field: scan the input buffer, copy each run at once
        while (true) {
            if (inputPosition == inputLimit && !fill()) {
                lastDelimiter = -1;
                return false;
            }
            int start = inputPosition;
            int end = start;
            while (end < inputLimit && input[end] != ',' && input[end] != '\n') {
                end++;
            }
            appendRange(start, end);
            inputPosition = end;
            if (end < inputLimit) {
                lastDelimiter = input[end];
                inputPosition++;
                return false;
            }
        }
    }

    private void writeValue(BinaryCopyWriter out, int column)
            throws IOException
    {
        try {
            switch (types[column]) {
                case STRING -> out.writeBytes(field, 0, fieldLength);
                case UUID -> writeUuid(out);
                case INTEGER -> out.writeLong(parseLong(0, fieldLength));
                case DECIMAL -> writeDecimal(out, scales[column]);
                case BOOLEAN -> out.writeBoolean(bool());
                case DATE -> out.writeDate(date());
                case DATETIME -> out.writeTimestampMicros(timestampMicros());
            }
        }
        catch (NumberFormatException | DateTimeException e) {
            throw malformed("column " + table.field(column).name() + " holds '" + text() + "', not a " + types[column].name().toLowerCase());
        }
    }

    private void writeUuid(BinaryCopyWriter out)
            throws IOException
    {
        if (fieldLength != 36 || field[8] != '-' || field[13] != '-' || field[18] != '-' || field[23] != '-') {
            throw new NumberFormatException();
        }
        long high = (hex(0, 8) << 32) | (hex(9, 4) << 16) | hex(14, 4);
        long low = (hex(19, 4) << 48) | hex(24, 12);
        out.writeUuid(high, low);
    }

    private long hex(int from, int length)
    {
        long value = 0;
        for (int i = from; i < from + length; i++) {
            int digit = HEX[field[i] & 0xFF];
            if (digit < 0) {
                throw new NumberFormatException();
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** The value of each hexadecimal digit by its byte, -1 for other bytes. */
    private static final byte[] HEX = new byte[256];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 10; i++) {
            HEX['0' + i] = (byte) i;
        }
        for (int i = 0; i < 6; i++) {
            HEX['a' + i] = (byte) (10 + i);
            HEX['A' + i] = (byte) (10 + i);
        }
    }

    private long parseLong(int from, int to)
    {
        if (from >= to) {
            throw new NumberFormatException();
        }
        boolean negative = field[from] == '-';
        int i = negative ? from + 1 : from;
        if (i >= to || to - i > 18) {
            return Long.parseLong(new String(field, from, to - from, StandardCharsets.US_ASCII));
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = field[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException();
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** Up to 18 digits (every simdata amount) without BigInteger; longer ones through it. */
    private void writeDecimal(BinaryCopyWriter out, int scale)
            throws IOException
    {
        int point = -1;
        int digits = 0;
        for (int i = 0; i < fieldLength; i++) {
            byte b = field[i];
            if (b == '.') {
                if (point >= 0) {
                    throw new NumberFormatException();
                }
                point = i;
            }
            else if (b != '-' || i > 0) {
                digits++;
            }
        }
        int fractionDigits = point < 0 ? 0 : fieldLength - point - 1;
        if (fractionDigits > scale) {
            throw new NumberFormatException();
        }
        if (digits + scale - fractionDigits > 18) {
            out.writeDecimal(decimal(scale), scale);
            return;
        }
        boolean negative = fieldLength > 0 && field[0] == '-';
        long unscaled = 0;
        int seen = 0;
        for (int i = negative ? 1 : 0; i < fieldLength; i++) {
            if (i == point) {
                continue;
            }
            int digit = field[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException();
            }
            unscaled = unscaled * 10 + digit;
            seen++;
        }
        if (seen == 0) {
            throw new NumberFormatException();
        }
        for (int i = fractionDigits; i < scale; i++) {
            unscaled *= 10;
        }
        out.writeDecimal(negative ? -unscaled : unscaled, scale);
    }

    private BigInteger decimal(int scale)
    {
        int point = -1;
        for (int i = 0; i < fieldLength; i++) {
            if (field[i] == '.') {
                point = i;
                break;
            }
        }
        if (point < 0) {
            return BigInteger.valueOf(parseLong(0, fieldLength)).multiply(BigInteger.TEN.pow(scale));
        }
        int fractionDigits = fieldLength - point - 1;
        if (fractionDigits > scale) {
            throw new NumberFormatException();
        }
        byte[] digits = Arrays.copyOf(field, fieldLength - 1);
        System.arraycopy(field, point + 1, digits, point, fractionDigits);
        BigInteger unscaled = new BigInteger(new String(digits, StandardCharsets.US_ASCII));
        return fractionDigits == scale ? unscaled : unscaled.multiply(BigInteger.TEN.pow(scale - fractionDigits));
    }

    private boolean bool()
    {
        if (fieldLength == 1) {
            if (field[0] == 't') {
                return true;
            }
            if (field[0] == 'f') {
                return false;
            }
        }
        else if (fieldLength == 4 && field[0] == 't' && field[1] == 'r' && field[2] == 'u' && field[3] == 'e') {
            return true;
        }
        else if (fieldLength == 5 && field[0] == 'f' && field[1] == 'a' && field[2] == 'l' && field[3] == 's' && field[4] == 'e') {
            return false;
        }
        throw new NumberFormatException();
    }

    private long date()
    {
        return fieldLength == 10 && field[4] == '-' && field[7] == '-' ? epochDay() : LocalDate.parse(text()).toEpochDay();
    }

    /** The epoch day of the field's {@code YYYY-MM-DD}: the last one's when the bytes repeat (timestamps come in runs of a day). */
    private long epochDay()
    {
        if (!Arrays.equals(field, 0, 10, lastDate, 0, 10)) {
            lastEpochDay = BinaryCopyWriter.epochDay((int) parseLong(0, 4), (int) parseLong(5, 7), (int) parseLong(8, 10));
            System.arraycopy(field, 0, lastDate, 0, 10);
        }
        return lastEpochDay;
    }

    private long timestampMicros()
    {
        if (fieldLength == 20 && field[4] == '-' && field[7] == '-' && field[10] == 'T' && field[19] == 'Z' && field[13] == ':' && field[16] == ':') {
            long day = epochDay();
            long hour = parseLong(11, 13);
            long minute = parseLong(14, 16);
            long second = parseLong(17, 19);
            if (hour > 23 || minute > 59 || second > 59) {
                throw new DateTimeException("time out of range");
            }
            return (day * 86_400L + hour * 3600 + minute * 60 + second) * 1_000_000L;
        }
        Instant instant = Instant.parse(text());
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private String text()
    {
        return new String(field, 0, Math.min(fieldLength, 80), StandardCharsets.UTF_8);
    }

    private void append(int c)
    {
        if (fieldLength == field.length) {
            grow(fieldLength + 1);
        }
        field[fieldLength++] = (byte) c;
    }

    private void appendRange(int start, int end)
    {
        int length = end - start;
        if (fieldLength + length > field.length) {
            grow(fieldLength + length);
        }
        System.arraycopy(input, start, field, fieldLength, length);
        fieldLength += length;
    }

    private void grow(int needed)
    {
        if (needed > (1 << 28)) {
            throw malformed("has a field longer than " + (1 << 28) + " bytes");
        }
        int size = field.length;
        while (size < needed) {
            size *= 2;
        }
        field = Arrays.copyOf(field, size);
    }

    private int read()
            throws IOException
    {
        if (inputPosition == inputLimit && !fill()) {
            return -1;
        }
        return input[inputPosition++] & 0xFF;
    }

    /** Reads the next block of input; false at the end of the stream. */
    private boolean fill()
            throws IOException
    {
        inputLimit = in.read(input, 0, input.length);
        inputPosition = 0;
        if (inputLimit <= 0) {
            inputLimit = 0;
            return false;
        }
        return true;
    }

    private LoadException malformed(String what)
    {
        return new LoadException(file + " line " + line + " " + what + "; the file does not match schemas/, regenerate the dataset");
    }
}
