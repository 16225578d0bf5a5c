package dev.simdata.validate;

import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.DatasetPaths;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.Field;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static dev.simdata.validate.SqlTables.literal;
import static dev.simdata.validate.SqlTables.quote;

/**
 * Checks a dataset's files, then exposes the verified ones to the SQL checks as DuckDB views named after the tables.
 *
 * <p>Integrity: every file the manifest lists is present and confined to the dataset folder; no unlisted file in the
 * data folders; sizes and SHA-256 match the manifest and SHA256SUMS; CSV shards parse (RFC 4180, header) and Parquet
 * shards open, each with the manifest's row count; CSV and Parquet hold the same rows. Schema (files): CSV headers
 * and Parquet columns in order with their types; every CSV value parses as its column's type.
 *
 * <p>A table whose files fail any of these is left out of the views (its checks report "skipped"): checks on
 * damaged data would only repeat the damage. DuckDB streams the files and spills to disk beyond its memory limit.
 */
final class FileChecks
{
    private final Path dataset;
    private final Manifest manifest;
    private final SchemaCatalog catalog;
    private final Connection duckdb;
    private final ValidationOptions options;
    private final List<CheckResult> results;
    /** (table, format) pairs whose files passed every check so far. */
    private final Map<String, Set<DataFormat>> verified = new LinkedHashMap<>();
    private final Map<String, String> damaged = new HashMap<>();

    FileChecks(Path dataset, Manifest manifest, SchemaCatalog catalog, Connection duckdb, ValidationOptions options, List<CheckResult> results)
    {
        this.dataset = dataset;
        this.manifest = manifest;
        this.catalog = catalog;
        this.duckdb = duckdb;
        this.options = options;
        this.results = results;
    }

    /** Runs the file checks (those of the chosen groups) and returns the views of the verified tables. */
    SqlTables run()
            throws IOException, SQLException
    {
        boolean integrity = options.runs(CheckGroup.INTEGRITY);
        boolean schema = options.runs(CheckGroup.SCHEMA);
        for (TableFiles files : manifest.files()) {
            if (catalog.find(files.table()).isEmpty()) {
                results.add(CheckResult.failed(CheckGroup.INTEGRITY, "integrity.known_table", files.table(), "unknown table", "a table of schemas/",
                        "manifest resource " + files.table() + "-" + files.format().id() + " names a table that schemas/ does not define", List.of()));
                continue;
            }
            verified.computeIfAbsent(files.table(), key -> new java.util.TreeSet<>()).add(files.format());
        }
        // Presence, confinement, size and checksum always run: later checks must not read damaged files.
        checkUnlisted(integrity);
        checkSha256Sums(integrity);
        for (TableFiles files : manifest.files()) {
            if (catalog.find(files.table()).isPresent()) {
                checkFiles(files, integrity);
            }
        }
        for (TableFiles files : manifest.files()) {
            Optional<TableSchema> table = catalog.find(files.table());
            if (table.isEmpty() || !isVerified(files.table(), files.format())) {
                continue;
            }
            if (files.format() == DataFormat.CSV) {
                checkCsv(table.get(), files, integrity, schema);
            }
            else {
                checkParquet(table.get(), files, integrity, schema);
            }
        }
        if (integrity) {
            checkFormatsAgree();
        }
        return createViews();
    }

    private boolean isVerified(String table, DataFormat format)
    {
        return verified.getOrDefault(table, Set.of()).contains(format);
    }

    private void reject(String table, DataFormat format, String reason)
    {
        Set<DataFormat> formats = verified.get(table);
        if (formats != null) {
            formats.remove(format);
        }
        damaged.putIfAbsent(table, "files of table " + table + " failed " + reason + " (" + format.id() + ")");
    }

    private void add(boolean enabled, CheckResult result)
    {
        if (enabled) {
            results.add(result);
        }
    }

