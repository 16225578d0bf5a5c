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
        while (c >= 0 && c != ',' && c != '\n') {
            append(c);
            c = read();
        }
        lastDelimiter = c;
        return false;
    }

    private void writeValue(BinaryCopyWriter out, int column)
            throws IOException
    {
        try {
            switch (types[column]) {
                case STRING -> out.writeBytes(field, 0, fieldLength);
                case UUID -> writeUuid(out);
                case INTEGER -> out.writeLong(parseLong(0, fieldLength));
                case DECIMAL -> out.writeDecimal(decimal(scales[column]), scales[column]);
                case BOOLEAN -> out.writeBoolean(bool());
                case DATE -> out.writeDate(date().toEpochDay());
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
            int digit = Character.digit(field[i], 16);
            if (digit < 0) {
                throw new NumberFormatException();
            }
            value = (value << 4) | digit;
        }
        return value;
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
        String text = text();
        return switch (text) {
            case "true", "t" -> true;
            case "false", "f" -> false;
            default -> throw new NumberFormatException();
        };
    }

    private LocalDate date()
    {
        if (fieldLength != 10 || field[4] != '-' || field[7] != '-') {
            return LocalDate.parse(text());
        }
        return LocalDate.of((int) parseLong(0, 4), (int) parseLong(5, 7), (int) parseLong(8, 10));
    }

    private long timestampMicros()
    {
        if (fieldLength == 20 && field[10] == 'T' && field[19] == 'Z' && field[13] == ':' && field[16] == ':') {
            long day = LocalDate.of((int) parseLong(0, 4), (int) parseLong(5, 7), (int) parseLong(8, 10)).toEpochDay();
            long seconds = day * 86_400L + parseLong(11, 13) * 3600 + parseLong(14, 16) * 60 + parseLong(17, 19);
            return seconds * 1_000_000L;
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
            if (field.length >= (1 << 28)) {
                throw malformed("has a field longer than " + field.length + " bytes");
            }
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[fieldLength++] = (byte) c;
    }

    private int read()
            throws IOException
    {
        if (inputPosition == inputLimit) {
            inputLimit = in.read(input, 0, input.length);
            inputPosition = 0;
            if (inputLimit <= 0) {
                inputLimit = 0;
                return -1;
            }
        }
        return input[inputPosition++] & 0xFF;
    }

    private LoadException malformed(String what)
    {
        return new LoadException(file + " line " + line + " " + what + "; the file does not match schemas/, regenerate the dataset");
    }
}
