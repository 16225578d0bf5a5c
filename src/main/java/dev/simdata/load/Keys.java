package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;
import dev.simdata.schema.Field;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.TableSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import static java.util.Objects.requireNonNull;

/**
 * Adds the keys after the rows are in: primary keys and unique indexes (in parallel), foreign keys {@code NOT VALID}
 * (a catalog change), their validations (scans, in parallel) and the foreign-key indexes; then ANALYZE. Only what
 * the schema lacks is added, so a re-run after a complete load adds nothing.
 */
final class Keys
{
    /**
     * Memory for building an index ({@code maintenance_work_mem}) and for the hash join that validates a foreign key
     * ({@code work_mem}), raised for the key's transaction only and never below the server's own setting: with the
     * defaults (64 MB, 4 MB) the sorts and hashes of the large tables spill to disk. Measured on load_test, 2 jobs:
     * the keys' statements took about a fifth less time in all (docs/loading.md).
     */
    static final String MEMORY = "SELECT " + atLeast("maintenance_work_mem", "128MB") + ", " + atLeast("work_mem", "64MB");

    private static String atLeast(String setting, String size)
    {
        return "set_config('" + setting + "', (greatest(pg_size_bytes(current_setting('" + setting + "')), pg_size_bytes('" + size
                + "')) / 1024)::text || 'kB', true)";
    }

    private final Database database;
    private final String schema;
    private final LoadProgress progress;
    private final Map<String, Long> rows;

