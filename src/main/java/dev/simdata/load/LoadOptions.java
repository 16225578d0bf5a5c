package dev.simdata.load;

import dev.simdata.dataset.DataFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * @param schema the PostgreSQL schema to load into; created when missing
 * @param jobs how many shards load at once, each over its own connection
 * @param format the format to read, or null to prefer CSV and fall back to Parquet per table
 * @param lockTimeout the session's {@code lock_timeout}: DDL gives up instead of waiting forever
 * @param copyFormat how rows travel to the server, or null for the fastest ({@link #effectiveCopyFormat})
 * @param grants roles granted SELECT on the loaded tables (and USAGE on the schema) after the load
 * @param enableRls whether row level security is enabled on the loaded tables after the load
 * @param cascade whether {@code --mode replace} may drop the views and foreign keys of other tables that depend on
 *        the dataset's tables; without it such a replace is refused
 * @param stallTimeout how long COPY may go without sending a byte or committing a shard before the load gives up
 *        on the server (exit 3, the committed shards kept); zero never gives up
 */
public record LoadOptions(Path dataset, String schema, LoadMode mode, int jobs, DataFormat format, Duration lockTimeout,
        CopyFormat copyFormat, List<String> grants, boolean enableRls, boolean cascade, Duration stallTimeout)
{
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(300);

    public LoadOptions
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(lockTimeout, "lockTimeout is null");
        requireNonNull(stallTimeout, "stallTimeout is null");
        if (stallTimeout.isNegative()) {
            throw new LoadException("--stall-timeout must be zero (never give up) or a positive number of seconds, got " + stallTimeout.toSeconds());
        }
        grants = List.copyOf(requireNonNull(grants, "grants is null"));
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new LoadException("--schema '" + schema + "' is not a plain SQL identifier; use letters, digits and _");
        }
        if (jobs < 1) {
            throw new LoadException("--jobs must be at least 1, got " + jobs);
        }
        for (String role : grants) {
            if (!ROLE_NAME.matcher(role).matches()) {
                throw new LoadException("--grant role '" + role + "' is not a plain SQL identifier; give role names separated by commas, e.g. --grant anon,authenticated");
            }
        }
    }

    public LoadOptions(Path dataset, String schema, LoadMode mode, int jobs, DataFormat format, Duration lockTimeout)
    {
        this(dataset, schema, mode, jobs, format, lockTimeout, null, List.of(), false, false, DEFAULT_STALL_TIMEOUT);
    }

    public static LoadOptions defaults(Path dataset)
    {
        return new LoadOptions(dataset, "public", LoadMode.CREATE, Runtime.getRuntime().availableProcessors(), null, DEFAULT_LOCK_TIMEOUT);
    }

    /** The COPY format used: the one asked for, else binary (fewer bytes, and the server parses no text). */
    public CopyFormat effectiveCopyFormat()
    {
        return copyFormat == null ? CopyFormat.BINARY : copyFormat;
    }

    public LoadOptions withSchema(String newSchema)
    {
        return new LoadOptions(dataset, newSchema, mode, jobs, format, lockTimeout, copyFormat, grants, enableRls, cascade, stallTimeout);
    }

    public LoadOptions withMode(LoadMode newMode)
    {
        return new LoadOptions(dataset, schema, newMode, jobs, format, lockTimeout, copyFormat, grants, enableRls, cascade, stallTimeout);
    }

    public LoadOptions withJobs(int newJobs)
    {
        return new LoadOptions(dataset, schema, mode, newJobs, format, lockTimeout, copyFormat, grants, enableRls, cascade, stallTimeout);
    }

    public LoadOptions withCopyFormat(CopyFormat newCopyFormat)
    {
        return new LoadOptions(dataset, schema, mode, jobs, format, lockTimeout, newCopyFormat, grants, enableRls, cascade, stallTimeout);
    }

    public LoadOptions withAccess(List<String> newGrants, boolean newEnableRls)
    {
        return new LoadOptions(dataset, schema, mode, jobs, format, lockTimeout, copyFormat, newGrants, newEnableRls, cascade, stallTimeout);
    }

    public LoadOptions withCascade(boolean newCascade)
    {
        return new LoadOptions(dataset, schema, mode, jobs, format, lockTimeout, copyFormat, grants, enableRls, newCascade, stallTimeout);
    }

    public LoadOptions withStallTimeout(Duration newStallTimeout)
    {
        return new LoadOptions(dataset, schema, mode, jobs, format, lockTimeout, copyFormat, grants, enableRls, cascade, newStallTimeout);
    }

    public LoadOptions withLockTimeout(Duration newLockTimeout)
    {
        return new LoadOptions(dataset, schema, mode, jobs, format, newLockTimeout, copyFormat, grants, enableRls, cascade, stallTimeout);
    }
}
