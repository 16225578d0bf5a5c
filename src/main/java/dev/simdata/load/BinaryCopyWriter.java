package dev.simdata.load;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;

import static java.util.Objects.requireNonNull;

/**
 * Writes rows in PostgreSQL's binary COPY format ({@code COPY … FROM STDIN (FORMAT binary)}): a signature, then per
 * row a 16-bit field count and per field a 32-bit length (-1 for NULL) and the value in the type's binary send
 * format (network byte order). Dates count days and timestamps microseconds from 2000-01-01; numerics are base-10000
 * digit groups. Counts the bytes it sends.
 */
final class BinaryCopyWriter
{
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    /** 2000-01-01 as days since 1970-01-01. */
    static final int POSTGRES_EPOCH_DAY = 10_957;
    static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAY * 86_400L * 1_000_000L;
    private static final int NUMERIC_NEGATIVE = 0x4000;

    private final OutputStream out;
    private final byte[] buffer;
    private int position;
    private long bytesSent;
    /** Room for the digit groups of a long's decimal: up to 5 of the integer part and 4 of the fraction. */
    private final short[] decimalGroups = new short[9];

    BinaryCopyWriter(OutputStream out, int bufferSize)
    {
        this.out = requireNonNull(out, "out is null");
        this.buffer = new byte[Math.max(bufferSize, 1024)];
    }

    void begin()
            throws IOException
    {
        ensure(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, position, SIGNATURE.length);
        position += SIGNATURE.length;
        putInt(0); // flags
        putInt(0); // header extension length
    }

    void startRow(int fields)
            throws IOException
    {
        ensure(2);
        putShort(fields);
    }

    void writeNull()
            throws IOException
    {
        ensure(4);
        putInt(-1);
    }

    void writeLong(long value)
            throws IOException
    {
        ensure(12);
        putInt(8);
        putLong(value);
    }

    void writeBoolean(boolean value)
            throws IOException
    {
        ensure(5);
        putInt(1);
        buffer[position++] = (byte) (value ? 1 : 0);
    }

    void writeUuid(long high, long low)
            throws IOException
    {
        ensure(20);
        putInt(16);
        putLong(high);
        putLong(low);
    }

    void writeDate(long epochDay)
            throws IOException
    {
        ensure(8);
        putInt(4);
        putInt((int) (epochDay - POSTGRES_EPOCH_DAY));
    }

