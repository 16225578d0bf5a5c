package dev.simdata.validate;

import java.util.EnumSet;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * How to validate.
 *
 * @param groups the check groups to run
 * @param memoryLimit DuckDB's memory limit for file checks, e.g. {@code 1GB}; it spills to a temporary folder beyond it
 * @param threads DuckDB worker threads
 */
public record ValidationOptions(Set<CheckGroup> groups, String memoryLimit, int threads)
{
    public static final String DEFAULT_MEMORY_LIMIT = "1GB";

    public ValidationOptions
    {
        groups = groups.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(groups));
        requireNonNull(memoryLimit, "memoryLimit is null");
        if (!memoryLimit.matches("[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memory limit '" + memoryLimit + "' is not a size such as 512MB or 2GB");
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    public static ValidationOptions all()
    {
        return new ValidationOptions(EnumSet.allOf(CheckGroup.class), DEFAULT_MEMORY_LIMIT, Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    public ValidationOptions withGroups(Set<CheckGroup> chosen)
    {
        return new ValidationOptions(chosen, memoryLimit, threads);
    }

    public boolean runs(CheckGroup group)
    {
        return groups.contains(group);
    }
}
