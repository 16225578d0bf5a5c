package dev.simdata.diff;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** Renders a {@link DiffReport} as text for people or JSON for CI. */
public final class DiffWriter
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiffWriter() {}

    public static String text(DiffReport report)
    {
        if (report.identical()) {
            return "identical: " + report.before() + " and " + report.after() + " hold the same data (" + report.tables().size() + " tables, " + report.rows() + " rows)\n";
        }
        StringBuilder out = new StringBuilder("--- ").append(report.before()).append("\n+++ ").append(report.after()).append('\n');
        if (!report.provenance().isEmpty()) {
            out.append("provenance:\n");
            report.provenance().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        long same = 0;
        for (TableDiff table : report.tables()) {
            if (table.identical()) {
                same++;
                continue;
            }
            out.append("table ").append(table.table()).append(": ");
            if (table.rowsBefore() < 0) {
                out.append("only in new (").append(table.rowsAfter()).append(" rows)\n");
                continue;
            }
            if (table.rowsAfter() < 0) {
                out.append("only in old (").append(table.rowsBefore()).append(" rows)\n");
                continue;
            }
            out.append("rows ").append(table.rowsBefore()).append(" -> ").append(table.rowsAfter());
            if (table.key().isEmpty()) {
                out.append(" (no common primary key: rows not compared)");
            }
            else {
                out.append(", ").append(table.added()).append(" added, ").append(table.removed()).append(" removed, ").append(table.changed()).append(" changed");
            }
            out.append('\n');
            line(out, "columns added", table.addedColumns());
            line(out, "columns removed", table.removedColumns());
            if (!table.retypedColumns().isEmpty()) {
                out.append("  columns retyped: ");
                table.retypedColumns().forEach((column, change) -> out.append(column).append(" (").append(change).append(") "));
                out.setLength(out.length() - 1);
                out.append('\n');
            }
            if (!table.changedColumns().isEmpty()) {
                out.append("  changed columns:");
                table.changedColumns().forEach((column, count) -> out.append(' ').append(column).append('=').append(count));
                out.append('\n');
            }
            line(out, "added keys", table.addedExamples());
            line(out, "removed keys", table.removedExamples());
            line(out, "changed keys", table.changedExamples());
        }
        out.append(same).append(" of ").append(report.tables().size()).append(" tables identical\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, List<String> values)
    {
        if (!values.isEmpty()) {
            out.append("  ").append(label).append(": ").append(String.join(", ", values)).append('\n');
        }
    }

    public static String json(DiffReport report)
    {
        ObjectNode root = JSON.createObjectNode();
        root.put("identical", report.identical());
        root.put("old", report.before());
        root.put("new", report.after());
        ArrayNode provenance = root.putArray("provenance");
        report.provenance().forEach(provenance::add);
        ArrayNode tables = root.putArray("tables");
        for (TableDiff table : report.tables()) {
            ObjectNode node = tables.addObject();
            node.put("table", table.table());
            node.put("identical", table.identical());
            node.put("rows_before", table.rowsBefore());
            node.put("rows_after", table.rowsAfter());
            strings(node.putArray("key"), table.key());
            node.put("added", table.added());
            node.put("removed", table.removed());
            node.put("changed", table.changed());
            ObjectNode columns = node.putObject("changed_columns");
            table.changedColumns().forEach(columns::put);
            strings(node.putArray("columns_added"), table.addedColumns());
            strings(node.putArray("columns_removed"), table.removedColumns());
            ObjectNode retyped = node.putObject("columns_retyped");
            for (Map.Entry<String, String> entry : table.retypedColumns().entrySet()) {
                retyped.put(entry.getKey(), entry.getValue());
            }
            strings(node.putArray("added_keys"), table.addedExamples());
            strings(node.putArray("removed_keys"), table.removedExamples());
            strings(node.putArray("changed_keys"), table.changedExamples());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the diff", e);
        }
    }

    private static void strings(ArrayNode array, List<String> values)
    {
        values.forEach(array::add);
    }
}
