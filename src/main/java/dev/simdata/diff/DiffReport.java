package dev.simdata.diff;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Everything {@code simdata diff} found: provenance differences (one "path: old -> new" line each, from the manifests'
 * {@code simdata} sections), then one entry per table present on either side, in schema order.
 */
public record DiffReport(String before, String after, List<String> provenance, List<TableDiff> tables)
{
    public DiffReport
    {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        provenance = List.copyOf(provenance);
        tables = List.copyOf(tables);
    }

    public boolean identical()
    {
        return provenance.isEmpty() && tables.stream().allMatch(TableDiff::identical);
    }

    public long rows()
    {
        return tables.stream().mapToLong(table -> Math.max(0, table.rowsAfter())).sum();
    }
}
