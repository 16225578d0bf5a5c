package dev.simdata.cli;

import dev.simdata.database.ConnectionTarget;
import dev.simdata.validate.CheckGroup;
import dev.simdata.validate.ReportWriter;
import dev.simdata.validate.ValidationOptions;
import dev.simdata.validate.ValidationReport;
import dev.simdata.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
                "Validates a dataset's files (DATASET_DIR), or a loaded PostgreSQL database (--url), without the generators.",
                "Check groups: integrity, schema, keys, counts, time, distributions, performance (database only).",
                "Exit codes: 0 all checks passed (some may be skipped), 1 a check failed, 2 invalid input, 3 could not run."})
final class ValidateCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET_DIR",
            description = "The dataset folder. With --url, its manifest gives the expected counts, as-of date and time zone.")
    Path dataset;

    @Option(names = {"-u", "--url"}, paramLabel = "URL",
            description = "Validate a database instead: duckdb:FILE.duckdb (from 'simdata export duckdb'), postgres://user@host:5432/db or jdbc:postgresql://host:5432/db?user=me, as for 'simdata load'; a password may come from PGPASSWORD or ~/.pgpass.")
    String url;

    @Option(names = "--schema", paramLabel = "NAME", defaultValue = "public", description = "The database schema holding the tables (default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--only", paramLabel = "GROUP", split = ",", converter = GroupConverter.class,
            description = "Run only these check groups (comma-separated).")
    List<CheckGroup> only;

    @Option(names = "--skip", paramLabel = "GROUP", split = ",", converter = GroupConverter.class,
            description = "Skip these check groups (comma-separated).")
    List<CheckGroup> skip;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "Report format: table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--memory-limit", paramLabel = "SIZE", defaultValue = ValidationOptions.DEFAULT_MEMORY_LIMIT,
            description = "Memory for the file checks' DuckDB engine, which spills to disk beyond it (default: ${DEFAULT-VALUE}).")
    String memoryLimit;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads for the file checks (default: all cores).")
    Integer threads;

    @Override
    public Integer call()
    {
        if (!format.equals("table") && !format.equals("json")) {
            throw new UserException("--format must be table or json, got '" + format + "'");
        }
        if (url == null && dataset == null) {
            throw new UserException("give a DATASET_DIR to validate files, or --url to validate a database");
        }
        // the same forms as 'simdata load': postgres://, postgresql:// or jdbc:postgresql://; a password may also come
        // from PGPASSWORD or ~/.pgpass
        boolean duckdbFile = url != null && url.startsWith("duckdb:");
        ConnectionTarget target = url == null || duckdbFile ? null : ConnectionTarget.resolve(url, null, System.getenv(), Path.of(System.getProperty("user.home")));
        Set<CheckGroup> groups = only == null || only.isEmpty() ? EnumSet.allOf(CheckGroup.class) : EnumSet.copyOf(only);
        if (skip != null) {
            skip.forEach(groups::remove);
        }
        if (groups.isEmpty()) {
            throw new UserException("--only and --skip leave no check group to run");
        }
        int workers = threads == null ? Math.max(1, Runtime.getRuntime().availableProcessors()) : threads;
        if (workers <= 0) {
            throw new UserException("--threads must be at least 1, got " + workers);
        }
        ValidationOptions options;
        try {
            options = new ValidationOptions(groups, memoryLimit.strip(), workers);
        }
        catch (IllegalArgumentException e) {
            throw new UserException("--memory-limit: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report;
        try {
            report = duckdbFile ? Validator.validateDuckdb(Path.of(url.substring("duckdb:".length())), options)
                    : url == null
                    ? Validator.validateFiles(dataset, options)
                    : Validator.validateDatabase(target, schema, Optional.ofNullable(dataset), options);
        }
        catch (SQLException e) {
            err.println(spec.qualifiedName() + ": error: could not run: " + Cli.oneLine(target == null ? e.getMessage() : target.redact(String.valueOf(e.getMessage()))));
            return ExitCode.CANNOT_RUN;
        }
        catch (java.io.IOException e) {
            err.println(spec.qualifiedName() + ": error: could not run: " + Cli.oneLine(target == null ? e.getMessage() : target.redact(String.valueOf(e.getMessage()))));
            return ExitCode.CANNOT_RUN;
        }
        out.print(format.equals("json") ? ReportWriter.json(report) : ReportWriter.text(report));
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    static final class GroupConverter
            implements ITypeConverter<CheckGroup>
    {
        @Override
        public CheckGroup convert(String value)
        {
            return CheckGroup.parse(value).orElseThrow(() -> new TypeConversionException("unknown check group '" + value
                    + "'; expected integrity, schema, keys, counts, time, distributions or performance"));
        }
    }
}
