package dev.simdata.load;

import dev.simdata.database.ConnectionTarget;

import dev.simdata.dataset.Checksums;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPaths;
import dev.simdata.dataset.Manifest;
import dev.simdata.dataset.ShardFile;
import dev.simdata.dataset.TableFiles;
import dev.simdata.schema.Field;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.PostgresDdl;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static java.util.Objects.requireNonNull;

/**
 * Loads a dataset into PostgreSQL at the speed of COPY, exactly once.
 *
 * <ol>
 *   <li>Reads the manifest and checks it before opening any data file: every table must be in {@code schemas/},
 *       every path must stay inside the dataset folder.</li>
 *   <li>Creates the schema, the ledger and the tables, bare (no keys, no indexes), per the mode.</li>
 *   <li>Loads the shards the ledger does not list, parents first, over {@code jobs} connections; each shard is one
 *       transaction with its ledger row, committed only when its SHA-256 and row count match the manifest.</li>
 *   <li>Adds primary keys, unique indexes, foreign keys (validated) and their indexes, then runs ANALYZE.</li>
 * </ol>
 *
 * A re-run loads only what is missing and adds only the missing keys; after a complete load it changes nothing.
 */
public final class DatasetLoader
{
    private final ConnectionTarget target;
    private final LoadOptions options;
    private final SchemaCatalog catalog;
    private final LoadProgress progress;
    private final ReplaceConfirmation confirmation;

