package dev.simdata.time;

/**
 * Calendar arithmetic on epoch days and epoch seconds in UTC, without allocation (Howard Hinnant's civil-date
 * algorithms), plus fixed-width ISO-8601 formatting into byte buffers.
 */
public final class CivilTime
{
    public static final int SECONDS_PER_DAY = 86_400;

    private CivilTime() {}

    /** The epoch day of a proleptic Gregorian date. */
    public static int epochDay(int year, int month, int day)
    {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** Returns year * 10000 + month * 100 + day for an epoch day. */
    public static int yearMonthDay(int epochDay)
    {
        int z = epochDay + 719_468;
        int era = Math.floorDiv(z, 146_097);
        int dayOfEra = z - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int mp = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        return year * 10_000 + month * 100 + day;
    }

    public static int month(int epochDay)
    {
        return yearMonthDay(epochDay) / 100 % 100;
    }

    /** ISO day of week: 1 = Monday … 7 = Sunday. */
    public static int dayOfWeek(int epochDay)
    {
        return Math.floorMod(epochDay + 3, 7) + 1;
    }

    public static int epochDayOf(long epochSecond)
    {
        return (int) Math.floorDiv(epochSecond, SECONDS_PER_DAY);
    }

    /** Writes {@code yyyy-MM-dd} (10 bytes) and returns the next offset. Years 0–9999. */
    public static int formatDate(int epochDay, byte[] out, int offset)
    {
        int ymd = yearMonthDay(epochDay);
        int year = ymd / 10_000;
        int month = ymd / 100 % 100;
        int day = ymd % 100;
        out[offset] = (byte) ('0' + year / 1000);
        out[offset + 1] = (byte) ('0' + year / 100 % 10);
        out[offset + 2] = (byte) ('0' + year / 10 % 10);
        out[offset + 3] = (byte) ('0' + year % 10);
        out[offset + 4] = '-';
        out[offset + 5] = (byte) ('0' + month / 10);
        out[offset + 6] = (byte) ('0' + month % 10);
        out[offset + 7] = '-';
        out[offset + 8] = (byte) ('0' + day / 10);
        out[offset + 9] = (byte) ('0' + day % 10);
        return offset + 10;
    }

    /** Writes {@code yyyy-MM-ddTHH:mm:ssZ} (20 bytes) and returns the next offset. */
    public static int formatTimestamp(long epochSecond, byte[] out, int offset)
    {
        int epochDay = epochDayOf(epochSecond);
        int secondOfDay = (int) (epochSecond - (long) epochDay * SECONDS_PER_DAY);
        int position = formatDate(epochDay, out, offset);
        int hour = secondOfDay / 3600;
        int minute = secondOfDay / 60 % 60;
        int second = secondOfDay % 60;
        out[position] = 'T';
        out[position + 1] = (byte) ('0' + hour / 10);
        out[position + 2] = (byte) ('0' + hour % 10);
        out[position + 3] = ':';
        out[position + 4] = (byte) ('0' + minute / 10);
        out[position + 5] = (byte) ('0' + minute % 10);
        out[position + 6] = ':';
        out[position + 7] = (byte) ('0' + second / 10);
        out[position + 8] = (byte) ('0' + second % 10);
        out[position + 9] = 'Z';
        return position + 10;
    }
}
