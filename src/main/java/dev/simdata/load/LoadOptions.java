package dev.simdata.load;

import dev.simdata.dataset.DataFormat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * @param schema the PostgreSQL schema to load into; created when missing
 * @param jobs how many shards load at once, each over its own connection
 * @param format the format to read, or null to prefer CSV and fall back to Parquet per table
 * @param lockTimeout the session's {@code lock_timeout}: DDL gives up instead of waiting forever
 */
public record LoadOptions(Path dataset, String schema, LoadMode mode, int jobs, DataFormat format, Duration lockTimeout)
{
    private static final Pattern SCHEMA_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    public LoadOptions
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(lockTimeout, "lockTimeout is null");
        if (!SCHEMA_NAME.matcher(schema).matches()) {
            throw new LoadException("--schema '" + schema + "' is not a plain SQL identifier; use letters, digits and _");
        }
        if (jobs < 1) {
            throw new LoadException("--jobs must be at least 1, got " + jobs);
        }
    }

    public static LoadOptions defaults(Path dataset)
    {
        return new LoadOptions(dataset, "public", LoadMode.CREATE, Runtime.getRuntime().availableProcessors(), null, DEFAULT_LOCK_TIMEOUT);
    }

    public LoadOptions withSchema(String newSchema)
    {
        return new LoadOptions(dataset, newSchema, mode, jobs, format, lockTimeout);
    }

    public LoadOptions withMode(LoadMode newMode)
    {
        return new LoadOptions(dataset, schema, newMode, jobs, format, lockTimeout);
    }

    public LoadOptions withJobs(int newJobs)
    {
        return new LoadOptions(dataset, schema, mode, newJobs, format, lockTimeout);
    }
}
