package dev.simdata.schema;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One column of a table, as defined in {@code schemas/}.
 *
 * @param precision total digits, for {@link FieldType#DECIMAL} only (0 otherwise)
 * @param scale digits after the point, for {@link FieldType#DECIMAL} only (0 otherwise)
 * @param allowedValues the {@code constraints.enum} list, empty when any value is allowed
 * @param minimum the {@code constraints.minimum}, or null
 */
public record Field(
        String name,
        FieldType type,
        boolean required,
        boolean unique,
        List<String> allowedValues,
        int precision,
        int scale,
        Long minimum)
{
    public Field
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    }

    public boolean nullable()
    {
        return !required;
    }
}
