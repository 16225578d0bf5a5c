package dev.simdata.validate;

import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.SchemaCatalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import dev.simdata.database.ConnectFailure;
import dev.simdata.database.ConnectionTarget;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Validates a dataset's files, or a loaded PostgreSQL database, with one catalog of checks: the file checks, then
 * the same SQL checks (schema values, keys, counts, time, distributions) on DuckDB views over the verified files or
 * on the database's tables; query performance on a database only.
 *
 * <p>Invalid input (a folder that is not a dataset, a malformed manifest) raises {@link DatasetException}; a failure
 * to run (I/O, a database that cannot be reached) raises {@link IOException} or {@link SQLException}. Failed checks are
 * results, not exceptions.
 */
public final class Validator
{
    private Validator() {}

    public static ValidationReport validateFiles(Path dataset, ValidationOptions options)
            throws IOException, SQLException
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(options, "options is null");
        long started = System.nanoTime();
        if (!Files.isDirectory(dataset)) {
            throw new DatasetException(dataset + " is not a folder");
        }
        Manifest manifest = Manifest.read(dataset);
        DatasetFacts facts = DatasetFacts.from(manifest);
        SchemaCatalog catalog = SchemaCatalog.bundled();
        List<CheckResult> results = new ArrayList<>();
        Path spill = Files.createTempDirectory("simdata-validate-");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("SET memory_limit = " + SqlTables.literal(options.memoryLimit()));
                statement.execute("SET threads = " + options.threads());
                statement.execute("SET temp_directory = " + SqlTables.literal(spill.toAbsolutePath().toString()));
                statement.execute("SET preserve_insertion_order = false");
                statement.execute("SET TimeZone = 'UTC'");
            }
            SqlTables tables = new FileChecks(dataset, manifest, catalog, duckdb, options, results).run();
            runSqlChecks(tables, Optional.of(facts), Map.of(), options, results);
            if (options.runs(CheckGroup.PERFORMANCE)) {
                results.add(CheckResult.skipped(CheckGroup.PERFORMANCE, "performance.*", "", "query performance is measured on a database (--url)"));
            }
            coverage(tables, "dataset " + dataset, results);
        }
        finally {
            deleteQuietly(spill);
        }
        return new ValidationReport("files", dataset.toString(), results, System.nanoTime() - started);
    }

    /**
     * @param url a JDBC URL ({@code jdbc:postgresql://host:port/db?user=…&password=…})
     * @param dataset the dataset that was loaded, when known: counts are compared with its manifest, and the as-of
     *                date and time zone come from it
     */
    public static ValidationReport validateDatabase(ConnectionTarget target, String schema, Optional<Path> dataset, ValidationOptions options)
            throws SQLException
    {
        requireNonNull(target, "target is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(options, "options is null");
        long started = System.nanoTime();
        Optional<DatasetFacts> facts = Optional.empty();
        Optional<com.fasterxml.jackson.databind.JsonNode> features = Optional.empty();
        Map<String, Long> manifestRows = new LinkedHashMap<>();
        if (dataset.isPresent()) {
            Manifest manifest = Manifest.read(dataset.get());
            facts = Optional.of(DatasetFacts.from(manifest));
            features = Optional.of(manifest.simdata().path("features"));
            for (TableFiles files : manifest.files()) {
                if (files.format() == manifest.formats().get(0)) {
                    manifestRows.put(files.table(), files.rows());
                }
            }
        }
        List<CheckResult> results = new ArrayList<>();
        Connection opened;
        try {
            opened = DriverManager.getConnection(target.jdbcUrl(), target.driverProperties());
        }
        catch (SQLException e) {
            // one line, naming the session pooler for an IPv6-only host this machine cannot reach
            throw new SQLException(ConnectFailure.message(target, e, ConnectFailure.Resolver.system()), e.getSQLState(), e);
        }
        try (Connection connection = opened) {
            SqlTables tables = DatabaseChecks.inspect(connection, schema, SchemaCatalog.bundled(), options.runs(CheckGroup.SCHEMA), results);
            requiredTables(tables, schema, features, results);
            if (options.runs(CheckGroup.INTEGRITY)) {
                results.add(CheckResult.skipped(CheckGroup.INTEGRITY, "integrity.*", "", "file integrity is checked on a dataset folder"));
            }
            runSqlChecks(tables, facts, manifestRows, options, results);
            if (options.runs(CheckGroup.PERFORMANCE)) {
                PerformanceChecks.run(tables, results);
            }
            coverage(tables, "schema " + schema, results);
        }
        return new ValidationReport("database", target.display() + " schema " + schema, results, System.nanoTime() - started);
    }

    /** Validates a DuckDB file written by {@code simdata export duckdb}, opened read-only; counts come from its stored manifest. */
    public static ValidationReport validateDuckdb(Path file, ValidationOptions options)
            throws SQLException, IOException
    {
        requireNonNull(file, "file is null");
        requireNonNull(options, "options is null");
        long started = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new DatasetException("--url duckdb:" + file + ": no such file; write one with 'simdata export duckdb'");
        }
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        List<CheckResult> results = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
            }
            Optional<Manifest> manifest = DuckdbFileChecks.manifest(connection);
            Map<String, Long> manifestRows = new LinkedHashMap<>();
            manifest.ifPresent(found -> found.files().stream().filter(files -> files.format() == found.formats().get(0))
                    .forEach(files -> manifestRows.put(files.table(), files.rows())));
            SqlTables tables = DuckdbFileChecks.inspect(connection, SchemaCatalog.bundled(), options.runs(CheckGroup.SCHEMA), results);
            if (options.runs(CheckGroup.INTEGRITY)) {
                results.add(CheckResult.skipped(CheckGroup.INTEGRITY, "integrity.*", "", "file integrity is checked on a dataset folder (export duckdb verified it before writing)"));
            }
            runSqlChecks(tables, manifest.map(DatasetFacts::from), manifestRows, options, results);
            if (options.runs(CheckGroup.PERFORMANCE)) {
                PerformanceChecks.run(tables, results);
            }
        }
        return new ValidationReport("database", "duckdb:" + file, results, System.nanoTime() - started);
    }

    private static void runSqlChecks(SqlTables tables, Optional<DatasetFacts> facts, Map<String, Long> manifestRows, ValidationOptions options, List<CheckResult> results)
            throws SQLException
    {
        if (options.runs(CheckGroup.SCHEMA)) {
            DataChecks.schemaValues(tables, results);
        }
        if (options.runs(CheckGroup.KEYS)) {
            DataChecks.keys(tables, results);
        }
        if (options.runs(CheckGroup.COUNTS)) {
            DataChecks.counts(tables, facts, manifestRows, results);
        }
        if (options.runs(CheckGroup.TIME)) {
            TimeChecks.run(tables, facts, results);
        }
        if (options.runs(CheckGroup.DISTRIBUTIONS)) {
            DistributionChecks.run(tables, facts, results);
        }
    }

    /**
     * Every table the dataset's features must have is in the database schema (without a dataset: the core tables);
     * a table with other columns is reported by schema.types instead.
     */
    private static void requiredTables(SqlTables tables, String schema, Optional<com.fasterxml.jackson.databind.JsonNode> features, List<CheckResult> results)
    {
        java.util.Set<String> optional = RequiredTables.optional(features);
        java.util.Set<String> present = new java.util.HashSet<>();
        tables.presentTables().forEach(table -> present.add(table.name()));
        List<String> missing = tables.catalog().tables().stream().map(table -> table.name())
                .filter(name -> !optional.contains(name) && !present.contains(name) && !tables.damaged(name)).toList();
        results.add(CheckResult.of(missing.isEmpty(), CheckGroup.SCHEMA, "schema.tables", "", missing.size() + " tables missing",
                "every table the dataset must have, with the schema's columns, in schema " + schema,
                "schema " + schema + " lacks " + missing.size() + " tables: " + String.join(", ", missing.stream().limit(10).toList())
                        + "; check --schema and that the dataset was loaded", missing.stream().limit(10).toList()));
    }

    /**
     * A validation that checked nothing fails: no table of schemas/ was found (an empty database, a misspelt
     * --schema), or no check passed.
     */
    private static void coverage(SqlTables tables, String target, List<CheckResult> results)
    {
        if (tables.presentTables().isEmpty()) {
            results.add(CheckResult.failed(CheckGroup.INTEGRITY, "validation.coverage", "", "no tables", "at least one table to check",
                    "none of the " + tables.catalog().tables().size() + " tables of schemas/ was found (or readable) in " + target
                            + ", so nothing was checked; check the folder or --url and --schema", List.of()));
        }
        else if (results.stream().noneMatch(result -> result.status() == CheckStatus.PASSED)) {
            results.add(CheckResult.failed(CheckGroup.INTEGRITY, "validation.coverage", "", "0 checks passed", "at least one check ran",
                    "no check ran on " + target + "; widen --only/--skip", List.of()));
        }
    }

    private static void deleteQuietly(Path folder)
    {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                }
                catch (IOException e) {
                    // a spill file left in the temporary folder is harmless
                }
            });
        }
        catch (IOException | UncheckedIOException e) {
            // ditto
        }
    }
}
