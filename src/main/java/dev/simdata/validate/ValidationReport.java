package dev.simdata.validate;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Every check's outcome for one target.
 *
 * @param target what was validated: a dataset folder, or a database URL (without password) and schema
 * @param kind {@code files} or {@code database}
 */
public record ValidationReport(String kind, String target, List<CheckResult> results, long elapsedNanos)
{
    public ValidationReport
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(target, "target is null");
        results = List.copyOf(requireNonNull(results, "results is null"));
    }

    public boolean passed()
    {
        return results.stream().noneMatch(CheckResult::failed);
    }

    public long count(CheckStatus status)
    {
        return results.stream().filter(result -> result.status() == status).count();
    }

    public List<CheckResult> failures()
    {
        return results.stream().filter(CheckResult::failed).toList();
    }
}
