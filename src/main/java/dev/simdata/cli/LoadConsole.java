package dev.simdata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.database.ConnectionTarget;
import dev.simdata.load.DatasetLoader;
import dev.simdata.load.LoadOptions;
import dev.simdata.load.LoadProgress;
import dev.simdata.load.LoadSummary;
import dev.simdata.load.ReplaceConfirmation;
import dev.simdata.load.TableResult;

import java.io.PrintWriter;
import java.util.Locale;

/** A load on the console, as {@code load} and the guided session run it: progress, then a summary or its JSON. */
final class LoadConsole
{
    private LoadConsole() {}

    /** Loads with progress on {@code err} (redrawn in place when {@code live}), or silently when {@code quiet}. */
    static LoadSummary load(ConnectionTarget target, LoadOptions options, PrintWriter err, boolean live, boolean quiet, ReplaceConfirmation confirmation)
    {
        try (LoadConsoleProgress progress = quiet ? null : new LoadConsoleProgress(err, live)) {
            if (!quiet) {
                err.println("loading " + options.dataset() + " into " + target.display() + ", schema " + options.schema()
                        + ", mode " + options.mode().id() + ", " + options.jobs() + " jobs");
                err.flush();
            }
            return DatasetLoader.load(target, options, progress == null ? noticesOnly(err) : progress, confirmation);
        }
    }

    /** Under --quiet, only the lines the user must see (e.g. --jobs capped at a pool's size). */
    private static LoadProgress noticesOnly(PrintWriter err)
    {
        return new LoadProgress()
        {
            @Override
            public synchronized void notice(String line)
            {
                err.println(line);
                err.flush();
            }
        };
    }

    static void printSummary(PrintWriter out, LoadSummary summary)
    {
        if (!summary.nothingToDo()) {
            out.printf(Locale.ROOT, "%-30s %8s %12s %12s %8s %14s%n", "table", "format", "loaded", "rows", "shards", "rows/s");
            for (TableResult table : summary.tables()) {
                double seconds = table.copyNanos() / 1e9;
                out.printf(Locale.ROOT, "%-30s %8s %12s %12s %8s %14s%n", table.table(), table.format().id(), Format.count(table.rowsLoaded()),
                        Format.count(table.rowsExpected()), table.shardsLoaded() + "/" + (table.shardsLoaded() + table.shardsSkipped()),
                        seconds <= 0 ? "-" : Format.count((long) (table.rowsLoaded() / seconds)));
            }
        }
        printTotal(out, summary);
    }

    /** The summary's last line: rows loaded, where, and the time of each phase; or that nothing changed. */
    static void printTotal(PrintWriter out, LoadSummary summary)
    {
        if (summary.nothingToDo()) {
            out.println("dataset " + summary.datasetId().substring(0, 12) + " is already loaded into schema " + summary.schema()
                    + " of " + summary.target() + ": nothing changed");
            return;
        }
        double copySeconds = Math.max(1e-9, summary.copyNanos() / 1e9);
        out.println(Format.count(summary.rowsLoaded()) + " rows loaded into schema " + summary.schema() + " of " + summary.target()
                + " in " + Format.seconds(summary.totalNanos()) + " (copy " + Format.seconds(summary.copyNanos()) + " at "
                + Format.count((long) (summary.rowsLoaded() / copySeconds)) + " rows/s, keys " + Format.seconds(summary.constraintNanos())
                + ", analyze " + Format.seconds(summary.analyzeNanos()) + ", " + summary.copyFormat().id() + " COPY)");
        if (summary.rowLevelSecurity()) {
            out.println("row level security is enabled on the loaded tables: their rows are hidden from "
                    + (summary.granted().isEmpty() ? "non-owner roles" : String.join(", ", summary.granted())) + " until you create policies");
        }
    }

    static String toJson(LoadSummary summary)
    {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("dataset_id", summary.datasetId());
        root.put("target", summary.target());
        root.put("schema", summary.schema());
        root.put("mode", summary.mode().id());
        root.put("jobs", summary.jobs());
        root.put("nothing_to_do", summary.nothingToDo());
        root.put("rows_loaded", summary.rowsLoaded());
        root.put("copy_seconds", summary.copyNanos() / 1e9);
        root.put("keys_seconds", summary.constraintNanos() / 1e9);
        root.put("analyze_seconds", summary.analyzeNanos() / 1e9);
        root.put("total_seconds", summary.totalNanos() / 1e9);
        root.put("copy_format", summary.copyFormat().id());
        root.put("bytes_sent", summary.bytesSent());
        ArrayNode granted = root.putArray("granted");
        summary.granted().forEach(granted::add);
        root.put("row_level_security", summary.rowLevelSecurity());
        root.put("copy_rows_per_second", summary.copyNanos() == 0 ? 0 : (long) (summary.rowsLoaded() / (summary.copyNanos() / 1e9)));
        ArrayNode tables = root.putArray("tables");
        for (TableResult table : summary.tables()) {
            ObjectNode node = tables.addObject();
            node.put("table", table.table());
            node.put("format", table.format().id());
            node.put("rows_loaded", table.rowsLoaded());
            node.put("rows", table.rowsExpected());
            node.put("shards_loaded", table.shardsLoaded());
            node.put("shards_skipped", table.shardsSkipped());
            node.put("copy_seconds", table.copyNanos() / 1e9);
        }
        try {
            return mapper.writeValueAsString(root);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the summary as JSON", e);
        }
    }
}
