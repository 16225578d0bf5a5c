package dev.simdata.diff;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How one table differs between two datasets. Row counts are -1 on the side where the table is absent; added,
 * removed and changed count rows by primary key, and {@code changedColumns} counts the changed rows per column.
 *
 * @param retypedColumns column name to "old type -> new type"
 */
public record TableDiff(
        String table,
        long rowsBefore,
        long rowsAfter,
        List<String> addedColumns,
        List<String> removedColumns,
        Map<String, String> retypedColumns,
        List<String> key,
        long added,
        long removed,
        long changed,
        Map<String, Long> changedColumns,
        List<String> addedExamples,
        List<String> removedExamples,
        List<String> changedExamples)
{
    public TableDiff
    {
        requireNonNull(table, "table is null");
        addedColumns = List.copyOf(addedColumns);
        removedColumns = List.copyOf(removedColumns);
        retypedColumns = Map.copyOf(retypedColumns);
        key = List.copyOf(key);
        changedColumns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changedColumns));
        addedExamples = List.copyOf(addedExamples);
        removedExamples = List.copyOf(removedExamples);
        changedExamples = List.copyOf(changedExamples);
    }

    public boolean identical()
    {
        return rowsBefore == rowsAfter && addedColumns.isEmpty() && removedColumns.isEmpty() && retypedColumns.isEmpty()
                && added == 0 && removed == 0 && changed == 0;
    }
}
