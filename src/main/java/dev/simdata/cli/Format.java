package dev.simdata.cli;

import java.util.Locale;

/** Human-readable numbers for summaries; not for data files. */
final class Format
{
    private Format() {}

    static String count(long value)
    {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String bytes(long bytes)
    {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }

    static String seconds(long nanos)
    {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** "45 s", "2 min 5 s", "1 h 3 min". */
    static String wholeSeconds(long seconds)
    {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
