package dev.simdata.schema;

/**
 * The value kinds a column can hold, derived from a Frictionless field's {@code type} and {@code format}.
 */
public enum FieldType
{
    /** {@code "type": "string", "format": "uuid"}. */
    UUID,
    /** {@code "type": "string"}. */
    STRING,
    /** {@code "type": "integer"}: a 64-bit signed integer. */
    INTEGER,
    /** {@code "type": "number"} with {@code decimalPrecision} and {@code decimalScale}: an exact decimal. */
    DECIMAL,
    /** {@code "type": "boolean"}. */
    BOOLEAN,
    /** {@code "type": "date"}: a calendar date. */
    DATE,
    /** {@code "type": "datetime"}: an instant in UTC, second precision in generated data. */
    DATETIME
}
