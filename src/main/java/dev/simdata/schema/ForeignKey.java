package dev.simdata.schema;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A foreign key: {@code fields} of the owning table reference {@code referencedFields} of {@code referencedTable}.
 */
public record ForeignKey(List<String> fields, String referencedTable, List<String> referencedFields)
{
    public ForeignKey
    {
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        requireNonNull(referencedTable, "referencedTable is null");
        referencedFields = List.copyOf(requireNonNull(referencedFields, "referencedFields is null"));
    }
}
