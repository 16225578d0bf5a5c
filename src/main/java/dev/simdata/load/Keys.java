package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;
import dev.simdata.load.KeyJob.TableLock;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Adds the keys after the rows are in: primary keys and unique indexes, foreign keys {@code NOT VALID} (a catalog
 * change), their validations (scans) and the foreign-key indexes, and ANALYZEs every table, all in one pool over the
 * load's sessions ({@link KeyScheduler}). Only what the schema lacks is added, so a re-run after a complete load adds
 * nothing.
 */
final class Keys
{
    /**
     * Memory for building an index ({@code maintenance_work_mem}) and for the hash join that validates a foreign key
     * ({@code work_mem}), raised for the key's transaction only and never below the server's own setting: with the
     * defaults (64 MB, 4 MB) the sorts and hashes of the large tables spill to disk. Measured on load_test, 2 jobs:
     * the keys' statements took about a fifth less time in all (docs/loading.md). Index builds run without parallel
     * workers ({@code max_parallel_maintenance_workers = 0}): the load already keeps a session per core busy, and a
     * parallel build always sorts through temporary files (448 MB of them on load_test, none without).
     */
    static final String MEMORY = "SELECT " + atLeast("maintenance_work_mem", "128MB") + ", " + atLeast("work_mem", "64MB")
            + ", set_config('max_parallel_maintenance_workers', '0', true)";

    private static String atLeast(String setting, String size)
    {
        return "set_config('" + setting + "', (greatest(pg_size_bytes(current_setting('" + setting + "')), pg_size_bytes('" + size
                + "')) / 1024)::text || 'kB', true)";
    }

    private final Database database;
    private final String schema;
    private final LoadProgress progress;
    private final Map<String, Long> rows;

