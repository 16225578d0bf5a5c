package dev.simdata.spark;

import dev.simdata.schema.EngineDialect;
import dev.simdata.schema.Field;
import dev.simdata.schema.TableSchema;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's Spark schema: the DDL string {@code simdata schema --dialect spark} prints, parsed by Spark itself, with
 * each column's nullability from {@code schemas/}. Nothing here names a type a second time.
 */
public final class SparkSchemas
{
    private SparkSchemas() {}

    public static StructType of(TableSchema table)
    {
        StructType parsed = StructType.fromDDL(EngineDialect.sparkSchema(table));
        StructField[] fields = parsed.fields();
        for (int i = 0; i < fields.length; i++) {
            Field field = table.field(i);
            fields[i] = new StructField(fields[i].name(), fields[i].dataType(), field.nullable(), fields[i].metadata());
        }
        return new StructType(fields);
    }
}
