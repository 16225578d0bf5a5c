package dev.simdata.generate;

import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.schema.SchemaCatalog;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

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
            Map.entry("events", EventsTable::new),
            Map.entry("recipient_audit_log", JourneyTables.RecipientAuditLogTable::new),
            Map.entry("contact_campaign_participation", JourneyTables.ParticipationTable::new),
            Map.entry("tracked_phone_numbers", CallCenterTables.TrackedPhoneNumbersTable::new),
            Map.entry("call_sessions", CallCenterTables.CallSessionsTable::new),
            Map.entry("sms_opt_ins", CallCenterTables.SmsOptInsTable::new),
            Map.entry("call_conditions_met", CallCenterTables.CallConditionsMetTable::new),
            Map.entry("gift_card_inventory", GiftCardTables.InventoryTable::new),
            Map.entry("gift_card_deliveries", GiftCardTables.DeliveriesTable::new),
            Map.entry("performance_metrics", PlatformActivityTables.PerformanceMetricsTable::new),
            Map.entry("usage_analytics", PlatformActivityTables.UsageAnalyticsTable::new),
            Map.entry("error_logs", PlatformActivityTables.ErrorLogsTable::new));
    /** The tables that exist only with some features; every other table is always generated. */
    private static final Map<String, Predicate<Features>> FEATURE_TABLES = Map.ofEntries(
            Map.entry("tracked_phone_numbers", Features::callCenter),
            Map.entry("call_sessions", Features::callCenter),
            Map.entry("sms_opt_ins", Features::callCenter),
            Map.entry("call_conditions_met", Features::giftCardsIssued),
            Map.entry("gift_card_brands", Features::giftCards),
            Map.entry("campaign_conditions", Features::giftCards),
            Map.entry("campaign_reward_configs", Features::giftCards),
            Map.entry("gift_card_inventory", Features::giftCards),
            Map.entry("gift_card_deliveries", Features::giftCardsIssued),
            Map.entry("performance_metrics", Features::analytics),
            Map.entry("usage_analytics", Features::analytics),
            Map.entry("error_logs", Features::errorLogs));

    private Generators() {}

    /** One source per table of {@code schemas/} that the scenario's features include, parents first. */
    public static List<TableSource> sources(GenerationSettings settings)
    {
        Platform platform = new Platform(settings);
        Features features = settings.scenario().features();
        List<TableSource> sources = new ArrayList<>();
        for (TableSchema table : SchemaCatalog.bundled().tables()) {
            if (!FEATURE_TABLES.getOrDefault(table.name(), all -> true).test(features)) {
                continue;
            }
            Function<Platform, TableSource> factory = TABLES.get(table.name());
            if (factory == null) {
                throw new IllegalStateException("no generator for table " + table.name());
            }
            sources.add(factory.apply(platform));
        }
        return sources;
    }
}
