package dev.simdata.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One table as defined in {@code schemas/<name>.json}. Everything else about a table (CSV header, Avro schema,
 * PostgreSQL DDL, the manifest's schema section, key checks) is derived from this.
 *
 * @param definition the JSON definition exactly as read, for embedding in a manifest
 */
public record TableSchema(
        String name,
        String description,
        List<Field> fields,
        List<String> primaryKey,
        List<ForeignKey> foreignKeys,
        JsonNode definition)
{
    public TableSchema
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
        requireNonNull(definition, "definition is null");
    }

    public int columnCount()
    {
        return fields.size();
    }

    public Field field(int index)
    {
        return fields.get(index);
    }

    public Optional<Field> findField(String fieldName)
    {
        return fields.stream().filter(field -> field.name().equals(fieldName)).findFirst();
    }

    /**
     * The position of a column, for generators that fill rows by index.
     *
     * @throws IllegalArgumentException when the table has no such column
     */
    public int columnIndex(String fieldName)
    {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + fieldName);
    }

    /** The CSV header line, without its line ending. */
    public String csvHeader()
    {
        StringBuilder header = new StringBuilder();
        for (Field field : fields) {
            if (header.length() > 0) {
                header.append(',');
            }
            header.append(field.name());
        }
        return header.toString();
    }
}
