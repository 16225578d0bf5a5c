package dev.simdata.validate;

import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tables the SQL checks run against: DuckDB views over a dataset's verified files, or a PostgreSQL schema.
 * The checks write one SQL for both; a table that is absent (not in the dataset, not in the database, or whose
 * files failed integrity) makes the checks that need it report "skipped" with the reason kept here.
 */
public final class SqlTables
{
    public enum Backend
    {
        DUCKDB, POSTGRES
    }

    private static final int SAMPLES = 3;

    private final Backend backend;
    private final Connection connection;
    private final SchemaCatalog catalog;
    private final Map<String, String> relations;
    private final Map<String, String> absent;
    private final boolean fileColumn;
    private final java.util.Set<String> damaged;

    /**
     * @param relations the SQL relation of each present table
     * @param absent why a table is absent, for tables that have a reason beyond "not there"
     */
    public SqlTables(Backend backend, Connection connection, SchemaCatalog catalog, Map<String, String> relations, Map<String, String> absent)
    {
        this(backend, connection, catalog, relations, absent, false, java.util.Set.of());
    }

    /**
     * @param fileColumn whether every relation has a column {@value #FILE_COLUMN} naming the dataset file of each row
     */
    public SqlTables(Backend backend, Connection connection, SchemaCatalog catalog, Map<String, String> relations, Map<String, String> absent, boolean fileColumn,
            java.util.Set<String> damaged)
    {
        this.fileColumn = fileColumn;
        this.damaged = java.util.Set.copyOf(damaged);
        this.backend = requireNonNull(backend, "backend is null");
        this.connection = requireNonNull(connection, "connection is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.relations = new LinkedHashMap<>(requireNonNull(relations, "relations is null"));
        this.absent = new LinkedHashMap<>(requireNonNull(absent, "absent is null"));
    }

    /** The column of file-backed views that names each row's file; never a schema column (those start with a letter). */
    public static final String FILE_COLUMN = "_file";

    /**
     * Expands placeholders in a check's SQL: {@code {table}} to the table's relation; {@code {file}} or
     * {@code {file:alias.}} to {@code , <alias>_file AS file} on file-backed views (nothing on a database);
     * {@code {group_file}} to {@code , min(_file) AS file} and {@code {file_column}} to {@code , file}, for queries
     * that group rows.
     */
    public String expand(String sql)
    {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int open = sql.indexOf('{', at);
            if (open < 0) {
                return out.append(sql, at, sql.length()).toString();
            }
            int close = sql.indexOf('}', open);
            String token = sql.substring(open + 1, close);
            out.append(sql, at, open);
            if (token.equals("file") || token.startsWith("file:")) {
                String alias = token.equals("file") ? "" : token.substring(5);
                out.append(fileColumn ? ", " + alias + quote(FILE_COLUMN) + " AS file" : "");
            }
            else if (token.equals("group_file")) {
                out.append(fileColumn ? ", min(" + quote(FILE_COLUMN) + ") AS file" : "");
            }
            else if (token.equals("file_column")) {
                out.append(fileColumn ? ", file" : "");
            }
            else {
                out.append(relation(token));
            }
            at = close + 1;
        }
    }

    public Backend backend()
    {
        return backend;
    }

    public Connection connection()
    {
        return connection;
    }

    public SchemaCatalog catalog()
    {
        return catalog;
    }

    /** Present tables in catalog (dependency) order. */
    public List<TableSchema> presentTables()
    {
        return catalog.tables().stream().filter(table -> relations.containsKey(table.name())).toList();
    }

    public boolean has(String table)
    {
        return relations.containsKey(table);
    }

    /** The quoted relation of a present table. */
    public String relation(String table)
    {
        String relation = relations.get(table);
        if (relation == null) {
            throw new IllegalStateException("table " + table + " is absent: " + absentReason(table));
        }
        return relation;
    }

    /** True when the table exists but is left out because its files or columns failed a check (already reported). */
    public boolean damaged(String table)
    {
        return damaged.contains(table);
    }

    public String absentReason(String table)
    {
        return absent.getOrDefault(table, "table " + table + " is absent");
    }

    /**
     * Empty when every named table (and {@code table.column}) is present, else the reason a check needing them is
     * skipped.
     */
    public Optional<String> missing(String... names)
    {
        for (String name : names) {
            int dot = name.indexOf('.');
            String table = dot < 0 ? name : name.substring(0, dot);
            if (!has(table)) {
                return Optional.of(absentReason(table));
            }
            if (dot >= 0) {
                String column = name.substring(dot + 1);
                Optional<TableSchema> schema = catalog.find(table);
                if (schema.isEmpty() || schema.get().findField(column).isEmpty()) {
                    return Optional.of("column " + name + " is absent from schemas/");
                }
            }
        }
        return Optional.empty();
    }

    public static String quote(String identifier)
    {
        return PostgresDdl.quote(identifier);
    }

    public static String literal(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A SQL expression for the first primary-key column (or the first column), as text, for samples. */
    public static String keyText(TableSchema table, String alias)
    {
        String column = table.primaryKey().isEmpty() ? table.field(0).name() : table.primaryKey().get(0);
        return "CAST(" + alias + quote(column) + " AS VARCHAR)";
    }

    public long queryLong(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Every row, each column as text (null as "null"). Use only on small results. */
    public List<List<String>> rows(String sql)
            throws SQLException
    {
        List<List<String>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    row.add(value == null ? "null" : value);
                }
                result.add(row);
            }
        }
        return result;
    }

    /** The first row's columns as numbers (null as 0). */
    public long[] longs(String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            long[] values = new long[columns];
            if (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    values[i - 1] = rows.getLong(i);
                }
            }
            return values;
        }
    }

    /** Up to three rows of {@code sql} (which must not have a LIMIT), each as "a=b, c=d" using the column labels. */
    public List<String> samples(String sql)
            throws SQLException
    {
        List<String> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql + " LIMIT " + SAMPLES)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder sample = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    sample.append(i == 1 ? "" : ", ").append(rows.getMetaData().getColumnLabel(i)).append('=').append(rows.getString(i));
                }
                samples.add(sample.toString());
            }
        }
        return samples;
    }
}