    /** @param rows the rows of each table, to start the longest chains of statements first */
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
        List<String> statements = new ArrayList<>();
        for (KeyJob job : database.inTransaction(admin, connection -> jobsIn(connection, tables, false))) {
            statements.add(job.sql());
        }
        return statements;
    }

    /**
     * The missing keys' statements and, with {@code analyze}, an ANALYZE of every table, each with what it needs
     * first: a foreign key is added {@code NOT VALID} once the referenced table's primary key and unique indexes exist,
     * and validated once added; everything else needs only the table's rows.
     */
    private List<KeyJob> jobsIn(Connection admin, List<TableSchema> tables, boolean analyze)
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
        List<KeyJob> jobs = new ArrayList<>();
        Map<String, Set<String>> uniques = new HashMap<>();
        for (TableSchema table : tables) {
            long tableRows = rows.getOrDefault(table.name(), 0L);
            Set<String> tableUniques = uniques.computeIfAbsent(table.name(), key -> new HashSet<>());
            if (!table.primaryKey().isEmpty() && !names.contains(table.name() + "_pkey")) {
                String sql = PostgresDdl.primaryKey(schema, table);
                jobs.add(new KeyJob(sql, tableRows, Map.of(table.name(), TableLock.ACCESS_EXCLUSIVE), Set.of(), false));
                tableUniques.add(sql);
            }
            for (Field field : table.fields()) {
                String indexName = table.name() + "_" + field.name() + "_key";
                if (field.unique() && !table.primaryKey().equals(List.of(field.name())) && !names.contains(indexName)) {
                    String sql = "CREATE UNIQUE INDEX IF NOT EXISTS " + PostgresDdl.quote(indexName) + " ON "
                            + PostgresDdl.qualified(schema, table.name()) + " (" + PostgresDdl.quote(field.name()) + ")";
                    jobs.add(new KeyJob(sql, tableRows, Map.of(table.name(), TableLock.SHARE), Set.of(), false));
                    tableUniques.add(sql);
                }
            }
        }
        for (TableSchema table : tables) {
            long tableRows = rows.getOrDefault(table.name(), 0L);
            List<String> foreignKeyStatements = PostgresDdl.foreignKeys(schema, table);
            List<String> validationStatements = PostgresDdl.validateForeignKeys(schema, table);
            List<String> indexStatements = PostgresDdl.foreignKeyIndexes(schema, table);
            for (int i = 0; i < table.foreignKeys().size(); i++) {
                ForeignKey foreignKey = table.foreignKeys().get(i);
                String parent = foreignKey.referencedTable();
                if (!loaded.contains(parent)) {
                    continue;
                }
                String suffix = table.name() + "_" + String.join("_", foreignKey.fields());
                if (!names.contains(suffix + "_fkey")) {
                    String add = foreignKeyStatements.get(i) + " NOT VALID";
                    jobs.add(new KeyJob(add, 0, locks(table.name(), TableLock.SHARE_ROW_EXCLUSIVE, parent, TableLock.SHARE_ROW_EXCLUSIVE),
                            uniques.getOrDefault(parent, Set.of()), false));
                    jobs.add(validation(validationStatements.get(i), table.name(), parent, Set.of(add, indexStatements.get(i))));
                }
                else if (notValidated.contains(suffix + "_fkey")) {
                    // added by a run that stopped before validating it
                    jobs.add(validation(validationStatements.get(i), table.name(), parent, Set.of(indexStatements.get(i))));
                }
                if (!names.contains(suffix + "_idx")) {
                    jobs.add(new KeyJob(indexStatements.get(i), tableRows, Map.of(table.name(), TableLock.SHARE), Set.of(), false));
                }
            }
            if (analyze) {
                // ANALYZE reads a sample of at most 30,000 rows (default_statistics_target 100)
                jobs.add(new KeyJob("ANALYZE " + PostgresDdl.qualified(schema, table.name()), Math.min(tableRows, 30_000L),
                        Map.of(table.name(), TableLock.SHARE_UPDATE_EXCLUSIVE), Set.of(), true));
            }
        }
        return jobs;
    }

    /**
     * A foreign key's validation joins the child to the parent: it reads both. It runs after the index on the child's
     * column, so that when both tables are all-visible (copied {@code FREEZE}, see {@link CopyUnit}) the join can be a
     * merge of that index and the parent's primary key, read without the tables: on load_test about a third of the
     * time of the hash join PostgreSQL prefers, which reads both tables and hashes the parent for each foreign key.
     */
    private KeyJob validation(String sql, String child, String parent, Set<String> after)
    {
        long weight = rows.getOrDefault(child, 0L) + rows.getOrDefault(parent, 0L);
        return new KeyJob(sql, weight, locks(child, TableLock.SHARE_UPDATE_EXCLUSIVE, parent, TableLock.ROW_SHARE), after, false,
                mergeWhenAllVisible(child, parent));
    }

    /**
     * Turns hash and nested-loop joins off for the transaction when every page of both tables is all-visible (by the
     * counts the index builds recorded), which leaves PostgreSQL the merge join of two index-only scans. Otherwise the
     * planner chooses as usual: an index-only scan that must visit the table for each row would be far slower.
     */
    private String mergeWhenAllVisible(String child, String parent)
    {
        return "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_nestloop', 'off', true) WHERE "
                + "(SELECT count(*) = 2 AND bool_and(c.relallvisible >= c.relpages) FROM pg_class c WHERE c.oid IN ("
                + PostgresDdl.regclass(schema, child) + ", " + PostgresDdl.regclass(schema, parent) + "))";
    }

    /** The locks on two tables, the stronger one where they are the same table. */
    private static Map<String, TableLock> locks(String first, TableLock firstLock, String second, TableLock secondLock)
    {
        if (first.equals(second)) {
            return Map.of(first, firstLock.compareTo(secondLock) >= 0 ? firstLock : secondLock);
        }
        return Map.of(first, firstLock, second, secondLock);
    }

    /**
     * Adds what is missing and analyzes every table over the load's sessions, in one pool without steps (see
     * {@link KeyScheduler}), running {@code tick} on this thread meanwhile; returns the time the ANALYZE statements took.
     */
    long addAndAnalyze(Sessions sessions, List<TableSchema> tables, Runnable tick)
    {
        List<KeyJob> jobs;
        try {
            jobs = database.inTransaction(sessions.admin(), connection -> jobsIn(connection, tables, true));
        }
        catch (SQLException e) {
            throw database.failure("cannot read the constraints of schema " + schema, e);
        }
        progress.phase("adding keys and indexes, and analyzing");
        KeyScheduler scheduler = new KeyScheduler(jobs);
        scheduler.run(sessions.workers(jobs.size()), (connection, job) -> execute(connection, job.sql(), job.settings()), tick);
        return scheduler.analyzeNanos();
    }

    /** Runs {@code sql} in a transaction of its own, after {@code settings} (a query, or null) where it has some. */
    private void execute(Connection connection, String sql, String settings)
    {
        ConnectionTarget target = database.target();
        try {
            database.inTransaction(connection, MEMORY, c -> {
                try (Statement statement = c.createStatement()) {
                    if (settings != null) {
                        statement.execute(settings);
                    }
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
