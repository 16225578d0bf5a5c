package dev.simdata.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed handles {@link Table} and {@link Column} are not a second definition of the tables: they must be exactly
 * the tables of {@code schemas/catalog.json} and the column names of the schema files, read here straight from disk.
 */
class TableTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("schemas");

    @Test
    void tablesAreTheCatalogsInItsOrder()
            throws IOException
    {
        assertThat(Arrays.stream(Table.values()).map(table -> table.schemaName).toList()).isEqualTo(catalogTables());
    }

    @Test
    void columnsAreEveryColumnNameOfTheSchemaFiles()
            throws IOException
    {
        Set<String> names = new LinkedHashSet<>();
        for (String table : catalogTables()) {
            for (JsonNode field : JSON.readTree(Files.readString(SCHEMAS.resolve(table + ".json"))).get("fields")) {
                names.add(field.get("name").asText());
            }
        }
        assertThat(Arrays.stream(Column.values()).map(column -> column.schemaName).toList())
                .containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void aColumnItsTableLacksFailsWhenTheGeneratorIsBuilt()
    {
        Platform platform = new Platform(dev.simdata.scenario.GenerationSettings.defaults(dev.simdata.scenario.Scenario.DEMO));
        GeneratedTable organizations = new OrganizationsTable(platform);
        assertThat(organizations.column(Column.ID)).isZero();
        assertThatThrownBy(() -> organizations.column(Column.RECIPIENT_ID))
                .hasMessageContaining("organizations has no column recipient_id");
        assertThatThrownBy(() -> Table.named("campaign"))
                .hasMessageContaining("campaign");
    }

    private static List<String> catalogTables()
            throws IOException
    {
        List<String> tables = new ArrayList<>();
        JSON.readTree(Files.readString(SCHEMAS.resolve("catalog.json"))).get("tables").forEach(node -> tables.add(node.asText()));
        return tables;
    }
}
