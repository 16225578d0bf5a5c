package dev.simdata.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL DDL derived from a {@link TableSchema}. Tables are created bare (no keys, no indexes) so that COPY
 * runs at full speed; keys and foreign-key indexes are separate statements to run after loading.
 * Every identifier is quoted.
 */
public final class PostgresDdl
{
    private PostgresDdl() {}

    public static String quote(String identifier)
    {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String table)
    {
        return quote(schema) + '.' + quote(table);
    }

    /** The table as a {@code regclass} literal, for catalog queries: {@code '"schema"."table"'::regclass}. */
    public static String regclass(String schema, String table)
    {
        return literal(qualified(schema, table)) + "::regclass";
    }

    /** The column type, spelled as PostgreSQL's {@code format_type} reports it, so a catalog can be compared with it. */
    public static String columnType(Field field)
    {
        return switch (field.type()) {
            case UUID -> "uuid";
            case STRING -> "text";
            case INTEGER -> "bigint";
            case DECIMAL -> "numeric(" + field.precision() + "," + field.scale() + ")";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamp with time zone";
        };
    }

    /** {@code CREATE TABLE IF NOT EXISTS} with columns, NOT NULL and enum CHECKs, but no keys. */
    public static String createTable(String schema, TableSchema table)
    {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(qualified(schema, table.name())).append(" (");
        for (int i = 0; i < table.columnCount(); i++) {
            Field field = table.field(i);
            sql.append(i == 0 ? "\n  " : ",\n  ").append(quote(field.name())).append(' ').append(columnType(field));
            if (field.required()) {
                sql.append(" NOT NULL");
            }
            if (!field.allowedValues().isEmpty()) {
                sql.append(" CHECK (").append(quote(field.name())).append(" IN (");
                for (int v = 0; v < field.allowedValues().size(); v++) {
                    sql.append(v == 0 ? "" : ", ").append(literal(field.allowedValues().get(v)));
                }
                sql.append("))");
            }
        }
        return sql.append("\n)").toString();
    }

    public static String primaryKey(String schema, TableSchema table)
    {
        return "ALTER TABLE " + qualified(schema, table.name())
                + " ADD CONSTRAINT " + quote(table.name() + "_pkey")
                + " PRIMARY KEY (" + columns(table.primaryKey()) + ")";
    }

    /** One {@code ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY} per foreign key, validated when run. */
    public static List<String> foreignKeys(String schema, TableSchema table)
    {
        List<String> statements = new ArrayList<>();
        for (ForeignKey foreignKey : table.foreignKeys()) {
            statements.add("ALTER TABLE " + qualified(schema, table.name())
                    + " ADD CONSTRAINT " + quote(constraintName(table, foreignKey, "fkey"))
                    + " FOREIGN KEY (" + columns(foreignKey.fields()) + ")"
                    + " REFERENCES " + qualified(schema, foreignKey.referencedTable()) + " (" + columns(foreignKey.referencedFields()) + ")");
        }
        return statements;
    }

    /**
     * One {@code ALTER TABLE … VALIDATE CONSTRAINT} per foreign key: after {@link #foreignKeys} with
     * {@code NOT VALID} appended, this checks the existing rows without blocking reads or other validations.
     */
    public static List<String> validateForeignKeys(String schema, TableSchema table)
    {
        List<String> statements = new ArrayList<>();
        for (ForeignKey foreignKey : table.foreignKeys()) {
            statements.add("ALTER TABLE " + qualified(schema, table.name()) + " VALIDATE CONSTRAINT " + quote(constraintName(table, foreignKey, "fkey")));
        }
        return statements;
    }

    /** An index on each foreign key's columns, for joins and for deleting parents. */
    public static List<String> foreignKeyIndexes(String schema, TableSchema table)
    {
        List<String> statements = new ArrayList<>();
        for (ForeignKey foreignKey : table.foreignKeys()) {
            statements.add("CREATE INDEX IF NOT EXISTS " + quote(constraintName(table, foreignKey, "idx"))
                    + " ON " + qualified(schema, table.name()) + " (" + columns(foreignKey.fields()) + ")");
        }
        return statements;
    }

    private static String constraintName(TableSchema table, ForeignKey foreignKey, String suffix)
    {
        return table.name() + "_" + String.join("_", foreignKey.fields()) + "_" + suffix;
    }

    private static String columns(List<String> names)
    {
        StringBuilder out = new StringBuilder();
        for (String name : names) {
            out.append(out.length() == 0 ? "" : ", ").append(quote(name));
        }
        return out.toString();
    }

    private static String literal(String value)
    {
        return "'" + value.replace("'", "''") + "'";
    }
}
