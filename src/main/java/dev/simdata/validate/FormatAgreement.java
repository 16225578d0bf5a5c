package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.schema.TableSchema;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.simdata.validate.DuckdbRelations.firstLine;
import static dev.simdata.validate.SqlTables.quote;

/** The CSV and the Parquet files of a table hold the same rows. */
final class FormatAgreement
{
    private FormatAgreement() {}

    /**
     * When both formats passed, they hold the same rows: the row count and the sum of 64-bit row hashes (a multiset
     * fingerprint, computed by a streaming aggregate in bounded memory) agree. On a difference, a join on the first
     * column finds sample rows.
     */
    static void check(FileState state)
            throws SQLException
    {
        boolean report = state.options.runs(CheckGroup.INTEGRITY);
        for (TableSchema table : state.catalog.tables()) {
            if (!state.isVerified(table.name(), DataFormat.CSV) || !state.isVerified(table.name(), DataFormat.PARQUET)) {
                continue;
            }
            String csv = DuckdbRelations.relation(state, table, DataFormat.CSV, false);
            String parquet = DuckdbRelations.relation(state, table, DataFormat.PARQUET, false);
            String columns = String.join(", ", table.fields().stream().map(field -> quote(field.name())).toList());
            String[] csvPrint;
            String[] parquetPrint;
            try {
                csvPrint = fingerprint(state, "SELECT count(*), CAST(sum(hash(" + columns + ")) AS VARCHAR) FROM " + csv);
                // reads every page of every column: a page that does not decode fails here
                parquetPrint = fingerprint(state, "SELECT count(*), CAST(sum(hash(" + columns + ")) AS VARCHAR) FROM " + parquet);
            }
            catch (SQLException e) {
                state.add(report, CheckResult.failed(CheckGroup.INTEGRITY, "integrity.formats_agree", table.name(), "files do not decode", "csv and parquet hold the same rows",
                        "table " + table.name() + ": reading every value failed: " + firstLine(e.getMessage()), List.of()));
                state.rejectAll(table.name(), "the files of table " + table.name() + " do not decode");
                continue;
            }
            boolean ok = csvPrint[0].equals(parquetPrint[0]) && csvPrint[1].equals(parquetPrint[1]);
            List<String> samples = new ArrayList<>();
            if (!ok) {
                String key = quote(table.field(0).name());
                String hashC = "hash(" + String.join(", ", table.fields().stream().map(field -> "c." + quote(field.name())).toList()) + ")";
                String hashP = "hash(" + String.join(", ", table.fields().stream().map(field -> "p." + quote(field.name())).toList()) + ")";
                try (Statement statement = state.duckdb.createStatement();
                        var result = statement.executeQuery("SELECT CAST(coalesce(c." + key + ", p." + key + ") AS VARCHAR), c." + key + " IS NULL, p." + key + " IS NULL FROM "
                                + csv + " c FULL OUTER JOIN " + parquet + " p ON c." + key + " = p." + key
                                + " WHERE c." + key + " IS NULL OR p." + key + " IS NULL OR " + hashC + " <> " + hashP + " LIMIT 3")) {
                    while (result.next()) {
                        String where = result.getBoolean(2) ? "only in parquet" : result.getBoolean(3) ? "only in csv" : "differs";
                        samples.add(table.field(0).name() + "=" + result.getString(1) + " " + where);
                    }
                }
            }
            state.add(report, CheckResult.of(ok, CheckGroup.INTEGRITY, "integrity.formats_agree", table.name(), csvPrint[0] + " csv rows, " + parquetPrint[0] + " parquet rows"
                            + (ok ? ", same fingerprint" : ", fingerprints differ"),
                    "csv and parquet hold the same rows", "table " + table.name() + ": csv and parquet differ" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
            if (!ok) {
                state.rejectAll(table.name(), "csv and parquet of table " + table.name() + " disagree");
            }
        }
    }

    private static String[] fingerprint(FileState state, String sql)
            throws SQLException
    {
        try (Statement statement = state.duckdb.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return new String[] {Long.toString(result.getLong(1)), String.valueOf(result.getString(2))};
        }
    }
}
