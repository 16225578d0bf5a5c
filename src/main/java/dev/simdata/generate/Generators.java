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
    private static final Map<Table, Function<Platform, TableSource>> TABLES = Map.ofEntries(
            Map.entry(Table.ORGANIZATIONS, OrganizationsTable::new),
            Map.entry(Table.CLIENTS, ClientsTable::new),
            Map.entry(Table.USERS, UsersTable::new),
            Map.entry(Table.CONTACTS, ContactsTable::new),
            Map.entry(Table.TEMPLATES, ClientAssetsTables.TemplatesTable::new),
            Map.entry(Table.LANDING_PAGES, ClientAssetsTables.LandingPagesTable::new),
            Map.entry(Table.AUDIENCES, ClientAssetsTables.AudiencesTable::new),
            Map.entry(Table.GIFT_CARD_BRANDS, RewardTables.GiftCardBrandsTable::new),
            Map.entry(Table.CAMPAIGNS, CampaignsTable::new),
            Map.entry(Table.CAMPAIGN_CONDITIONS, RewardTables.CampaignConditionsTable::new),
            Map.entry(Table.CAMPAIGN_REWARD_CONFIGS, RewardTables.CampaignRewardConfigsTable::new),
            Map.entry(Table.RECIPIENTS, RecipientsTable::new),
            Map.entry(Table.EVENTS, EventsTable::new),
            Map.entry(Table.RECIPIENT_AUDIT_LOG, JourneyTables.RecipientAuditLogTable::new),
            Map.entry(Table.CONTACT_CAMPAIGN_PARTICIPATION, JourneyTables.ParticipationTable::new),
            Map.entry(Table.TRACKED_PHONE_NUMBERS, CallCenterTables.TrackedPhoneNumbersTable::new),
            Map.entry(Table.CALL_SESSIONS, CallCenterTables.CallSessionsTable::new),
            Map.entry(Table.SMS_OPT_INS, CallCenterTables.SmsOptInsTable::new),
            Map.entry(Table.CALL_CONDITIONS_MET, CallCenterTables.CallConditionsMetTable::new),
            Map.entry(Table.GIFT_CARD_INVENTORY, GiftCardTables.InventoryTable::new),
            Map.entry(Table.GIFT_CARD_DELIVERIES, GiftCardTables.DeliveriesTable::new),
            Map.entry(Table.PERFORMANCE_METRICS, PlatformActivityTables.PerformanceMetricsTable::new),
            Map.entry(Table.USAGE_ANALYTICS, PlatformActivityTables.UsageAnalyticsTable::new),
            Map.entry(Table.ERROR_LOGS, PlatformActivityTables.ErrorLogsTable::new));
    /** The tables that exist only with some features; every other table is always generated. */
    private static final Map<Table, Predicate<Features>> FEATURE_TABLES = Map.ofEntries(
            Map.entry(Table.TRACKED_PHONE_NUMBERS, Features::callCenter),
            Map.entry(Table.CALL_SESSIONS, Features::callCenter),
            Map.entry(Table.SMS_OPT_INS, Features::callCenter),
            Map.entry(Table.CALL_CONDITIONS_MET, Features::giftCardsIssued),
            Map.entry(Table.GIFT_CARD_BRANDS, Features::giftCards),
            Map.entry(Table.CAMPAIGN_CONDITIONS, Features::giftCards),
            Map.entry(Table.CAMPAIGN_REWARD_CONFIGS, Features::giftCards),
            Map.entry(Table.GIFT_CARD_INVENTORY, Features::giftCards),
            Map.entry(Table.GIFT_CARD_DELIVERIES, Features::giftCardsIssued),
            Map.entry(Table.PERFORMANCE_METRICS, Features::analytics),
            Map.entry(Table.USAGE_ANALYTICS, Features::analytics),
            Map.entry(Table.ERROR_LOGS, Features::errorLogs));

    private Generators() {}

    /** One source per table of {@code schemas/} that the scenario's features include, parents first. */
    public static List<TableSource> sources(GenerationSettings settings)
    {
        Platform platform = new Platform(settings);
        Features features = settings.scenario().features();
        List<TableSource> sources = new ArrayList<>();
        for (TableSchema schema : SchemaCatalog.bundled().tables()) {
            Table table = Table.named(schema.name());
            if (!FEATURE_TABLES.getOrDefault(table, all -> true).test(features)) {
                continue;
            }
            Function<Platform, TableSource> factory = TABLES.get(table);
            if (factory == null) {
                throw new IllegalStateException("no generator for table " + table.schemaName);
            }
            sources.add(factory.apply(platform));
        }
        return sources;
    }
}
