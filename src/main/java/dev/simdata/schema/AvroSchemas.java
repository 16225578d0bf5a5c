package dev.simdata.schema;

import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema (and so the Parquet schema) derived from a {@link TableSchema}: uuid and string columns are
 * strings, integers are longs, decimals are bytes with a decimal logical type, dates are int dates and datetimes
 * are UTC-adjusted timestamp-micros. Optional columns are unions with null.
 */
public final class AvroSchemas
{
    private AvroSchemas() {}

    public static Schema of(TableSchema table)
    {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(table.name()).namespace("dev.simdata").fields();
        for (Field field : table.fields()) {
            Schema type = valueSchema(field);
            if (field.nullable()) {
                type = Schema.createUnion(Schema.create(Schema.Type.NULL), type);
            }
            fields = fields.name(field.name()).type(type).noDefault();
        }
        return fields.endRecord();
    }

    private static Schema valueSchema(Field field)
    {
        return switch (field.type()) {
            case UUID, STRING -> Schema.create(Schema.Type.STRING);
            case INTEGER -> Schema.create(Schema.Type.LONG);
            case DECIMAL -> LogicalTypes.decimal(field.precision(), field.scale()).addToSchema(Schema.create(Schema.Type.BYTES));
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
            case DATETIME -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        };
    }
}
