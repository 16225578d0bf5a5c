package dev.simdata.validate;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simdata.generate.Generators;
import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator's idea of which tables a feature set brings is exactly the generators' (the validator cannot ask them). */
class RequiredTablesTest
{
    @Test
    void everyFeatureCombinationRequiresExactlyTheGeneratedTables()
    {
        Set<String> all = new HashSet<>();
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            all.add(table.name());
        }
        for (int mask = 0; mask < 1 << Features.NAMES.size(); mask++) {
            boolean[] values = new boolean[Features.NAMES.size()];
            ObjectNode manifest = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < values.length; i++) {
                values[i] = (mask & 1 << i) != 0;
                manifest.put(Features.NAMES.get(i), values[i]);
            }
            Scenario demo = Scenario.DEMO;
            Scenario scenario = new Scenario(demo.name(), demo.description(), demo.organizations(), demo.clients(), demo.users(), demo.contacts(),
                    demo.campaigns(), demo.recipientsPerCampaign(), demo.historyMonths(), Features.of(values));
            Set<String> generated = new HashSet<>();
            for (TableSource source : Generators.sources(GenerationSettings.defaults(scenario))) {
                generated.add(source.schema().name());
            }
            Set<String> required = new HashSet<>(all);
            required.removeAll(RequiredTables.optional(Optional.of(manifest)));
            assertThat(required).as("features " + manifest).isEqualTo(generated);
        }
    }
}
