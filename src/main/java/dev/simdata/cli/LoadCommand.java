package dev.simdata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.dataset.DataFormat;
import dev.simdata.database.ConnectionTarget;
import dev.simdata.load.CopyFormat;
import dev.simdata.load.DatabaseException;
import dev.simdata.load.DatasetLoader;
import dev.simdata.load.EmbeddedServer;
import dev.simdata.load.LoadMode;
import dev.simdata.load.LoadOptions;
import dev.simdata.load.LoadProgress;
import dev.simdata.load.LoadSummary;
import dev.simdata.load.ReplaceConfirmation;
import dev.simdata.load.TableResult;
import dev.simdata.load.TableRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Loads a dataset into PostgreSQL with COPY, exactly once: every shard is checked against its SHA-256 and row count",
                "and commits with a row in the ledger table simdata_load_ledger, so a re-run loads only what is missing.",
                "Target: --url, else DATABASE_URL, else the PG* variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, ~/.pgpass)."})
final class LoadCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET_DIR", description = "The dataset folder (holding datapackage.json).")
    Path dataset;

    @Option(names = "--url", paramLabel = "URL",
            description = "postgres://user:password@host:5432/db?sslmode=require (as Supabase shows it) or jdbc:postgresql://host:5432/db.")
    String url;

    @Option(names = "--sslrootcert", paramLabel = "FILE", description = "CA certificate of the server; gives sslmode=verify-full.")
    Path sslRootCertificate;

    @Option(names = "--embedded", description = "Start an embedded PostgreSQL, load into it and print a psql connection string.")
    boolean embedded;

    @Option(names = "--serve", description = "With --embedded: keep the server running until Ctrl-C.")
    boolean serve;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "public", description = "Target schema, created if missing (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = {"-m", "--mode"}, paramLabel = "MODE", defaultValue = "create", converter = ModeConverter.class,
            description = "create: create missing tables, refuse tables holding other rows; replace: drop and reload the dataset's tables;"
                    + " append: add to what the tables hold (default: ${DEFAULT-VALUE}).")
    LoadMode mode;

    @Option(names = {"-y", "--yes"}, description = "Do not ask before --mode replace deletes rows.")
    boolean yes;

    @Option(names = "--cascade", description = "Let --mode replace also drop the views and foreign keys of other tables that depend on the dataset's tables (named before anything is dropped).")
    boolean cascade;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Shards loaded at once, each over its own connection (default: cores).")
    Integer jobs;

    @Option(names = "--format", paramLabel = "FORMAT", converter = Converters.FormatConverter.class,
            description = "Read csv or parquet files (default: csv where present, else parquet).")
    DataFormat format;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60", converter = LockTimeoutConverter.class,
            description = "Give up on a table lock after this long, 1 to " + LockTimeoutConverter.MAX + " (default: ${DEFAULT-VALUE}).")
    long lockTimeoutSeconds;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", defaultValue = "300", converter = StallTimeoutConverter.class,
            description = "Give up when COPY has sent nothing for this long: the server or network stopped answering (0: never; default: ${DEFAULT-VALUE})."
                    + " The progress line shows any silence over 10 s.")
    long stallTimeoutSeconds;

    @Option(names = "--copy-format", paramLabel = "FORMAT", description = "How rows are sent: binary (default: fewer bytes, no text parsing on the server) or text (CSV).")
    String copyFormat;

    @Option(names = "--grant", paramLabel = "ROLE[,ROLE]", split = ",", description = "After the load, grant SELECT on the loaded tables (and USAGE on the schema) to these roles, e.g. anon,authenticated.")
    List<String> grants;

    @Option(names = "--enable-rls", description = "After the load, enable row level security on the loaded tables (rows are then hidden from --grant roles until policies exist).")
    boolean enableRls;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (and --json).")
    boolean quiet;

    @Override
    public Integer call()
            throws Exception
    {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (serve && !embedded) {
            throw new UserException("--serve needs --embedded");
        }
        if (embedded && (url != null || sslRootCertificate != null)) {
            throw new UserException("--embedded starts its own server; drop --url and --sslrootcert");
        }
        if (lockTimeoutSeconds <= 0) {
            throw new UserException("--lock-timeout must be a positive number of seconds, got " + lockTimeoutSeconds);
        }
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1) {
            throw new UserException("--jobs must be at least 1, got " + workers);
        }
        LoadOptions options = new LoadOptions(dataset, schema, mode, workers, format, Duration.ofSeconds(lockTimeoutSeconds))
                .withCopyFormat(copyFormat == null ? null : CopyFormat.parse(copyFormat))
                .withAccess(grants == null ? List.of() : grants, enableRls)
                .withCascade(cascade)
                .withStallTimeout(Duration.ofSeconds(stallTimeoutSeconds));
        try {
            if (!embedded) {
                ConnectionTarget target = ConnectionTarget.resolve(url, sslRootCertificate, System.getenv(), Path.of(System.getProperty("user.home")));
                load(target, options, out, err);
                return ExitCode.OK;
            }
            try (EmbeddedServer server = EmbeddedServer.start()) {
                load(server.target(), options, out, err);
                if (!quiet || serve) {
                    // with --json, stdout holds only the JSON document
                    PrintWriter where = json ? err : out;
                    where.println((serve ? "" : "(stopped on exit; add --serve to keep it) ") + "psql '" + server.psqlUrl() + "'");
                    where.flush();
                }
                if (serve) {
                    err.println("embedded PostgreSQL serving on localhost:" + server.port() + "; press Ctrl-C to stop it");
                    err.flush();
                    new CountDownLatch(1).await();
                }
            }
            return ExitCode.OK;
        }
        catch (DatabaseException e) {
            err.println(spec.qualifiedName() + ": error: could not run: " + Cli.oneLine(e.getMessage()));
            return ExitCode.CANNOT_RUN;
        }
    }

    private void load(ConnectionTarget target, LoadOptions options, PrintWriter out, PrintWriter err)
    {
        ReplaceConfirmation confirmation = new ReplaceConfirmation()
        {
            @Override
            public boolean confirm(String targetSchema, List<TableRows> tables)
            {
                return confirmReplace(targetSchema, tables, List.of());
            }

            @Override
            public boolean confirm(String targetSchema, List<TableRows> tables, List<String> dependents)
            {
                return confirmReplace(targetSchema, tables, dependents);
            }
        };
        LoadSummary summary = LoadConsole.load(target, options, err, System.console() != null, quiet, confirmation);
        if (json) {
            out.println(LoadConsole.toJson(summary));
        }
        else if (!quiet) {
            LoadConsole.printSummary(out, summary);
        }
        out.flush();
    }

    private boolean confirmReplace(String targetSchema, List<TableRows> tables, List<String> dependents)
    {
        if (!dependents.isEmpty()) {
            // named even with --yes, before anything is dropped
            PrintWriter err = spec.commandLine().getErr();
            err.println("--mode replace --cascade will also drop: " + String.join(", ", dependents));
            err.flush();
        }
        if (yes) {
            return true;
        }
        long total = 0;
        StringBuilder list = new StringBuilder();
        for (TableRows table : tables) {
            total += table.rows();
            list.append(list.length() == 0 ? "" : ", ").append(table.table()).append(" (").append(Format.count(table.rows())).append(')');
        }
        Console console = System.console();
        if (console == null) {
            throw new UserException("--mode replace would delete " + Format.count(total) + " rows from " + tables.size() + " tables of schema "
                    + targetSchema + " (" + list + "); there is no terminal to ask, so pass --yes to confirm");
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("--mode replace will drop these tables of schema " + targetSchema + " and delete their rows:");
        for (TableRows table : tables) {
            err.printf(Locale.ROOT, "  %-30s %14s rows%n", table.table(), Format.count(table.rows()));
        }
        err.flush();
        String answer = console.readLine(dependents.isEmpty() ? "Delete %s rows and reload? [y/N] " : "Delete %s rows, drop the objects above and reload? [y/N] ",
                Format.count(total));
        return answer != null && (answer.strip().equalsIgnoreCase("y") || answer.strip().equalsIgnoreCase("yes"));
    }

    static final class ModeConverter
            implements ITypeConverter<LoadMode>
    {
        @Override
        public LoadMode convert(String value)
        {
            return LoadMode.parse(value).orElseThrow(() -> new TypeConversionException("unknown mode '" + value + "'; expected create, replace or append"));
        }
    }
}
