package dev.simdata.export;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static dev.simdata.schema.PostgresDdl.quote;

/**
 * {@code simdata export sql}: a Supabase-style folder with {@code migrations/<as-of>000000_simdata_schema.sql} (the
 * DDL from {@code schemas/}: tables, primary keys, foreign keys) and {@code seed/NN_<table>.sql[.gz]} (multi-row
 * INSERTs, in foreign-key order). Values are written as standard-conforming string literals ({@code '} doubled;
 * backslashes and newlines are literal), so any text round-trips. The dataset's checksums are verified before
 * anything is written; the folder is staged beside the target, synced, and renamed into place.
 */
public final class SqlExport
{
    public static final int BATCH_ROWS = 500;

    private SqlExport() {}

    public static Map<String, Long> export(Path dataset, Path target, boolean gzip)
            throws IOException, SQLException
    {
        Manifest manifest = DatasetViews.verified(dataset);
        Path absolute = target.toAbsolutePath();
        Path parent = DatasetViews.existingParent(target);
        if (Files.exists(absolute)) {
            throw new DatasetException("--out " + target + " already exists; give a new folder name (simdata never overwrites a folder it did not write)");
        }
        String asOf = manifest.simdata().path("as_of").asText("").replace("-", "");
        if (!asOf.matches("[0-9]{8}")) {
            throw new DatasetException(dataset + ": the manifest's simdata.as_of is missing or malformed");
        }
        DataFormat format = DatasetViews.preferredFormat(manifest);
        List<TableSchema> tables = DatasetViews.tables(manifest, format);
        Path staging = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".simdata-tmp-");
        Map<String, Long> rows = new LinkedHashMap<>();
        boolean complete = false;
        try {
            Path migrations = Files.createDirectory(staging.resolve("migrations"));
            Path seed = Files.createDirectory(staging.resolve("seed"));
            try (Writer out = open(migrations.resolve(asOf + "000000_simdata_schema.sql"), false)) {
                out.write(migration(tables, manifest));
            }
            // stream results (the driver materialises them otherwise) and let DuckDB's sort spill beyond a bound
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("jdbc_stream_results", "true");
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", properties)) {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("SET TimeZone = 'UTC'");
                    statement.execute("SET memory_limit = '256MB'");
                    statement.execute("SET temp_directory = " + DatasetViews.literal(staging.resolve(".spill").toString()));
                }
                DatasetViews.createViews(duckdb, dataset, manifest, tables, format, "");
                for (int i = 0; i < tables.size(); i++) {
                    TableSchema table = tables.get(i);
                    String name = (i + 1 < 10 ? "0" : "") + (i + 1) + "_" + table.name() + ".sql" + (gzip ? ".gz" : "");
                    try (Writer out = open(seed.resolve(name), gzip)) {
                        rows.put(table.name(), seed(duckdb, table, out));
                    }
                }
            }
            deleteTree(staging.resolve(".spill"));
            sync(staging);
            Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
        }
        finally {
            if (!complete) {
                deleteTree(staging);
            }
        }
        return rows;
    }

    static String migration(List<TableSchema> tables, Manifest manifest)
    {
        StringBuilder sql = new StringBuilder("-- simdata ").append(manifest.simdata().path("generator").path("version").asText(""))
                .append(": the schema of dataset ").append(manifest.name()).append(", from schemas/\n");
        for (TableSchema table : tables) {
            sql.append('\n').append(PostgresDdl.createTable("public", table)).append(";\n");
            if (!table.primaryKey().isEmpty()) {
                sql.append(PostgresDdl.primaryKey("public", table)).append(";\n");
            }
        }
        for (TableSchema table : tables) {
            for (int i = 0; i < table.foreignKeys().size(); i++) {
                String parentTable = table.foreignKeys().get(i).referencedTable();
                if (tables.stream().anyMatch(other -> other.name().equals(parentTable))) {
                    sql.append(PostgresDdl.foreignKeys("public", table).get(i)).append(";\n");
                }
            }
            for (String index : PostgresDdl.foreignKeyIndexes("public", table)) {
                sql.append(index).append(";\n");
            }
        }
        return sql.toString();
    }

    private static long seed(Connection duckdb, TableSchema table, Writer out)
            throws SQLException, IOException
    {
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder header = new StringBuilder("INSERT INTO ").append(PostgresDdl.qualified("public", table.name())).append(" (");
        for (int i = 0; i < table.columnCount(); i++) {
            String column = quote(table.field(i).name());
            select.append(i == 0 ? "" : ", ").append("CAST(").append(column).append(" AS VARCHAR)");
            header.append(i == 0 ? "" : ", ").append(column);
        }
        header.append(") VALUES\n");
        select.append(" FROM ").append(quote(table.name()));
        if (!table.primaryKey().isEmpty()) {
            select.append(" ORDER BY ").append(String.join(", ", table.primaryKey().stream().map(PostgresDdl::quote).toList()));
        }
        out.write("-- simdata seed: " + table.name() + "\nSET standard_conforming_strings = on;\n");
        long count = 0;
        StringBuilder line = new StringBuilder();
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery(select.toString())) {
            int columns = table.columnCount();
            while (result.next()) {
                out.write(count % BATCH_ROWS == 0 ? header.toString() : ",\n");
                line.setLength(0);
                line.append('(');
                for (int i = 1; i <= columns; i++) {
                    if (i > 1) {
                        line.append(", ");
                    }
                    appendLiteral(line, result.getString(i));
                }
                line.append(')');
                out.write(line.toString());
                count++;
                if (count % BATCH_ROWS == 0) {
                    out.write(";\n");
                }
            }
        }
        if (count % BATCH_ROWS != 0) {
            out.write(";\n");
        }
        return count;
    }

    /** A PostgreSQL literal: NULL, or a standard-conforming string with quotes doubled (PostgreSQL casts it to the column's type). */
    static void appendLiteral(StringBuilder out, String value)
    {
        if (value == null) {
            out.append("NULL");
            return;
        }
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                throw new DatasetException("a value holds a NUL character, which PostgreSQL text cannot store");
            }
            out.append(c);
            if (c == '\'') {
                out.append('\'');
            }
        }
        out.append('\'');
    }

    private static Writer open(Path file, boolean gzip)
            throws IOException
    {
        OutputStream stream = new FileOutputStream(file.toFile());
        if (gzip) {
            stream = new GZIPOutputStream(stream, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Forces every written file to disk before the folder is renamed into place. */
    private static void sync(Path folder)
            throws IOException
    {
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
    }

    private static void deleteTree(Path folder)
            throws IOException
    {
        if (!Files.exists(folder)) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
