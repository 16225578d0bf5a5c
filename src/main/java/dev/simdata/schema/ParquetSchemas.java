package dev.simdata.schema;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema derived from a {@link TableSchema}, in the physical types every engine's default reader
 * takes: uuid and string columns are UTF8 binaries, integers INT64, decimals (precision at most 18, checked by
 * the catalog) INT64 with a decimal annotation, booleans BOOLEAN, dates INT32 dates and datetimes INT64
 * timestamp-micros adjusted to UTC. Optional columns are OPTIONAL, the others REQUIRED.
 */
public final class ParquetSchemas
{
    private ParquetSchemas() {}

    public static MessageType of(TableSchema table)
    {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Field field : table.fields()) {
            Type.Repetition repetition = field.nullable() ? Type.Repetition.OPTIONAL : Type.Repetition.REQUIRED;
            message.addField(switch (field.type()) {
                case UUID, STRING -> Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType()).named(field.name());
                case INTEGER -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(field.name());
                case DECIMAL -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.decimalType(field.scale(), field.precision())).named(field.name());
                case BOOLEAN -> Types.primitive(PrimitiveTypeName.BOOLEAN, repetition).named(field.name());
                case DATE -> Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType()).named(field.name());
                case DATETIME -> Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS)).named(field.name());
            });
        }
        return message.named(table.name());
    }
}
