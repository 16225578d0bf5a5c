package dev.simdata.load;

import dev.simdata.schema.Field;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Prepares the target schema before any row is sent: takes the load lock, creates the schema, the ledger and the lock table,
 * applies the mode (refuses foreign rows in create mode, drops the dataset's tables in replace mode once
 * confirmed) and creates missing tables bare, checking that existing ones have the columns of {@code schemas/}.
 */
final class SchemaSetup
{
    private final Database database;
    private final String schema;
    private final LoadMode mode;
    private final Ledger ledger;
    private final ReplaceConfirmation confirmation;
    private final boolean cascade;
    private final LoadLease lease;

    SchemaSetup(Database database, String schema, LoadMode mode, Ledger ledger, LoadLease lease, ReplaceConfirmation confirmation, boolean cascade)
    {
        this.lease = requireNonNull(lease, "lease is null");
        this.cascade = cascade;
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.ledger = requireNonNull(ledger, "ledger is null");
        this.confirmation = requireNonNull(confirmation, "confirmation is null");
    }

    /**
     * Takes the load lock ({@link LoadLease}), creates the schema and ledger, applies the mode, and creates missing
     * tables bare, in one transaction: a load refused here (another load running, foreign rows, other columns, replace
     * not confirmed) leaves the database as it found it. Concurrent loads take turns on a transaction-scoped advisory
     * lock of the schema, so this needs no session state and works through a pooler in transaction mode.
     */
    void prepare(Connection admin, String datasetId, List<TableSchema> tables)
            throws SQLException
    {
        try {
            database.inTransaction(admin, connection -> {
                prepareInTransaction(connection, datasetId, tables);
                return null;
            });
        }
        catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw lockTimeout(e, holders(admin));
            }
            throw e;
        }
    }

    private String current = "";

    private LoadException lockTimeout(SQLException e, String holders)
    {
        return new LoadException("gave up waiting for a lock on " + current + " of " + database.target().display() + " after --lock-timeout ("
                + database.target().redact(e.getMessage()).replace('\n', ' ') + "); " + holders
                + ": wait for it to finish, or raise --lock-timeout; nothing was changed");
    }

    /** The other sessions holding locks on the schema's tables, as a phrase: what to wait for, or whom to ask. */
    private String holders(Connection admin)
    {
        String sql = "SELECT DISTINCT n.nspname, c.relname, a.pid, coalesce(nullif(a.application_name, ''), a.usename::text, '?'), coalesce(a.state, '?') "
                + "FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.granted AND l.pid <> pg_backend_pid() AND n.nspname = ? "
                + "ORDER BY 2, 3 LIMIT 5";
        try {
            String found = database.inTransaction(admin, connection -> {
                StringBuilder list = new StringBuilder();
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, schema);
                    try (java.sql.ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            list.append(list.length() == 0 ? "" : ", ").append(PostgresDdl.qualified(rows.getString(1), rows.getString(2)))
                                    .append(" is held by pid ").append(rows.getLong(3)).append(" (").append(rows.getString(4)).append(", ")
                                    .append(rows.getString(5)).append(')');
                        }
                    }
                }
                return list.toString();
            });
            return found.isEmpty() ? "another session holds it" : found;
        }
        catch (SQLException | RuntimeException ignored) {
            // the catalog could not say; the message still names what waited
            return "another session holds it";
        }
    }

    private void prepareInTransaction(Connection admin, String datasetId, List<TableSchema> tables)
            throws SQLException
    {
        current = "the load lock of schema " + schema;
        try (PreparedStatement statement = admin.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            statement.setString(1, "simdata load " + schema);
            statement.execute();
        }
        current = "schema " + schema;
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresDdl.quote(schema));
        }
        ledger.create(admin);
        lease.create(admin);
        lease.acquire(admin);
        Set<String> existing = existingTables(admin);
        if (mode == LoadMode.REPLACE) {
            replace(admin, tables, existing);
        }
        else if (mode == LoadMode.CREATE) {
            for (TableSchema table : tables) {
                if (!existing.contains(table.name())) {
                    continue;
                }
                current = "table " + schema + "." + table.name();
                long rows = countRows(admin, table.name());
                long ours = ledger.rows(admin, datasetId, table.name());
                if (rows != ours) {
                    throw new LoadException("table " + schema + "." + table.name() + " already holds " + rows
                            + " rows, of which " + ours + " came from this dataset; use --mode replace to reload it, --mode append to add to it, or another --schema");
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            for (TableSchema table : tables) {
                current = "table " + schema + "." + table.name();
                statement.execute(PostgresDdl.createTable(schema, table));
            }
        }
        for (TableSchema table : tables) {
            checkColumns(admin, table);
        }
    }

    /** Refuses a table that exists with other columns than {@code schemas/} defines (e.g. an application's own). */
    private void checkColumns(Connection admin, TableSchema table)
            throws SQLException
    {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT a.attname FROM pg_attribute a WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            statement.setString(1, PostgresDdl.qualified(schema, table.name()));
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (Field field : table.fields()) {
            expected.add(field.name());
        }
        if (!new HashSet<>(columns).containsAll(expected)) {
            throw new LoadException("table " + schema + "." + table.name() + " exists with columns " + columns + ", not those of schemas/ "
                    + expected + "; load into another --schema, or use --mode replace to drop it");
        }
    }

    private void replace(Connection admin, List<TableSchema> tables, Set<String> existing)
            throws SQLException
    {
        List<TableRows> doomed = new ArrayList<>();
        long total = 0;
        for (TableSchema table : tables) {
            if (existing.contains(table.name())) {
                current = "table " + schema + "." + table.name();
                long rows = countRows(admin, table.name());
                doomed.add(new TableRows(table.name(), rows));
                total += rows;
            }
        }
        List<String> names = new ArrayList<>();
        for (TableSchema table : tables) {
            names.add(table.name());
        }
        Dependents dependents = Dependents.of(admin, schema, names);
        if (!dependents.isEmpty() && !cascade) {
            throw new LoadException("--mode replace would have to drop " + String.join(", ", dependents.described())
                    + ", which depend on the dataset's tables in schema " + schema + "; nothing was changed; drop them yourself, or pass --cascade to drop them too");
        }
        boolean confirmed = dependents.isEmpty()
                ? total == 0 || confirmation.confirm(schema, doomed)
                : confirmation.confirm(schema, doomed, dependents.described());
        if (!confirmed) {
            throw new LoadException("--mode replace was not confirmed; nothing was changed");
        }
        try (Statement statement = admin.createStatement()) {
            for (String drop : dependents.dropStatements()) {
                current = "the object of '" + drop + "'";
                statement.execute(drop);
            }
            for (int i = tables.size() - 1; i >= 0; i--) {
                current = "table " + schema + "." + tables.get(i).name();
                statement.execute("DROP TABLE IF EXISTS " + PostgresDdl.qualified(schema, tables.get(i).name()));
            }
            ledger.forget(admin, names);
        }
    }

    private Set<String> existingTables(Connection admin)
            throws SQLException
    {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                }
            }
        }
        return names;
    }

    private long countRows(Connection admin, String table)
            throws SQLException
    {
        try (Statement statement = admin.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + PostgresDdl.qualified(schema, table))) {
            result.next();
            return result.getLong(1);
        }
    }
}