    /** @param rows the rows of each table, to start the largest tables' statements first */
    Keys(Database database, String schema, LoadProgress progress, Map<String, Long> rows)
    {
        this.rows = Map.copyOf(requireNonNull(rows, "rows is null"));
        this.database = requireNonNull(database, "database is null");
        this.schema = requireNonNull(schema, "schema is null");
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** The statements that add missing primary keys, unique indexes, foreign keys and foreign-key indexes. */
    List<String> missing(Connection admin, List<TableSchema> tables)
            throws SQLException
    {
        KeyPlan keys = keyPlan(admin, tables);
        List<String> all = new ArrayList<>(keys.first());
        all.addAll(keys.foreignKeys());
        all.addAll(keys.validations());
        all.addAll(keys.indexes());
        return all;
    }

    /** The statements of each step, and each statement's weight (the rows it reads) to order a step's statements by. */
    private record KeyPlan(List<String> first, List<String> foreignKeys, List<String> validations, List<String> indexes, Map<String, Long> weights)
    {
        /** {@code statements}, heaviest first: the longest run first, so that the workers finish a step together. */
        List<String> heaviestFirst(List<String> statements)
        {
            List<String> sorted = new ArrayList<>(statements);
            sorted.sort(Comparator.comparingLong((String statement) -> weights.getOrDefault(statement, 0L)).reversed());
            return sorted;
        }
    }

    private KeyPlan keyPlan(Connection admin, List<TableSchema> tables)
            throws SQLException
    {
        return database.inTransaction(admin, connection -> keyPlanIn(connection, tables));
    }

    private KeyPlan keyPlanIn(Connection admin, List<TableSchema> tables)
            throws SQLException
    {
        Set<String> names = new HashSet<>();
        Set<String> notValidated = new HashSet<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT c.conname, c.convalidated FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? "
                        + "UNION SELECT indexname, true FROM pg_indexes WHERE schemaname = ?")) {
            statement.setString(1, schema);
            statement.setString(2, schema);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    names.add(result.getString(1));
                    if (!result.getBoolean(2)) {
                        notValidated.add(result.getString(1));
                    }
                }
            }
        }
        Set<String> loaded = new HashSet<>();
        tables.forEach(table -> loaded.add(table.name()));
        List<String> first = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> validations = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        Map<String, Long> weights = new HashMap<>();
        for (TableSchema table : tables) {
            long tableRows = rows.getOrDefault(table.name(), 0L);
            if (!table.primaryKey().isEmpty() && !names.contains(table.name() + "_pkey")) {
                first.add(PostgresDdl.primaryKey(schema, table));
                weights.put(first.get(first.size() - 1), tableRows);
            }
            for (Field field : table.fields()) {
                String indexName = table.name() + "_" + field.name() + "_key";
                if (field.unique() && !table.primaryKey().equals(List.of(field.name())) && !names.contains(indexName)) {
                    first.add("CREATE UNIQUE INDEX IF NOT EXISTS " + PostgresDdl.quote(indexName) + " ON "
                            + PostgresDdl.qualified(schema, table.name()) + " (" + PostgresDdl.quote(field.name()) + ")");
                    weights.put(first.get(first.size() - 1), tableRows);
                }
            }
            List<String> foreignKeyStatements = PostgresDdl.foreignKeys(schema, table);
            List<String> validationStatements = PostgresDdl.validateForeignKeys(schema, table);
            List<String> indexStatements = PostgresDdl.foreignKeyIndexes(schema, table);
            for (int i = 0; i < table.foreignKeys().size(); i++) {
                ForeignKey foreignKey = table.foreignKeys().get(i);
                if (!loaded.contains(foreignKey.referencedTable())) {
                    continue;
                }
                String suffix = table.name() + "_" + String.join("_", foreignKey.fields());
                // a validation joins the child to the parent; an index sorts the child
                weights.put(validationStatements.get(i), tableRows + rows.getOrDefault(foreignKey.referencedTable(), 0L));
                weights.put(indexStatements.get(i), tableRows);
                if (!names.contains(suffix + "_fkey")) {
                    foreignKeys.add(foreignKeyStatements.get(i) + " NOT VALID");
                    validations.add(validationStatements.get(i));
                }
                else if (notValidated.contains(suffix + "_fkey")) {
                    // added by a run that stopped before validating it
                    validations.add(validationStatements.get(i));
                }
                if (!names.contains(suffix + "_idx")) {
                    indexes.add(indexStatements.get(i));
                }
            }
        }
        return new KeyPlan(first, foreignKeys, validations, indexes, weights);
    }

    /** Adds what is missing over the load's sessions, running {@code tick} on this thread between and during steps. */
    void add(Sessions sessions, List<TableSchema> tables, Runnable tick)
    {
        KeyPlan keys;
        try {
            keys = keyPlan(sessions.admin(), tables);
        }
        catch (SQLException e) {
            throw database.failure("cannot read the constraints of schema " + schema, e);
        }
        progress.phase("adding primary keys and unique indexes");
        runParallel(sessions, keys.heaviestFirst(keys.first()), tick);
        progress.phase("adding foreign keys");
        for (String statement : keys.foreignKeys()) {
            execute(sessions.admin(), statement);
            tick.run();
        }
        runParallel(sessions, keys.heaviestFirst(keys.validations()), tick);
        progress.phase("adding foreign-key indexes");
        runParallel(sessions, keys.heaviestFirst(keys.indexes()), tick);
    }

    void analyze(Sessions sessions, List<TableSchema> tables, Runnable tick)
    {
        progress.phase("analyzing");
        List<String> statements = new ArrayList<>();
        List<TableSchema> largestFirst = new ArrayList<>(tables);
        largestFirst.sort(Comparator.comparingLong((TableSchema table) -> rows.getOrDefault(table.name(), 0L)).reversed());
        for (TableSchema table : largestFirst) {
            statements.add("ANALYZE " + PostgresDdl.qualified(schema, table.name()));
        }
        runParallel(sessions, statements, tick);
    }

    private void runParallel(Sessions sessions, List<String> statements, Runnable tick)
    {
        if (statements.isEmpty()) {
            return;
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(statements);
        Workers.run(sessions.workers(statements.size()), connection -> {
            for (String statement = queue.poll(); statement != null; statement = queue.poll()) {
                execute(connection, statement);
            }
        }, queue::clear, tick);
    }

    private void execute(Connection connection, String sql)
    {
        ConnectionTarget target = database.target();
        try {
            database.inTransaction(connection, MEMORY, c -> {
                try (Statement statement = c.createStatement()) {
                    statement.execute(sql);
                }
                return null;
            });
        }
        catch (SQLException e) {
            String state = e.getSQLState();
            if ("23503".equals(state) || "23505".equals(state)) {
                throw new LoadException("the loaded data breaks a key (" + target.redact(e.getMessage()).replace('\n', ' ')
                        + ") while running: " + sql + "; the rows stay loaded and this key is not enforced on them; use --mode replace after fixing the dataset");
            }
            throw database.failure("'" + sql + "' failed", e);
        }
    }
}
