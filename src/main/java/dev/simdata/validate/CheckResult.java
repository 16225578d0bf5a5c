package dev.simdata.validate;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one check.
 *
 * @param name a stable identifier such as {@code keys.foreign_key}
 * @param table the table checked, or empty when the check spans the dataset
 * @param measured what was found, short
 * @param expected what was expected, with its tolerance
 * @param message one line: for a failure it names the table, the file where known, and a sample row or key
 * @param samples up to a few offending keys, rows or files
 */
public record CheckResult(
        CheckGroup group,
        String name,
        String table,
        CheckStatus status,
        String measured,
        String expected,
        String message,
        List<String> samples)
{
    public CheckResult
    {
        requireNonNull(group, "group is null");
        requireNonNull(name, "name is null");
        requireNonNull(table, "table is null");
        requireNonNull(status, "status is null");
        requireNonNull(measured, "measured is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(message, "message is null");
        samples = List.copyOf(requireNonNull(samples, "samples is null"));
    }

    public static CheckResult passed(CheckGroup group, String name, String table, String measured, String expected)
    {
        return new CheckResult(group, name, table, CheckStatus.PASSED, measured, expected, "", List.of());
    }

    public static CheckResult failed(CheckGroup group, String name, String table, String measured, String expected, String message, List<String> samples)
    {
        return new CheckResult(group, name, table, CheckStatus.FAILED, measured, expected, message, samples);
    }

    public static CheckResult skipped(CheckGroup group, String name, String table, String reason)
    {
        return new CheckResult(group, name, table, CheckStatus.SKIPPED, "-", "-", reason, List.of());
    }

    /** Passed when {@code ok}, otherwise failed with the message and samples. */
    public static CheckResult of(boolean ok, CheckGroup group, String name, String table, String measured, String expected, String message, List<String> samples)
    {
        return ok ? passed(group, name, table, measured, expected) : failed(group, name, table, measured, expected, message, samples);
    }

    public boolean failed()
    {
        return status == CheckStatus.FAILED;
    }
}
