package dev.simdata.it;

import dev.simdata.app.GenerateDataset;
import dev.simdata.dataset.DataFormat;
import dev.simdata.dataset.DatasetPlanner;
import dev.simdata.dataset.ParquetCompression;
import dev.simdata.generate.Generators;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.TableSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The plan's row estimates hold within 25% for every table of every preset, against the exact counts (every unit's
 * row count, which is what generating would write); its byte estimates hold within 25% for every table and format of
 * the presets the tests generate anyway.
 */
class PlanIT
{
    @Test
    void estimatedRowsAreWithinAQuarterOfTheActualRows()
            throws Exception
    {
        for (Scenario scenario : Scenario.PRESETS) {
            GenerationSettings settings = GenerationSettings.defaults(scenario);
            DatasetPlanner.Plan plan = GenerateDataset.plan(new dev.simdata.app.GenerateRequest(settings, new dev.simdata.dataset.DatasetOptions(java.nio.file.Path.of("unused"), java.util.EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), 250_000, ParquetCompression.SNAPPY, 2, false)));
            List<TableSource> sources = Generators.sources(settings);
            assertThat(plan.tables()).hasSameSizeAs(sources);
            for (int i = 0; i < sources.size(); i++) {
                TableSource source = sources.get(i);
                long actual = 0;
                TableSource.Cursor cursor = source.open();
                for (long unit = 0; unit < source.unitCount(); unit++) {
                    actual += cursor.rowsIn(unit);
                }
                DatasetPlanner.TablePlan table = plan.tables().get(i);
                assertThat(table.table()).isEqualTo(source.schema().name());
                assertThat((double) table.rows()).as("%s rows of %s", scenario.name(), table.table()).isCloseTo(actual, withinPercentage(25));
                assertThat(table.csvBytes()).isPositive();
                assertThat(table.parquetBytes()).isPositive();
            }
            assertThat(plan.seconds()).isPositive();
        }
    }

    @Test
    void estimatedBytesAreWithinAQuarterOfTheWrittenFiles()
            throws Exception
    {
        for (Scenario scenario : List.of(Scenario.DEMO, Scenario.DEVELOPMENT, Scenario.ANALYTICS)) {
            dev.simdata.dataset.Manifest manifest = dev.simdata.dataset.Manifest.read(TestDatasets.dataset(scenario));
            DatasetPlanner.Plan plan = GenerateDataset.plan(new dev.simdata.app.GenerateRequest(GenerationSettings.defaults(scenario), new dev.simdata.dataset.DatasetOptions(java.nio.file.Path.of("unused"), java.util.EnumSet.of(DataFormat.CSV, DataFormat.PARQUET), 250_000, ParquetCompression.SNAPPY, 2, false)));
            for (DatasetPlanner.TablePlan table : plan.tables()) {
                long csv = manifest.files(table.table(), DataFormat.CSV).orElseThrow().bytes();
                long parquet = manifest.files(table.table(), DataFormat.PARQUET).orElseThrow().bytes();
                assertThat((double) table.csvBytes()).as("%s CSV bytes of %s", scenario.name(), table.table()).isCloseTo(csv, withinPercentage(25));
                assertThat((double) table.parquetBytes()).as("%s Parquet bytes of %s", scenario.name(), table.table()).isCloseTo(parquet, withinPercentage(25));
            }
        }
    }
}