    /**
     * The epoch day of a proleptic Gregorian date (Howard Hinnant's days-from-civil), refusing a month or day that
     * does not exist as {@link java.time.LocalDate#of} does.
     */
    static long epochDay(int year, int month, int day)
    {
        if (month < 1 || month > 12 || day < 1 || day > 31
                || (day > 28 && day > daysInMonth(year, month))) {
            throw new DateTimeException("no such date");
        }
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month)
    {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** A {@code timestamptz} given as microseconds since 1970-01-01T00:00:00Z. */
    void writeTimestampMicros(long epochMicros)
            throws IOException
    {
        writeLong(epochMicros - POSTGRES_EPOCH_MICROS);
    }

    void writeText(String text)
            throws IOException
    {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        writeBytes(bytes, 0, bytes.length);
    }

    /** A text value already encoded as UTF-8. */
    void writeBytes(byte[] bytes, int offset, int length)
            throws IOException
    {
        ensure(4);
        putInt(length);
        if (length > buffer.length - position) {
            flushBuffer();
            out.write(bytes, offset, length);
            bytesSent += length;
            return;
        }
        System.arraycopy(bytes, offset, buffer, position, length);
        position += length;
    }

    /**
     * A {@code numeric} of value {@code unscaled × 10^-scale}, with display scale {@code scale}, as
     * {@link #writeDecimal(BigInteger, int)} writes it, without allocating.
     */
    void writeDecimal(long unscaled, int scale)
            throws IOException
    {
        if (unscaled == Long.MIN_VALUE || scale < 0 || scale > 16) {
            // a fraction padded to whole groups would not fit a long
            writeDecimal(BigInteger.valueOf(unscaled), scale);
            return;
        }
        int sign = unscaled < 0 ? NUMERIC_NEGATIVE : 0;
        long magnitude = Math.abs(unscaled);
        // the integer part split into groups of four digits, the fraction padded on the right to whole groups
        int fractionGroups = (scale + 3) / 4;
        long divisor = 1;
        for (int i = 0; i < scale; i++) {
            divisor *= 10;
        }
        long integer = magnitude / divisor;
        long fraction = magnitude % divisor;
        for (int i = scale; i < fractionGroups * 4; i++) {
            fraction *= 10;
        }
        short[] groups = decimalGroups;
        int integerGroups = 0;
        for (long rest = integer; rest > 0; rest /= 10_000) {
            integerGroups++;
        }
        int count = integerGroups + fractionGroups;
        long rest = integer;
        for (int i = integerGroups - 1; i >= 0; i--) {
            groups[i] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        rest = fraction;
        for (int i = count - 1; i >= integerGroups; i--) {
            groups[i] = (short) (rest % 10_000);
            rest /= 10_000;
        }
        int first = 0;
        while (first < count && groups[first] == 0) {
            first++;
        }
        int last = count;
        while (last > first && groups[last - 1] == 0) {
            last--;
        }
        int digits = last - first;
        int weight = digits == 0 ? 0 : integerGroups - 1 - first;
        ensure(4 + 8 + 2 * digits);
        putInt(8 + 2 * digits);
        putShort(digits);
        putShort(weight);
        putShort(digits == 0 ? 0 : sign);
        putShort(scale);
        for (int i = first; i < last; i++) {
            putShort(groups[i]);
        }
    }

    /** A {@code numeric} of value {@code unscaled × 10^-scale}, with display scale {@code scale}. */
    void writeDecimal(BigInteger unscaled, int scale)
            throws IOException
    {
        int sign = unscaled.signum() < 0 ? NUMERIC_NEGATIVE : 0;
        String digits = unscaled.abs().toString();
        if (unscaled.signum() == 0) {
            ensure(12);
            putInt(8);
            putShort(0);
            putShort(0);
            putShort(0);
            putShort(scale);
            return;
        }
        // left-pad the integer part and right-pad the fraction to whole groups of four decimal digits
        int integerDigits = Math.max(digits.length() - scale, 0);
        String integerPart = integerDigits == 0 ? "" : digits.substring(0, integerDigits);
        String fraction = "0".repeat(Math.max(scale - digits.length(), 0)) + digits.substring(integerDigits);
        int integerGroups = (integerPart.length() + 3) / 4;
        String padded = "0".repeat(integerGroups * 4 - integerPart.length()) + integerPart
                + fraction + "0".repeat((4 - fraction.length() % 4) % 4);
        int groups = padded.length() / 4;
        short[] values = new short[groups];
        for (int i = 0; i < groups; i++) {
            values[i] = Short.parseShort(padded.substring(i * 4, i * 4 + 4));
        }
        int first = 0;
        while (first < groups && values[first] == 0) {
            first++;
        }
        int last = groups;
        while (last > first && values[last - 1] == 0) {
            last--;
        }
        int weight = integerGroups - 1 - first;
        int count = last - first;
        ensure(4 + 8 + 2 * count);
        putInt(8 + 2 * count);
        putShort(count);
        putShort(weight);
        putShort(sign);
        putShort(scale);
        for (int i = first; i < last; i++) {
            putShort(values[i]);
        }
    }

    /** Writes the trailer and flushes; returns the bytes sent in all. */
    long end()
            throws IOException
    {
        ensure(2);
        putShort(-1);
        flushBuffer();
        out.flush();
        return bytesSent;
    }

    private void ensure(int bytes)
            throws IOException
    {
        if (buffer.length - position < bytes) {
            flushBuffer();
        }
    }

    private void flushBuffer()
            throws IOException
    {
        out.write(buffer, 0, position);
        bytesSent += position;
        position = 0;
    }

    private void putShort(int value)
    {
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putInt(int value)
    {
        buffer[position++] = (byte) (value >>> 24);
        buffer[position++] = (byte) (value >>> 16);
        buffer[position++] = (byte) (value >>> 8);
        buffer[position++] = (byte) value;
    }

    private void putLong(long value)
    {
        putInt((int) (value >>> 32));
        putInt((int) value);
    }
}
