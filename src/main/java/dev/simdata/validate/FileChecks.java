package dev.simdata.validate;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Checks a dataset's files, then exposes the verified ones to the SQL checks as DuckDB views named after the tables.
 *
 * <p>In order: {@link IntegrityChecks} (presence, confinement, sizes, SHA-256, SHA256SUMS, the tables the features
 * must have); per table {@link CsvChecks} and {@link ParquetChecks} (bytes, parsing, rows, columns, types, every
 * value decoded); {@link FormatAgreement} (CSV and Parquet hold the same rows); then {@link DuckdbRelations#createViews}.
 *
 * <p>A table whose files fail any of these is left out of the views (its checks report "skipped"): checks on
 * damaged data would only repeat the damage. DuckDB streams the files and spills to disk beyond its memory limit.
 */
final class FileChecks
{
    private final FileState state;

    FileChecks(Path dataset, Manifest manifest, SchemaCatalog catalog, Connection duckdb, ValidationOptions options, List<CheckResult> results)
    {
        this.state = new FileState(dataset, manifest, catalog, duckdb, options, results);
    }

    /** Runs the file checks (those of the chosen groups) and returns the views of the verified tables. */
    SqlTables run()
            throws IOException, SQLException
    {
        boolean integrity = state.options.runs(CheckGroup.INTEGRITY);
        boolean schema = state.options.runs(CheckGroup.SCHEMA);
        Manifest manifest = state.manifest;
        for (TableFiles files : manifest.files()) {
            if (state.catalog.find(files.table()).isEmpty()) {
                state.results.add(CheckResult.failed(CheckGroup.INTEGRITY, "integrity.known_table", files.table(), "unknown table", "a table of schemas/",
                        "manifest resource " + files.table() + "-" + files.format().id() + " names a table that schemas/ does not define", List.of()));
                continue;
            }
            state.admit(files.table(), files.format());
        }
        // Presence, confinement, size and checksum always run: later checks must not read damaged files.
        IntegrityChecks.checkUnlisted(state, integrity);
        IntegrityChecks.checkSha256Sums(state, integrity);
        IntegrityChecks.checkCompleteness(state, integrity);
        for (TableFiles files : manifest.files()) {
            if (state.catalog.find(files.table()).isPresent()) {
                IntegrityChecks.checkFiles(state, files, integrity);
            }
        }
        for (TableFiles files : manifest.files()) {
            Optional<TableSchema> table = state.catalog.find(files.table());
            if (table.isEmpty() || !state.isVerified(files.table(), files.format())) {
                continue;
            }
            if (files.format() == DataFormat.CSV) {
                CsvChecks.check(state, table.get(), files, integrity, schema);
            }
            else {
                ParquetChecks.check(state, table.get(), files, integrity, schema);
            }
        }
        // Every Parquet page is decoded: by the agreement check when the CSV files passed too, else here.
        for (TableSchema table : state.catalog.tables()) {
            if (state.isVerified(table.name(), DataFormat.PARQUET) && !state.isVerified(table.name(), DataFormat.CSV)) {
                ParquetChecks.decodeAll(state, table, manifest.files(table.name(), DataFormat.PARQUET).orElseThrow(), integrity);
            }
        }
        // the agreement check always runs when both formats passed: it is also where their pages are decoded
        FormatAgreement.check(state);
        return DuckdbRelations.createViews(state);
    }
}