    private void checkFiles(TableFiles files, boolean report)
            throws IOException
    {
        String table = files.table();
        List<String> missing = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            Path file;
            try {
                file = DatasetPaths.resolve(dataset, shard.path());
            }
            catch (DatasetException e) {
                if (Files.exists(dataset.resolve(shard.path()))) {
                    outside.add(shard.path() + ": " + e.getMessage());
                }
                else {
                    missing.add(shard.path());
                }
                continue;
            }
            long size = Files.size(file);
            if (size != shard.bytes()) {
                wrong.add(shard.path() + ": " + size + " bytes, manifest says " + shard.bytes());
                continue;
            }
            String sha256 = Checksums.sha256(file);
            if (!sha256.equals(shard.sha256())) {
                wrong.add(shard.path() + ": sha256 " + sha256 + ", manifest says " + shard.sha256());
            }
        }
        String format = files.format().id();
        add(report, CheckResult.of(missing.isEmpty(), CheckGroup.INTEGRITY, "integrity.complete", table, (files.shards().size() - missing.size()) + " of " + files.shards().size() + " files",
                "every listed " + format + " file present", "table " + table + ": listed " + format + " files missing: " + String.join(", ", missing), missing));
        add(report, CheckResult.of(outside.isEmpty(), CheckGroup.INTEGRITY, "integrity.confined", table, outside.size() + " files outside",
                "every " + format + " file inside the dataset folder", "table " + table + ": " + String.join("; ", outside), outside));
        add(report, CheckResult.of(wrong.isEmpty(), CheckGroup.INTEGRITY, "integrity.checksums", table, wrong.size() + " files differ",
                "size and sha256 of every " + format + " file as listed", "table " + table + ": " + String.join("; ", wrong), wrong));
        if (!missing.isEmpty() || !outside.isEmpty() || !wrong.isEmpty()) {
            reject(table, files.format(), "integrity");
        }
    }

    /** No file in the data folders ({@code csv/}, {@code parquet/}) that the manifest does not list. */
    private void checkUnlisted(boolean report)
            throws IOException
    {
        Set<String> listed = new HashSet<>();
        manifest.files().forEach(files -> files.shards().forEach(shard -> listed.add(shard.path())));
        List<String> unlisted = new ArrayList<>();
        for (DataFormat format : DataFormat.values()) {
            Path folder = dataset.resolve(format.id());
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(path -> !Files.isDirectory(path))
                        .map(path -> dataset.relativize(path).toString().replace('\\', '/'))
                        .filter(path -> !listed.contains(path))
                        .sorted()
                        .forEach(unlisted::add);
            }
        }
        for (String path : unlisted) {
            String[] parts = path.split("/");
            if (parts.length >= 3) {
                DataFormat.parse(parts[0]).ifPresent(format -> reject(parts[1], format, "integrity (an unlisted file in its folder)"));
            }
        }
        add(report, CheckResult.of(unlisted.isEmpty(), CheckGroup.INTEGRITY, "integrity.unlisted", "", unlisted.size() + " unlisted files", "no file outside the manifest in csv/ and parquet/",
                "files not listed in " + Manifest.FILE_NAME + ": " + String.join(", ", unlisted.stream().limit(10).toList()), unlisted.stream().limit(10).toList()));
    }

    /** SHA256SUMS lists exactly the manifest's files with the same hashes. */
    private void checkSha256Sums(boolean report)
            throws IOException
    {
        Path file = dataset.resolve(Manifest.CHECKSUMS_FILE_NAME);
        if (!Files.isRegularFile(file)) {
            add(report, CheckResult.failed(CheckGroup.INTEGRITY, "integrity.sha256sums", "", "missing", "SHA256SUMS lists every file",
                    Manifest.CHECKSUMS_FILE_NAME + " is missing from " + dataset, List.of()));
            return;
        }
        Map<String, String> sums = new HashMap<>();
        for (Checksums.Entry entry : Checksums.read(file)) {
            sums.put(entry.path(), entry.sha256());
        }
        List<String> differences = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (TableFiles files : manifest.files()) {
            for (ShardFile shard : files.shards()) {
                listed.add(shard.path());
                String sum = sums.get(shard.path());
                if (!shard.sha256().equals(sum)) {
                    differences.add(shard.path() + (sum == null ? ": not in SHA256SUMS" : ": SHA256SUMS has " + sum));
                }
            }
        }
        String manifestSum = sums.remove(Manifest.FILE_NAME);
        if (manifestSum != null && !manifestSum.equals(Checksums.sha256(dataset.resolve(Manifest.FILE_NAME)))) {
            differences.add(Manifest.FILE_NAME + ": SHA256SUMS has " + manifestSum + ", the file has another sha256");
        }
        sums.keySet().stream().filter(path -> !listed.contains(path)).sorted().forEach(path -> differences.add(path + ": in SHA256SUMS but not in the manifest"));
        add(report, CheckResult.of(differences.isEmpty(), CheckGroup.INTEGRITY, "integrity.sha256sums", "", differences.size() + " differences", "SHA256SUMS agrees with the manifest",
                Manifest.CHECKSUMS_FILE_NAME + " disagrees with " + Manifest.FILE_NAME + ": " + String.join("; ", differences.stream().limit(5).toList()), differences.stream().limit(5).toList()));
    }

    private String fileList(TableFiles files)
    {
        StringBuilder list = new StringBuilder("[");
        for (ShardFile shard : files.shards()) {
            list.append(list.length() == 1 ? "" : ", ").append(literal(dataset.resolve(shard.path()).toAbsolutePath().toString()));
        }
        return list.append(']').toString();
    }

    static String duckdbType(Field field)
    {
        return switch (field.type()) {
            case UUID, STRING -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DECIMAL -> "DECIMAL(" + field.precision() + "," + field.scale() + ")";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP WITH TIME ZONE";
        };
    }

    private static String castType(Field field)
    {
        return field.type() == dev.simdata.schema.FieldType.UUID ? "UUID" : duckdbType(field);
    }

    private String readCsv(TableSchema table, TableFiles files, boolean typed, boolean withFileName)
    {
        StringBuilder columns = new StringBuilder("{");
        for (Field field : table.fields()) {
            columns.append(columns.length() == 1 ? "" : ", ").append(literal(field.name())).append(": ").append(literal(typed ? duckdbType(field) : "VARCHAR"));
        }
        columns.append('}');
        return "read_csv(" + fileList(files) + ", header = true, delim = ',', quote = '\"', escape = '\"', nullstr = '', allow_quoted_nulls = false,"
                + " auto_detect = false, strict_mode = true, columns = " + columns + (withFileName ? ", filename = true" : "") + ")";
    }

    private void checkCsv(TableSchema table, TableFiles files, boolean integrity, boolean schema)
            throws IOException, SQLException
    {
        String name = table.name();
        // Header of every shard: the schema's columns in order.
        List<String> badHeaders = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            try (BufferedReader reader = Files.newBufferedReader(dataset.resolve(shard.path()), StandardCharsets.UTF_8)) {
                String header = reader.readLine();
                if (!table.csvHeader().equals(header)) {
                    badHeaders.add(shard.path() + ": header '" + header + "'");
                }
            }
        }
        add(schema, CheckResult.of(badHeaders.isEmpty(), CheckGroup.SCHEMA, "schema.columns", name, badHeaders.size() + " csv headers differ", "csv header " + table.csvHeader(),
                "table " + name + ": " + String.join("; ", badHeaders), badHeaders));
        if (!badHeaders.isEmpty()) {
            reject(name, DataFormat.CSV, "the schema's columns");
            return;
        }
        // Well-formed: every shard parses, with the manifest's rows.
        Map<String, Long> rows = new HashMap<>();
        try (Statement statement = duckdb.createStatement();
                var result = statement.executeQuery("SELECT filename, count(*) FROM " + readCsv(table, files, false, true) + " GROUP BY filename")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        catch (SQLException e) {
            // Find the shards that do not parse, to name them.
            List<String> broken = new ArrayList<>();
            for (ShardFile shard : files.shards()) {
                TableFiles single = new TableFiles(name, DataFormat.CSV, List.of(shard));
                try (Statement statement = duckdb.createStatement();
                        var result = statement.executeQuery("SELECT count(*) FROM " + readCsv(table, single, false, false))) {
                    result.next();
                }
                catch (SQLException shardError) {
                    broken.add(shard.path() + ": " + csvError(shardError.getMessage()));
                }
            }
            if (broken.isEmpty()) {
                broken.add(csvError(e.getMessage()));
            }
            add(integrity, CheckResult.failed(CheckGroup.INTEGRITY, "integrity.readable", name, broken.size() + " malformed csv files", "RFC 4180 csv with " + table.columnCount() + " columns",
                    "table " + name + ": csv does not parse: " + String.join("; ", broken), broken));
            reject(name, DataFormat.CSV, "parsing");
            return;
        }
        List<String> wrongRows = rowMismatches(files, rows);
        add(integrity, CheckResult.of(wrongRows.isEmpty(), CheckGroup.INTEGRITY, "integrity.readable", name, wrongRows.isEmpty() ? files.rows() + " csv rows" : wrongRows.size() + " shards differ",
                "every csv shard parses with its manifest rows", "table " + name + ": " + String.join("; ", wrongRows), wrongRows));
        if (!wrongRows.isEmpty()) {
            reject(name, DataFormat.CSV, "row counts");
            return;
        }
        // Types: every value parses as its column's type.
        List<Field> typed = table.fields().stream().filter(field -> field.type() != dev.simdata.schema.FieldType.STRING).toList();
        if (typed.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < typed.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(badValue(typed.get(i))).append(')');
        }
        long[] counts;
        try (Statement statement = duckdb.createStatement(); var result = statement.executeQuery(sql + " FROM " + readCsv(table, files, false, false))) {
            result.next();
            counts = new long[typed.size()];
            for (int i = 0; i < typed.size(); i++) {
                counts[i] = result.getLong(i + 1);
            }
        }
        List<String> problems = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            Field field = typed.get(i);
            problems.add(field.name() + " (" + dev.simdata.schema.PostgresDdl.columnType(field) + "): " + counts[i] + " values");
            try (Statement statement = duckdb.createStatement();
                    var result = statement.executeQuery("SELECT filename, " + quote(table.field(0).name()) + ", " + quote(field.name()) + " FROM "
                            + readCsv(table, files, false, true) + " WHERE " + badValue(field) + " LIMIT 3")) {
                while (result.next()) {
                    samples.add("file " + dataset.relativize(Path.of(result.getString(1))).toString().replace('\\', '/') + ", " + table.field(0).name() + "=" + result.getString(2)
                            + ", " + field.name() + "='" + result.getString(3) + "'");
                }
            }
        }
        add(schema, CheckResult.of(problems.isEmpty(), CheckGroup.SCHEMA, "schema.types", name, problems.isEmpty() ? "all csv values parse" : String.join("; ", problems),
                "every csv value parses as its column's type", "table " + name + ": csv values of the wrong type in " + String.join("; ", problems)
                        + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
        if (!problems.isEmpty()) {
            reject(name, DataFormat.CSV, "the schema's types");
        }
    }

    private static String badValue(Field field)
    {
        String column = quote(field.name());
        String cast = field.type() == dev.simdata.schema.FieldType.DATETIME
                // generated instants are UTC with a Z suffix; reject other offsets and forms
                ? "(NOT regexp_full_match(" + column + ", '\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z') OR TRY_CAST(" + column + " AS TIMESTAMPTZ) IS NULL)"
                : "TRY_CAST(" + column + " AS " + castType(field) + ") IS NULL";
        return column + " IS NOT NULL AND " + cast;
    }

    private List<String> rowMismatches(TableFiles files, Map<String, Long> rows)
    {
        List<String> problems = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            String absolute = dataset.resolve(shard.path()).toAbsolutePath().toString();
            long found = rows.getOrDefault(absolute, 0L);
            if (found != shard.rows()) {
                problems.add(shard.path() + ": " + found + " rows, manifest says " + shard.rows());
            }
        }
        return problems;
    }

    private void checkParquet(TableSchema table, TableFiles files, boolean integrity, boolean schema)
            throws SQLException
    {
        String name = table.name();
        Map<String, Long> rows = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            String file = literal(dataset.resolve(shard.path()).toAbsolutePath().toString());
            try (Statement statement = duckdb.createStatement();
                    var result = statement.executeQuery("SELECT count(*) FROM read_parquet(" + file + ")")) {
                result.next();
                rows.put(dataset.resolve(shard.path()).toAbsolutePath().toString(), result.getLong(1));
            }
            catch (SQLException e) {
                problems.add(shard.path() + ": " + firstLine(e.getMessage()));
            }
        }
        problems.addAll(problems.isEmpty() ? rowMismatches(files, rows) : List.of());
        add(integrity, CheckResult.of(problems.isEmpty(), CheckGroup.INTEGRITY, "integrity.readable", name, problems.isEmpty() ? files.rows() + " parquet rows" : problems.size() + " files unreadable",
                "every parquet shard opens with its manifest rows", "table " + name + ": " + String.join("; ", problems), problems));
        if (!problems.isEmpty()) {
            reject(name, DataFormat.PARQUET, "reading");
            return;
        }
        List<String> differences = new ArrayList<>();
        for (ShardFile shard : files.shards()) {
            List<String> found = new ArrayList<>();
            try (Statement statement = duckdb.createStatement();
                    var result = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(dataset.resolve(shard.path()).toAbsolutePath().toString()) + ")")) {
                while (result.next()) {
                    found.add(result.getString(1) + " " + result.getString(2));
                }
            }
            List<String> expected = table.fields().stream().map(field -> field.name() + " " + duckdbType(field)).toList();
            if (!found.equals(expected)) {
                List<String> diff = new ArrayList<>();
                for (int i = 0; i < Math.max(found.size(), expected.size()); i++) {
                    String have = i < found.size() ? found.get(i) : "nothing";
                    String want = i < expected.size() ? expected.get(i) : "nothing";
                    if (!have.equals(want)) {
                        diff.add("column " + (i + 1) + " is '" + have + "', expected '" + want + "'");
                    }
                }
                differences.add(shard.path() + ": " + String.join(", ", diff));
            }
        }
        add(schema, CheckResult.of(differences.isEmpty(), CheckGroup.SCHEMA, "schema.types", name, differences.size() + " parquet files differ",
                "parquet columns, order and types as in schemas/", "table " + name + ": " + String.join("; ", differences), differences));
        if (!differences.isEmpty()) {
            reject(name, DataFormat.PARQUET, "the schema's columns and types");
        }
    }

    private String relation(TableSchema table, DataFormat format)
    {
        return relation(table, format, false);
    }

    private String relation(TableSchema table, DataFormat format, boolean withFileName)
    {
        TableFiles files = manifest.files(table.name(), format).orElseThrow();
        return format == DataFormat.CSV ? readCsv(table, files, true, withFileName) : "read_parquet(" + fileList(files) + (withFileName ? ", filename = true" : "") + ")";
    }

    /**
     * When both formats passed, they hold the same rows: the row count and the sum of 64-bit row hashes (a multiset
     * fingerprint, computed by a streaming aggregate in bounded memory) agree. On a difference, a join on the first
     * column finds sample rows.
     */
    private void checkFormatsAgree()
            throws SQLException
    {
        for (TableSchema table : catalog.tables()) {
            if (!isVerified(table.name(), DataFormat.CSV) || !isVerified(table.name(), DataFormat.PARQUET)) {
                continue;
            }
            String csv = relation(table, DataFormat.CSV);
            String parquet = relation(table, DataFormat.PARQUET);
            String columns = String.join(", ", table.fields().stream().map(field -> quote(field.name())).toList());
            String[] csvPrint = fingerprint("SELECT count(*), CAST(sum(hash(" + columns + ")) AS VARCHAR) FROM " + csv);
            String[] parquetPrint = fingerprint("SELECT count(*), CAST(sum(hash(" + columns + ")) AS VARCHAR) FROM " + parquet);
            boolean ok = csvPrint[0].equals(parquetPrint[0]) && csvPrint[1].equals(parquetPrint[1]);
            List<String> samples = new ArrayList<>();
            if (!ok) {
                String key = quote(table.field(0).name());
                String hashC = "hash(" + String.join(", ", table.fields().stream().map(field -> "c." + quote(field.name())).toList()) + ")";
                String hashP = "hash(" + String.join(", ", table.fields().stream().map(field -> "p." + quote(field.name())).toList()) + ")";
                try (Statement statement = duckdb.createStatement();
                        var result = statement.executeQuery("SELECT CAST(coalesce(c." + key + ", p." + key + ") AS VARCHAR), c." + key + " IS NULL, p." + key + " IS NULL FROM "
                                + csv + " c FULL OUTER JOIN " + parquet + " p ON c." + key + " = p." + key
                                + " WHERE c." + key + " IS NULL OR p." + key + " IS NULL OR " + hashC + " <> " + hashP + " LIMIT 3")) {
                    while (result.next()) {
                        String where = result.getBoolean(2) ? "only in parquet" : result.getBoolean(3) ? "only in csv" : "differs";
                        samples.add(table.field(0).name() + "=" + result.getString(1) + " " + where);
                    }
                }
            }
            results.add(CheckResult.of(ok, CheckGroup.INTEGRITY, "integrity.formats_agree", table.name(), csvPrint[0] + " csv rows, " + parquetPrint[0] + " parquet rows"
                            + (ok ? ", same fingerprint" : ", fingerprints differ"),
                    "csv and parquet hold the same rows", "table " + table.name() + ": csv and parquet differ" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
            if (!ok) {
                damaged.putIfAbsent(table.name(), "csv and parquet of table " + table.name() + " disagree");
                verified.get(table.name()).clear();
            }
        }
    }

    private String[] fingerprint(String sql)
            throws SQLException
    {
        try (Statement statement = duckdb.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return new String[] {Long.toString(result.getLong(1)), String.valueOf(result.getString(2))};
        }
    }

    private SqlTables createViews()
            throws SQLException
    {
        Map<String, String> relations = new LinkedHashMap<>();
        Map<String, String> absent = new LinkedHashMap<>();
        for (TableSchema table : catalog.tables()) {
            String name = table.name();
            Set<DataFormat> formats = verified.getOrDefault(name, Set.of());
            if (formats.isEmpty()) {
                absent.put(name, damaged.getOrDefault(name, "table " + name + " is not in the dataset"));
                continue;
            }
            DataFormat format = formats.contains(DataFormat.PARQUET) ? DataFormat.PARQUET : DataFormat.CSV;
            try (Statement statement = duckdb.createStatement()) {
                // Each row keeps its file (relative to the dataset) in _file, for the samples of failures.
                String prefix = dataset.toAbsolutePath() + java.io.File.separator;
                statement.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * EXCLUDE (filename), replace(filename, " + literal(prefix) + ", '') AS "
                        + quote(SqlTables.FILE_COLUMN) + " FROM " + relation(table, format, true));
            }
            relations.put(name, quote(name));
        }
        return new SqlTables(SqlTables.Backend.DUCKDB, duckdb, catalog, relations, absent, true, damaged.keySet());
    }

    /** DuckDB's CSV error without its advice on parser options. */
    private static String csvError(String message)
    {
        String text = message == null ? "" : message;
        int advice = text.indexOf("Possible fixes");
        return firstLine(advice < 0 ? text : text.substring(0, advice));
    }

    /** A database error message on one line, shortened. */
    static String firstLine(String message)
    {
        if (message == null) {
            return "";
        }
        String line = message.replaceAll("\\s*[\\r\\n]+\\s*", " | ").strip();
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }
}
