package dev.simdata.export;

import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;
import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.simdata.schema.PostgresDdl.quote;

/**
 * {@code simdata export duckdb}: one DuckDB database file with a table per dataset table (the schema's types, primary
 * key, foreign keys), and a {@code simdata_dataset} table holding the manifest and the DuckDB version that wrote it.
 * The dataset's checksums are verified first; the file is written under a temporary name beside the target and
 * renamed into place when complete.
 */
public final class DuckdbExport
{
    public static final String DATASET_TABLE = "simdata_dataset";

    private DuckdbExport() {}

    /** @return rows exported per table, in catalog order */
    public static Map<String, Long> export(Path dataset, Path target)
            throws IOException, SQLException
    {
        Manifest manifest = DatasetViews.verified(dataset);
        Path absolute = target.toAbsolutePath();
        Path parent = DatasetViews.existingParent(target);
        if (Files.isDirectory(absolute)) {
            throw new DatasetException("--out " + target + " is a folder; give a file name such as data.duckdb");
        }
        Path temporary = parent.resolve("." + absolute.getFileName() + ".simdata-tmp");
        Files.deleteIfExists(temporary);
        Files.deleteIfExists(parent.resolve(temporary.getFileName() + ".wal"));
        DataFormat format = DatasetViews.preferredFormat(manifest);
        List<TableSchema> tables = DatasetViews.tables(manifest, format);
        Map<String, Long> rows = new LinkedHashMap<>();
        boolean complete = false;
        try {
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + temporary)) {
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("SET TimeZone = 'UTC'");
                }
                DatasetViews.createViews(duckdb, dataset, manifest, tables, format, "source_");
                try (Statement statement = duckdb.createStatement()) {
                    for (TableSchema table : tables) {
                        statement.execute(createTable(table, tables));
                        long inserted = statement.executeUpdate("INSERT INTO " + quote(table.name()) + " SELECT * FROM " + quote("source_" + table.name()));
                        rows.put(table.name(), inserted);
                    }
                    statement.execute("CREATE TABLE " + DATASET_TABLE + " (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)");
                }
                Map<String, String> provenance = new LinkedHashMap<>();
                provenance.put("manifest", new String(manifest.toJson(SchemaCatalog.bundled()::table), java.nio.charset.StandardCharsets.UTF_8));
                provenance.put("source_format", format.id());
                provenance.put("duckdb_version", duckdbVersion(duckdb));
                provenance.put("storage_note", "written by DuckDB " + duckdbVersion(duckdb) + " with its default storage version; readers older than that may not open it");
                try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO " + DATASET_TABLE + " VALUES (?, ?)")) {
                    for (Map.Entry<String, String> entry : provenance.entrySet()) {
                        insert.setString(1, entry.getKey());
                        insert.setString(2, entry.getValue());
                        insert.executeUpdate();
                    }
                }
                try (Statement statement = duckdb.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            complete = true;
        }
        finally {
            if (!complete) {
                Files.deleteIfExists(temporary);
            }
            Files.deleteIfExists(parent.resolve(temporary.getFileName() + ".wal"));
        }
        return rows;
    }

    static String createTable(TableSchema table, List<TableSchema> present)
    {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (");
        for (int i = 0; i < table.columnCount(); i++) {
            Field field = table.field(i);
            sql.append(i == 0 ? "\n  " : ",\n  ").append(quote(field.name())).append(' ').append(EngineDialect.DUCKDB.columnType(field));
            if (field.required()) {
                sql.append(" NOT NULL");
            }
        }
        if (!table.primaryKey().isEmpty()) {
            sql.append(",\n  PRIMARY KEY (").append(columns(table.primaryKey())).append(')');
        }
        for (ForeignKey foreignKey : table.foreignKeys()) {
            boolean parentPresent = present.stream().anyMatch(other -> other.name().equals(foreignKey.referencedTable()));
            if (parentPresent && !foreignKey.referencedTable().equals(table.name())) {
                sql.append(",\n  FOREIGN KEY (").append(columns(foreignKey.fields())).append(") REFERENCES ")
                        .append(quote(foreignKey.referencedTable())).append(" (").append(columns(foreignKey.referencedFields())).append(')');
            }
        }
        return sql.append("\n)").toString();
    }

    private static String duckdbVersion(Connection duckdb)
            throws SQLException
    {
        try (Statement statement = duckdb.createStatement(); ResultSet result = statement.executeQuery("SELECT library_version FROM pragma_version()")) {
            result.next();
            return result.getString(1);
        }
    }

    private static String columns(List<String> names)
    {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.length() == 0 ? "" : ", ").append(quote(name));
        }
        return out.toString();
    }
}
