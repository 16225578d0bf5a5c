package dev.simdata.generate;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.Row;
import dev.simdata.schema.TableSource;

import java.util.List;
import java.util.function.Consumer;

/** Streams every row of a table straight from the generators, without files. */
final class GeneratedRows
{
    private GeneratedRows() {}

    static List<TableSource> sources(Scenario scenario)
    {
        return Generators.sources(GenerationSettings.defaults(scenario));
    }

    static TableSource source(List<TableSource> sources, String table)
    {
        return sources.stream().filter(source -> source.schema().name().equals(table)).findFirst().orElseThrow();
    }

    static void forEach(TableSource source, Consumer<Row> consumer)
    {
        TableSource.Cursor cursor = source.open();
        for (long unit = 0; unit < source.unitCount(); unit++) {
            cursor.emit(unit, consumer::accept);
        }
    }
}
