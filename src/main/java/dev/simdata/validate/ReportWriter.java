package dev.simdata.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * Renders a {@link ValidationReport} as a readable table or as JSON.
 *
 * <p>JSON (version 1): {@code {"report": "simdata-validation", "version": 1, "kind": "files"|"database", "target":
 * "...", "status": "passed"|"failed", "elapsed_seconds": 1.23, "summary": {"passed": n, "failed": n, "skipped": n},
 * "checks": [{"group", "name", "table", "status", "measured", "expected", "message", "samples": [...]}]}}.
 */
public final class ReportWriter
{
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    public static String json(ValidationReport report)
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("report", "simdata-validation");
        root.put("version", 1);
        root.put("kind", report.kind());
        root.put("target", report.target());
        root.put("status", report.passed() ? "passed" : "failed");
        root.put("elapsed_seconds", Math.round(report.elapsedNanos() / 1e6) / 1e3);
        ObjectNode summary = root.putObject("summary");
        for (CheckStatus status : CheckStatus.values()) {
            summary.put(status.id(), report.count(status));
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult result : report.results()) {
            ObjectNode check = checks.addObject();
            check.put("group", result.group().id());
            check.put("name", result.name());
            check.put("table", result.table());
            check.put("status", result.status().id());
            check.put("measured", result.measured());
            check.put("expected", result.expected());
            check.put("message", result.message());
            ArrayNode samples = check.putArray("samples");
            result.samples().forEach(samples::add);
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the report", e);
        }
    }

    /** One line per check (status, check, table, measured, expected), then each failure's message, then a summary. */
    public static String text(ValidationReport report)
    {
        int nameWidth = 24;
        int tableWidth = 5;
        int measuredWidth = 8;
        for (CheckResult result : report.results()) {
            nameWidth = Math.max(nameWidth, result.name().length());
            tableWidth = Math.max(tableWidth, result.table().length());
            measuredWidth = Math.min(40, Math.max(measuredWidth, result.measured().length()));
        }
        String row = "%-7s  %-" + nameWidth + "s  %-" + tableWidth + "s  %-" + measuredWidth + "s  %s%n";
        StringBuilder out = new StringBuilder();
        out.append("validating ").append(report.kind()).append(": ").append(report.target()).append('\n');
        out.append(String.format(Locale.ROOT, row, "status", "check", "table", "measured", "expected"));
        for (CheckResult result : report.results()) {
            String expected = result.status() == CheckStatus.SKIPPED ? result.message() : result.expected();
            out.append(String.format(Locale.ROOT, row, result.status().id(), result.name(), result.table(), shorten(result.measured(), measuredWidth), expected));
        }
        return out.append(failuresAndSummary(report)).toString();
    }

    /** The first line of {@link #text}, each failure's message and the summary: a report to read at a glance. */
    public static String brief(ValidationReport report)
    {
        return "validating " + report.kind() + ": " + report.target() + "\n" + failuresAndSummary(report);
    }

    private static String failuresAndSummary(ValidationReport report)
    {
        StringBuilder out = new StringBuilder();
        if (!report.passed()) {
            out.append("\nfailures:\n");
            for (CheckResult result : report.failures()) {
                out.append("  ").append(result.name()).append(": ").append(result.message()).append('\n');
            }
        }
        out.append(String.format(Locale.ROOT, "%n%s: %d passed, %d failed, %d skipped in %.1f s%n",
                report.passed() ? "PASSED" : "FAILED", report.count(CheckStatus.PASSED), report.count(CheckStatus.FAILED), report.count(CheckStatus.SKIPPED),
                report.elapsedNanos() / 1e9));
        return out.toString();
    }

    private static String shorten(String text, int width)
    {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