    public DatasetLoader(ConnectionTarget target, LoadOptions options, SchemaCatalog catalog, LoadProgress progress, ReplaceConfirmation confirmation)
    {
        this.target = requireNonNull(target, "target is null");
        this.options = requireNonNull(options, "options is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.confirmation = requireNonNull(confirmation, "confirmation is null");
    }

    public static LoadSummary load(ConnectionTarget target, LoadOptions options, LoadProgress progress, ReplaceConfirmation confirmation)
    {
        return new DatasetLoader(target, options, SchemaCatalog.bundled(), progress, confirmation).run();
    }

    /** The dataset's identity in the ledger: the SHA-256 of its datapackage.json. */
    public static String datasetId(Path dataset)
    {
        try {
            return Checksums.sha256(dataset.resolve(Manifest.FILE_NAME));
        }
        catch (java.nio.file.NoSuchFileException e) {
            throw new LoadException(dataset.resolve(Manifest.FILE_NAME) + " is missing: " + dataset + " is not a complete simdata dataset");
        }
        catch (IOException e) {
            throw new LoadException("cannot read " + dataset.resolve(Manifest.FILE_NAME) + ": " + e.getMessage(), e);
        }
    }

    public LoadSummary run()
    {
        long started = System.nanoTime();
        Path dataset = options.dataset();
        if (!Files.isDirectory(dataset)) {
            throw new LoadException(dataset + " is not a folder; give the folder that holds datapackage.json");
        }
        String datasetId = datasetId(dataset);
        Manifest manifest = Manifest.read(dataset);
        if (!datasetId(dataset).equals(datasetId)) {
            throw new LoadException(dataset.resolve(Manifest.FILE_NAME) + " changed while it was being read; run the load again once the dataset is complete");
        }
        List<TableSchema> tables = tablesOf(manifest);
        Map<String, List<PlannedShard>> plan = plan(manifest, tables);

        Database database = new Database(target, options.lockTimeout());
        Ledger ledger = new Ledger(options.schema());
        Connection admin = database.open();
        try {
            lockSchema(database, admin);
            List<PlannedShard> pending;
            try {
                prepare(admin, ledger, datasetId, tables);
                pending = pending(admin, ledger, datasetId, plan);
            }
            catch (SQLException e) {
                throw database.failure("cannot prepare schema " + options.schema(), e);
            }
            List<String> keyStatements;
            try {
                keyStatements = missingKeys(admin, tables);
            }
            catch (SQLException e) {
                throw database.failure("cannot read the constraints of schema " + options.schema(), e);
            }
            if (pending.isEmpty() && keyStatements.isEmpty()) {
                return summary(datasetId, true, plan, pending, Map.of(), 0, 0, 0, started);
            }

            long copyStarted = System.nanoTime();
            Map<String, AtomicLong> copyNanos = loadShards(database, ledger, datasetId, pending);
            long copyElapsed = pending.isEmpty() ? 0 : System.nanoTime() - copyStarted;

            long keysStarted = System.nanoTime();
            addKeys(database, admin, tables);
            long keysElapsed = System.nanoTime() - keysStarted;

            long analyzeStarted = System.nanoTime();
            analyze(database, tables);
            long analyzeElapsed = System.nanoTime() - analyzeStarted;
            return summary(datasetId, false, plan, pending, copyNanos, copyElapsed, keysElapsed, analyzeElapsed, started);
        }
        finally {
            Database.closeQuietly(admin);
        }
    }

    /** The manifest's tables in dependency order; refuses a table that {@code schemas/} does not define. */
    private List<TableSchema> tablesOf(Manifest manifest)
    {
        Set<String> named = new HashSet<>();
        for (String table : manifest.tables()) {
            if (catalog.find(table).isEmpty()) {
                throw new LoadException(options.dataset().resolve(Manifest.FILE_NAME) + " lists table '" + printable(table)
                        + "', which is not defined in schemas/; refusing to load it (use a simdata version that knows it, or remove the resource)");
            }
            if (table.equals(Ledger.TABLE)) {
                throw new LoadException("table name " + Ledger.TABLE + " is reserved for the load ledger");
            }
            named.add(table);
        }
        List<TableSchema> tables = new ArrayList<>();
        for (TableSchema table : catalog.tables()) {
            if (named.contains(table.name())) {
                tables.add(table);
            }
        }
        return tables;
    }

    /** Chooses a format per table and confines every shard path to the dataset folder, before anything is read. */
    private Map<String, List<PlannedShard>> plan(Manifest manifest, List<TableSchema> tables)
    {
        Map<String, List<PlannedShard>> plan = new LinkedHashMap<>();
        for (TableSchema table : tables) {
            TableFiles files = chooseFiles(manifest, table.name());
            List<PlannedShard> shards = new ArrayList<>();
            for (int index = 0; index < files.shards().size(); index++) {
                ShardFile shard = files.shards().get(index);
                Path file = DatasetPaths.resolve(options.dataset(), shard.path());
                shards.add(new PlannedShard(table, files.format(), shard, index, file));
            }
            plan.put(table.name(), shards);
        }
        return plan;
    }

    private TableFiles chooseFiles(Manifest manifest, String table)
    {
        if (options.format() != null) {
            return manifest.files(table, options.format()).orElseThrow(() -> new LoadException(
                    "the dataset has no " + options.format().id() + " files for table " + table + "; drop --format or choose one of " + formatsOf(manifest)));
        }
        Optional<TableFiles> csv = manifest.files(table, DataFormat.CSV);
        if (csv.isPresent()) {
            return csv.get();
        }
        return manifest.files(table, DataFormat.PARQUET).orElseThrow(() -> new LoadException("the dataset lists no files for table " + table));
    }

    private static String formatsOf(Manifest manifest)
    {
        List<String> ids = new ArrayList<>();
        for (DataFormat format : manifest.formats()) {
            ids.add(format.id());
        }
        return String.join(", ", ids);
    }

    private void lockSchema(Database database, Connection admin)
    {
        try (PreparedStatement statement = admin.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            statement.setString(1, "simdata load " + options.schema());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                if (!result.getBoolean(1)) {
                    throw new LoadException("another simdata load into schema " + options.schema() + " of " + target.display()
                            + " is running; wait for it to finish or use another --schema");
                }
            }
        }
        catch (SQLException e) {
            throw database.failure("cannot take the load lock", e);
        }
    }

