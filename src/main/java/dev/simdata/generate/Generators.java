package dev.simdata.generate;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The entry point of generation: the table sources of one (scenario, seed, as-of date), in dependency order.
 * Building it costs the value pools (under a second); producing rows is left to the caller.
 */
public final class Generators
{
    private static final Map<String, Function<Platform, TableSource>> TABLES = Map.ofEntries(
            Map.entry("organizations", OrganizationsTable::new),
            Map.entry("clients", ClientsTable::new),
            Map.entry("users", UsersTable::new),
            Map.entry("contacts", ContactsTable::new),
            Map.entry("templates", ClientAssetsTables.TemplatesTable::new),
            Map.entry("landing_pages", ClientAssetsTables.LandingPagesTable::new),
            Map.entry("audiences", ClientAssetsTables.AudiencesTable::new),
            Map.entry("gift_card_brands", RewardTables.GiftCardBrandsTable::new),
            Map.entry("campaigns", CampaignsTable::new),
            Map.entry("campaign_conditions", RewardTables.CampaignConditionsTable::new),
            Map.entry("campaign_reward_configs", RewardTables.CampaignRewardConfigsTable::new),
            Map.entry("recipients", RecipientsTable::new),
            Map.entry("events", EventsTable::new));

    private Generators() {}

    /** One source per table of {@code schemas/}, parents first. */
    public static List<TableSource> sources(GenerationSettings settings)
    {
        Platform platform = new Platform(settings);
        List<TableSource> sources = new ArrayList<>();
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            Function<Platform, TableSource> factory = TABLES.get(table.name());
            if (factory == null) {
                throw new IllegalStateException("no generator for table " + table.name());
            }
            sources.add(factory.apply(platform));
        }
        return sources;
    }
}
