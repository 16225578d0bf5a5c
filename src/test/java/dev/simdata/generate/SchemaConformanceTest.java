package dev.simdata.generate;

import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every generated value agrees with {@code schemas/}: required columns are set, enums hold allowed values, minimums
 * hold, and {@code rowsIn} agrees with what {@code emit} produces. Fails when a generator and its schema drift.
 */
class SchemaConformanceTest
{
    @Test
    void everyGeneratedRowConformsToItsSchema()
    {
        List<TableSource> sources = GeneratedRows.sources(Scenario.DEVELOPMENT);
        assertThat(sources).extracting(source -> source.schema().name())
                .containsExactlyElementsOf(SchemaCatalog.bundled().tables().stream().map(TableSchema::name).toList());
        for (TableSource source : sources) {
            TableSchema schema = source.schema();
            List<Set<String>> allowed = schema.fields().stream().map(field -> Set.copyOf(field.allowedValues())).toList();
            long[] rows = {0};
            TableSource.Cursor cursor = source.open();
            TableSource.Cursor counter = source.open();
            for (long unit = 0; unit < source.unitCount(); unit++) {
                int[] emitted = {0};
                cursor.emit(unit, row -> {
                    emitted[0]++;
                    for (int column = 0; column < schema.columnCount(); column++) {
                        Field field = schema.field(column);
                        if (row.isNull(column)) {
                            if (field.required()) {
                                fail(schema.name() + "." + field.name() + " is null but required");
                            }
                            continue;
                        }
                        if (field.type() == FieldType.STRING) {
                            String value = row.string(column).toString();
                            if (!allowed.get(column).isEmpty() && !allowed.get(column).contains(value)) {
                                fail(schema.name() + "." + field.name() + " = '" + value + "' is not in " + allowed.get(column));
                            }
                        }
                        else if (field.minimum() != null && row.longValue(column) < field.minimum()) {
                            fail(schema.name() + "." + field.name() + " = " + row.longValue(column) + " is below the minimum " + field.minimum());
                        }
                        else if (field.type() == FieldType.UUID) {
                            assertThat((row.uuidHigh(column) >>> 12) & 0xF).as("uuid version of %s.%s", schema.name(), field.name()).isEqualTo(8);
                        }
                    }
                });
                assertThat(counter.rowsIn(unit)).as("rowsIn of %s unit %d", schema.name(), unit).isEqualTo(emitted[0]);
                if (source.oneRowPerUnit()) {
                    assertThat(emitted[0]).isEqualTo(1);
                }
                rows[0] += emitted[0];
            }
            assertThat(rows[0]).as("rows of %s", schema.name()).isPositive();
        }
    }

    @Test
    void javaEnumsMatchTheSchemaEnums()
    {
        assertThat(labels(EventType.values())).containsExactlyElementsOf(enumOf("events", "event_type"));
        assertThat(labels(CampaignStatus.values())).containsExactlyElementsOf(enumOf("campaigns", "status"));
        assertThat(labels(RecipientStatus.values())).containsExactlyElementsOf(enumOf("recipients", "status"));
        assertThat(CampaignFacts.FORMATS).containsExactlyElementsOf(enumOf("campaigns", "mail_piece_format"));
    }

    private static List<String> labels(Enum<?>[] values)
    {
        return java.util.Arrays.stream(values).map(value -> value.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.toList());
    }

    private static List<String> enumOf(String table, String column)
    {
        return SchemaCatalog.bundled().table(table).findField(column).orElseThrow().allowedValues();
    }
}