    /** Creates the schema and ledger, applies the mode, and creates missing tables bare. */
    private void prepare(Connection admin, Ledger ledger, String datasetId, List<TableSchema> tables)
            throws SQLException
    {
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresDdl.quote(options.schema()));
        }
        ledger.create(admin);
        Set<String> existing = existingTables(admin);
        if (options.mode() == LoadMode.REPLACE) {
            replace(admin, ledger, tables, existing);
        }
        else if (options.mode() == LoadMode.CREATE) {
            for (TableSchema table : tables) {
                if (!existing.contains(table.name())) {
                    continue;
                }
                long rows = countRows(admin, table.name());
                long ours = ledger.rows(admin, datasetId, table.name());
                if (rows != ours) {
                    throw new LoadException("table " + options.schema() + "." + table.name() + " already holds " + rows
                            + " rows, of which " + ours + " came from this dataset; use --mode replace to reload it, --mode append to add to it, or another --schema");
                }
            }
        }
        try (Statement statement = admin.createStatement()) {
            for (TableSchema table : tables) {
                statement.execute(PostgresDdl.createTable(options.schema(), table));
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
            statement.setString(1, PostgresDdl.qualified(options.schema(), table.name()));
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
            throw new LoadException("table " + options.schema() + "." + table.name() + " exists with columns " + columns + ", not those of schemas/ "
                    + expected + "; load into another --schema, or use --mode replace to drop it");
        }
    }

    private void replace(Connection admin, Ledger ledger, List<TableSchema> tables, Set<String> existing)
            throws SQLException
    {
        List<TableRows> doomed = new ArrayList<>();
        long total = 0;
        for (TableSchema table : tables) {
            if (existing.contains(table.name())) {
                long rows = countRows(admin, table.name());
                doomed.add(new TableRows(table.name(), rows));
                total += rows;
            }
        }
        if (total > 0 && !confirmation.confirm(options.schema(), doomed)) {
            throw new LoadException("--mode replace was not confirmed; nothing was changed");
        }
        List<String> names = new ArrayList<>();
        admin.setAutoCommit(false);
        try (Statement statement = admin.createStatement()) {
            for (int i = tables.size() - 1; i >= 0; i--) {
                statement.execute("DROP TABLE IF EXISTS " + PostgresDdl.qualified(options.schema(), tables.get(i).name()) + " CASCADE");
                names.add(tables.get(i).name());
            }
            ledger.forget(admin, names);
            admin.commit();
        }
        catch (SQLException | RuntimeException e) {
            admin.rollback();
            throw e;
        }
        finally {
            admin.setAutoCommit(true);
        }
    }

    private Set<String> existingTables(Connection admin)
            throws SQLException
    {
        Set<String> names = new HashSet<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p')")) {
            statement.setString(1, options.schema());
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
                ResultSet result = statement.executeQuery("SELECT count(*) FROM " + PostgresDdl.qualified(options.schema(), table))) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The shards the ledger does not list for this dataset; refuses a shard whose recorded hash differs. */
    private List<PlannedShard> pending(Connection admin, Ledger ledger, String datasetId, Map<String, List<PlannedShard>> plan)
            throws SQLException
    {
        Map<String, Ledger.Entry> loaded = ledger.entries(admin, datasetId);
        List<PlannedShard> pending = new ArrayList<>();
        for (List<PlannedShard> shards : plan.values()) {
            long rows = 0;
            long skipped = 0;
            for (PlannedShard shard : shards) {
                Ledger.Entry entry = loaded.get(Ledger.key(shard.table().name(), shard.index()));
                if (entry == null) {
                    pending.add(shard);
                    rows += shard.shard().rows();
                    continue;
                }
                boolean sameFormat = entry.format().equals(shard.format().id());
                if ((sameFormat && !entry.sha256().equals(shard.shard().sha256())) || entry.rows() != shard.shard().rows()) {
                    throw new LoadException(shard.file() + " differs from the shard loaded earlier as " + entry.path() + " (ledger sha256 "
                            + entry.sha256() + ", " + entry.rows() + " rows); refusing to mix datasets, use --mode replace to reload");
                }
                skipped += entry.rows();
            }
            if (!shards.isEmpty()) {
                progress.planned(shards.get(0).table().name(), rows, skipped);
            }
        }
        return pending;
    }

    private Map<String, AtomicLong> loadShards(Database database, Ledger ledger, String datasetId, List<PlannedShard> pending)
    {
        Map<String, AtomicLong> copyNanos = new LinkedHashMap<>();
        Map<String, AtomicLong> firstStart = new LinkedHashMap<>();
        for (PlannedShard shard : pending) {
            copyNanos.putIfAbsent(shard.table().name(), new AtomicLong());
            firstStart.putIfAbsent(shard.table().name(), new AtomicLong(Long.MAX_VALUE));
        }
        if (pending.isEmpty()) {
            return copyNanos;
        }
        ShardCopier copier = new ShardCopier(options.schema(), datasetId, ledger);
        ConcurrentLinkedQueue<PlannedShard> queue = new ConcurrentLinkedQueue<>(pending);
        long started = System.nanoTime();
        Workers.run(database, Math.min(options.jobs(), pending.size()), false, connection -> {
            for (PlannedShard shard = queue.poll(); shard != null; shard = queue.poll()) {
                long shardStarted = System.nanoTime();
                if (firstStart.get(shard.table().name()).compareAndSet(Long.MAX_VALUE, shardStarted - started)) {
                    progress.started(shard.table().name());
                }
                long rows;
                try {
                    rows = copier.load(connection, shard);
                }
                catch (SQLException e) {
                    if ("23505".equals(e.getSQLState())) {
                        throw new LoadException(shard.file() + " holds rows whose keys are already in " + options.schema() + "." + shard.table().name()
                                + " (" + target.redact(e.getMessage()).replace('\n', ' ') + "); nothing of the file was loaded; load into another --schema or use --mode replace");
                    }
                    throw database.failure("loading " + shard.file() + " into " + options.schema() + "." + shard.table().name() + " failed (rolled back)", e);
                }
                catch (IOException e) {
                    throw new LoadException("cannot read " + shard.file() + ": " + e.getMessage() + " (nothing of it was loaded)", e);
                }
                copyNanos.get(shard.table().name()).accumulateAndGet(System.nanoTime() - started, Math::max);
                progress.loaded(shard.table().name(), rows);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }, queue::clear);
        for (Map.Entry<String, AtomicLong> entry : copyNanos.entrySet()) {
            entry.getValue().addAndGet(-firstStart.get(entry.getKey()).get());
        }
        return copyNanos;
    }

    /** The statements that add missing primary keys, unique indexes, foreign keys and foreign-key indexes. */
    private List<String> missingKeys(Connection admin, List<TableSchema> tables)
            throws SQLException
    {
        KeyPlan keys = keyPlan(admin, tables);
        List<String> all = new ArrayList<>(keys.first());
        all.addAll(keys.foreignKeys());
        all.addAll(keys.validations());
        all.addAll(keys.indexes());
        return all;
    }

    /**
     * Primary keys and unique indexes; foreign keys added {@code NOT VALID} (a catalog change); their validations
     * (scans that can run in parallel); and the foreign-key indexes.
     */
    private record KeyPlan(List<String> first, List<String> foreignKeys, List<String> validations, List<String> indexes) {}

    private KeyPlan keyPlan(Connection admin, List<TableSchema> tables)
            throws SQLException
    {
        Set<String> names = new HashSet<>();
        Set<String> notValidated = new HashSet<>();
        try (PreparedStatement statement = admin.prepareStatement(
                "SELECT c.conname, c.convalidated FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = ? "
                        + "UNION SELECT indexname, true FROM pg_indexes WHERE schemaname = ?")) {
            statement.setString(1, options.schema());
            statement.setString(2, options.schema());
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
        for (TableSchema table : tables) {
            if (!table.primaryKey().isEmpty() && !names.contains(table.name() + "_pkey")) {
                first.add(PostgresDdl.primaryKey(options.schema(), table));
            }
            for (Field field : table.fields()) {
                String indexName = table.name() + "_" + field.name() + "_key";
                if (field.unique() && !table.primaryKey().equals(List.of(field.name())) && !names.contains(indexName)) {
                    first.add("CREATE UNIQUE INDEX IF NOT EXISTS " + PostgresDdl.quote(indexName) + " ON "
                            + PostgresDdl.qualified(options.schema(), table.name()) + " (" + PostgresDdl.quote(field.name()) + ")");
                }
            }
            List<String> foreignKeyStatements = PostgresDdl.foreignKeys(options.schema(), table);
            List<String> validationStatements = PostgresDdl.validateForeignKeys(options.schema(), table);
            List<String> indexStatements = PostgresDdl.foreignKeyIndexes(options.schema(), table);
            for (int i = 0; i < table.foreignKeys().size(); i++) {
                ForeignKey foreignKey = table.foreignKeys().get(i);
                if (!loaded.contains(foreignKey.referencedTable())) {
                    continue;
                }
                String suffix = table.name() + "_" + String.join("_", foreignKey.fields());
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
        return new KeyPlan(first, foreignKeys, validations, indexes);
    }

    private void addKeys(Database database, Connection admin, List<TableSchema> tables)
    {
        KeyPlan keys;
        try {
            keys = keyPlan(admin, tables);
        }
        catch (SQLException e) {
            throw database.failure("cannot read the constraints of schema " + options.schema(), e);
        }
        progress.phase("adding primary keys and unique indexes");
        runParallel(database, keys.first());
        progress.phase("adding foreign keys");
        for (String statement : keys.foreignKeys()) {
            execute(database, admin, statement);
        }
        runParallel(database, keys.validations());
        progress.phase("adding foreign-key indexes");
        runParallel(database, keys.indexes());
    }

    private void analyze(Database database, List<TableSchema> tables)
    {
        progress.phase("analyzing");
        List<String> statements = new ArrayList<>();
        for (TableSchema table : tables) {
            statements.add("ANALYZE " + PostgresDdl.qualified(options.schema(), table.name()));
        }
        runParallel(database, statements);
    }

    private void runParallel(Database database, List<String> statements)
    {
        if (statements.isEmpty()) {
            return;
        }
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(statements);
        Workers.run(database, Math.min(options.jobs(), statements.size()), true, connection -> {
            for (String statement = queue.poll(); statement != null; statement = queue.poll()) {
                execute(database, connection, statement);
            }
        }, queue::clear);
    }

    private void execute(Database database, Connection connection, String sql)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
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

    private LoadSummary summary(String datasetId, boolean nothingToDo, Map<String, List<PlannedShard>> plan, List<PlannedShard> pending,
            Map<String, AtomicLong> copyNanos, long copyElapsed, long keysElapsed, long analyzeElapsed, long started)
    {
        Set<PlannedShard> loaded = new HashSet<>(pending);
        List<TableResult> results = new ArrayList<>();
        for (Map.Entry<String, List<PlannedShard>> entry : plan.entrySet()) {
            int loadedShards = 0;
            long loadedRows = 0;
            long expected = 0;
            DataFormat format = DataFormat.CSV;
            for (PlannedShard shard : entry.getValue()) {
                format = shard.format();
                expected += shard.shard().rows();
                if (loaded.contains(shard)) {
                    loadedShards++;
                    loadedRows += shard.shard().rows();
                }
            }
            AtomicLong nanos = copyNanos.get(entry.getKey());
            results.add(new TableResult(entry.getKey(), format, loadedShards, entry.getValue().size() - loadedShards, loadedRows, expected,
                    nanos == null ? 0 : nanos.get()));
        }
        return new LoadSummary(datasetId, target.display(), options.schema(), options.mode(), options.jobs(), nothingToDo, results,
                copyElapsed, keysElapsed, analyzeElapsed, System.nanoTime() - started);
    }

    private static String printable(String text)
    {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 80; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
