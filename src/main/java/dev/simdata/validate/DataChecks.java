package dev.simdata.validate;

import dev.simdata.schema.Field;
import dev.simdata.schema.ForeignKey;
import dev.simdata.schema.TableSchema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static dev.simdata.validate.SqlTables.keyText;
import static dev.simdata.validate.SqlTables.quote;

/**
 * Checks that are generic over {@code schemas/}: required fields, allowed values and minimums (schema); primary
 * keys, unique columns and foreign keys (keys); plus the domain's key rules and row counts. The same SQL runs on
 * DuckDB views over files and on PostgreSQL.
 */
final class DataChecks
{
    /** Tables whose count is an exact scenario target (DOMAIN.md): volume name = table name. */
    private static final List<String> EXACT_TARGETS = List.of("organizations", "clients", "users", "contacts", "campaigns");
    /** Recipients: campaigns × min(recipients_per_campaign, contacts ÷ clients), within this relative tolerance. */
    static final double RECIPIENTS_TOLERANCE = 0.15;

    private DataChecks() {}

    static void schemaValues(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        for (TableSchema table : tables.presentTables()) {
            List<Field> required = table.fields().stream().filter(Field::required).toList();
            List<Field> enums = table.fields().stream().filter(field -> !field.allowedValues().isEmpty()).toList();
            List<Field> minimums = table.fields().stream().filter(field -> field.minimum() != null).toList();
            results.add(valueRule(tables, table, "schema.required", required, field -> quote(field.name()) + " IS NULL", "no nulls in " + required.size() + " required columns"));
            results.add(valueRule(tables, table, "schema.allowed_values", enums,
                    field -> quote(field.name()) + " IS NOT NULL AND " + quote(field.name()) + " NOT IN (" + String.join(", ", field.allowedValues().stream().map(SqlTables::literal).toList()) + ")",
                    "every value of " + enums.size() + " enum columns allowed"));
            results.add(valueRule(tables, table, "schema.minimum", minimums, field -> quote(field.name()) + " < " + field.minimum(),
                    "no value below its minimum in " + minimums.size() + " columns"));
        }
    }

    private static CheckResult valueRule(SqlTables tables, TableSchema table, String name, List<Field> fields, java.util.function.Function<Field, String> violation, String expected)
            throws SQLException
    {
        if (fields.isEmpty()) {
            return CheckResult.passed(CheckGroup.SCHEMA, name, table.name(), "no such columns", expected);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(violation.apply(fields.get(i))).append(')');
        }
        sql.append(" FROM ").append(tables.relation(table.name()));
        long[] counts = tables.longs(sql.toString());
        long total = 0;
        List<String> samples = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            total += counts[i];
            if (counts[i] > 0 && samples.isEmpty()) {
                Field field = fields.get(i);
                where.append(field.name()).append(" (").append(counts[i]).append(" rows)");
                samples.addAll(tables.samples("SELECT " + keyText(table, "") + " AS key, CAST(" + quote(field.name()) + " AS VARCHAR) AS " + quote(field.name())
                        + tables.expand("{file}") + " FROM " + tables.relation(table.name()) + " WHERE " + violation.apply(field)));
            }
            else if (counts[i] > 0) {
                where.append(", ").append(fields.get(i).name()).append(" (").append(counts[i]).append(" rows)");
            }
        }
        return CheckResult.of(total == 0, CheckGroup.SCHEMA, name, table.name(), total + " bad values", expected,
                "table " + table.name() + ": " + total + " bad values in " + where + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples);
    }

    static void keys(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        for (TableSchema table : tables.presentTables()) {
            String relation = tables.relation(table.name());
            if (!table.primaryKey().isEmpty()) {
                results.add(unique(tables, table, relation, "keys.primary_key", table.primaryKey()));
            }
            for (Field field : table.fields()) {
                if (field.unique() && !table.primaryKey().equals(List.of(field.name()))) {
                    results.add(unique(tables, table, relation, "keys.unique", List.of(field.name())));
                }
            }
            for (ForeignKey foreignKey : table.foreignKeys()) {
                String name = table.name() + "(" + String.join(", ", foreignKey.fields()) + ") -> " + foreignKey.referencedTable()
                        + "(" + String.join(", ", foreignKey.referencedFields()) + ")";
                if (!tables.has(foreignKey.referencedTable())) {
                    results.add(CheckResult.skipped(CheckGroup.KEYS, "keys.foreign_key", table.name(), name + ": " + tables.absentReason(foreignKey.referencedTable())));
                    continue;
                }
                StringBuilder join = new StringBuilder();
                StringBuilder notNull = new StringBuilder();
                StringBuilder select = new StringBuilder();
                for (int i = 0; i < foreignKey.fields().size(); i++) {
                    String child = "c." + quote(foreignKey.fields().get(i));
                    join.append(i == 0 ? "" : " AND ").append(child).append(" = p.").append(quote(foreignKey.referencedFields().get(i)));
                    notNull.append(" AND ").append(child).append(" IS NOT NULL");
                    select.append(i == 0 ? "" : ", ").append("CAST(").append(child).append(" AS VARCHAR) AS ").append(quote(foreignKey.fields().get(i)));
                }
                String from = " FROM " + relation + " c LEFT JOIN " + tables.relation(foreignKey.referencedTable()) + " p ON " + join
                        + " WHERE p." + quote(foreignKey.referencedFields().get(0)) + " IS NULL" + notNull;
                long orphans = tables.queryLong("SELECT count(*)" + from);
                List<String> samples = orphans == 0 ? List.of() : tables.samples("SELECT " + keyText(table, "c.") + " AS key, " + select + tables.expand("{file:c.}") + from);
                results.add(CheckResult.of(orphans == 0, CheckGroup.KEYS, "keys.foreign_key", table.name(), orphans + " orphans", "0 orphans: " + name,
                        "table " + table.name() + ": " + orphans + " rows whose " + name + " resolves to nothing" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
            }
        }
        domainKeys(tables, results);
    }

    private static CheckResult unique(SqlTables tables, TableSchema table, String relation, String name, List<String> columns)
            throws SQLException
    {
        String list = String.join(", ", columns.stream().map(SqlTables::quote).toList());
        String duplicates = "SELECT " + String.join(", ", columns.stream().map(column -> "CAST(" + quote(column) + " AS VARCHAR) AS " + quote(column)).toList())
                + ", count(*) AS copies" + tables.expand("{group_file}") + " FROM " + relation + " WHERE " + String.join(" AND ", columns.stream().map(column -> quote(column) + " IS NOT NULL").toList())
                + " GROUP BY " + list + " HAVING count(*) > 1";
        long count = tables.queryLong("SELECT count(*) FROM (" + duplicates + ") d");
        List<String> samples = count == 0 ? List.of() : tables.samples(duplicates);
        return CheckResult.of(count == 0, CheckGroup.KEYS, name, table.name(), count + " duplicated keys", "(" + String.join(", ", columns) + ") unique",
                "table " + table.name() + ": " + count + " values of (" + String.join(", ", columns) + ") occur more than once" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples);
    }

    /** A rule of the domain about keys, beyond the foreign keys of schemas/. */
    private record KeyRule(String name, String table, String description, List<String> needs, String violationsSql) {}

    private static void domainKeys(SqlTables tables, List<CheckResult> results)
            throws SQLException
    {
        List<KeyRule> rules = List.of(
                new KeyRule("keys.recipient_contact_client", "recipients", "a recipient's contact belongs to the campaign's client",
                        List.of("recipients.contact_id", "contacts.client_id", "campaigns.client_id"),
                        "SELECT CAST(r.id AS VARCHAR) AS recipient_id, CAST(r.contact_id AS VARCHAR) AS contact_id{file:r.} FROM {recipients} r"
                                + " JOIN {contacts} k ON k.id = r.contact_id JOIN {campaigns} c ON c.id = r.campaign_id WHERE k.client_id <> c.client_id"),
                new KeyRule("keys.contact_once_per_campaign", "recipients", "a contact is in a campaign at most once",
                        List.of("recipients.contact_id", "recipients.campaign_id"),
                        "SELECT CAST(campaign_id AS VARCHAR) AS campaign_id, CAST(contact_id AS VARCHAR) AS contact_id{group_file} FROM {recipients} GROUP BY campaign_id, contact_id HAVING count(*) > 1"),
                new KeyRule("keys.event_campaign", "events", "an event's campaign is its recipient's campaign",
                        List.of("events.recipient_id", "events.campaign_id", "recipients.campaign_id"),
                        "SELECT CAST(e.id AS VARCHAR) AS event_id, CAST(e.campaign_id AS VARCHAR) AS campaign_id{file:e.} FROM {events} e JOIN {recipients} r ON r.id = e.recipient_id"
                                + " WHERE e.campaign_id <> r.campaign_id"),
                new KeyRule("keys.gift_card_once", "gift_card_deliveries", "a gift card is delivered at most once",
                        List.of("gift_card_deliveries.gift_card_inventory_id"),
                        "SELECT CAST(gift_card_inventory_id AS VARCHAR) AS gift_card_inventory_id{group_file} FROM {gift_card_deliveries} GROUP BY gift_card_inventory_id HAVING count(*) > 1"),
                new KeyRule("keys.gift_card_status", "gift_card_inventory", "a card's status agrees with its delivery and redemption",
                        List.of("gift_card_inventory.status", "gift_card_deliveries.gift_card_inventory_id", "gift_card_deliveries.redeemed_at"),
                        "SELECT CAST(i.id AS VARCHAR) AS gift_card_inventory_id, i.status{file:i.} FROM {gift_card_inventory} i"
                                + " LEFT JOIN {gift_card_deliveries} d ON d.gift_card_inventory_id = i.id"
                                + " WHERE i.status <> CASE WHEN d.id IS NULL THEN 'available' WHEN d.redeemed_at IS NULL THEN 'delivered' ELSE 'redeemed' END"),
                new KeyRule("keys.campaign_finance", "campaigns", "mailing_cost = cost_per_piece x pieces_mailed, reward_spend = its gift cards' amounts, total_spend = their sum",
                        List.of("campaigns.reward_spend", "campaigns.mailing_cost", "campaigns.cost_per_piece", "campaigns.pieces_mailed", "campaigns.total_spend",
                                "gift_card_deliveries.amount", "gift_card_deliveries.campaign_id"),
                        "SELECT CAST(c.id AS VARCHAR) AS campaign_id, c.reward_spend, coalesce(d.spend, 0) AS deliveries{file:c.} FROM {campaigns} c"
                                + " LEFT JOIN (SELECT campaign_id, sum(amount) AS spend FROM {gift_card_deliveries} GROUP BY campaign_id) d ON d.campaign_id = c.id"
                                + " WHERE c.reward_spend <> coalesce(d.spend, 0) OR c.mailing_cost <> c.cost_per_piece * c.pieces_mailed"
                                + " OR c.total_spend <> c.mailing_cost + c.reward_spend"),
                new KeyRule("keys.call_event", "call_sessions", "a recipient's call is its call_received event, at the same instant",
                        List.of("call_sessions.recipient_id", "call_sessions.started_at", "events.event_type", "events.occurred_at"),
                        "SELECT CAST(s.id AS VARCHAR) AS call_session_id, CAST(s.recipient_id AS VARCHAR) AS recipient_id{file:s.} FROM {call_sessions} s"
                                + " WHERE s.recipient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {events} e WHERE e.recipient_id = s.recipient_id"
                                + " AND e.event_type = 'call_received' AND e.occurred_at = s.started_at)"),
                new KeyRule("keys.call_agent", "call_sessions", "an answered call's agent is staff of the campaign's organization",
                        List.of("call_sessions.agent_user_id", "call_sessions.answered", "users.organization_id", "clients.organization_id", "campaigns.client_id"),
                        "SELECT CAST(s.id AS VARCHAR) AS call_session_id, CAST(s.agent_user_id AS VARCHAR) AS agent_user_id{file:s.} FROM {call_sessions} s"
                                + " JOIN {campaigns} c ON c.id = s.campaign_id JOIN {clients} k ON k.id = c.client_id LEFT JOIN {users} u ON u.id = s.agent_user_id"
                                + " WHERE s.answered <> (s.agent_user_id IS NOT NULL) OR u.organization_id <> k.organization_id"));
        for (KeyRule rule : rules) {
            Optional<String> missing = tables.missing(rule.needs().toArray(String[]::new));
            if (missing.isPresent()) {
                results.add(CheckResult.skipped(CheckGroup.KEYS, rule.name(), rule.table(), missing.get()));
                continue;
            }
            String sql = expand(tables, rule.violationsSql());
            long count = tables.queryLong("SELECT count(*) FROM (" + sql + ") v");
            List<String> samples = count == 0 ? List.of() : tables.samples(sql);
            results.add(CheckResult.of(count == 0, CheckGroup.KEYS, rule.name(), rule.table(), count + " violations", rule.description(),
                    "table " + rule.table() + ": " + count + " rows break the rule '" + rule.description() + "'" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
        }
    }

    /** See {@link SqlTables#expand}. */
    static String expand(SqlTables tables, String sql)
    {
        return tables.expand(sql);
    }

    /**
     * Row counts against the scenario (when the facts are known) and against the manifest's rows (when given: a
     * loaded database versus its dataset).
     */
    static void counts(SqlTables tables, Optional<DatasetFacts> facts, Map<String, Long> manifestRows, List<CheckResult> results)
            throws SQLException
    {
        for (TableSchema table : tables.catalog().tables()) {
            String name = table.name();
            if (!tables.has(name)) {
                if (manifestRows.containsKey(name) && !tables.damaged(name)) {
                    results.add(CheckResult.failed(CheckGroup.COUNTS, "counts.manifest", name, "table absent", manifestRows.get(name) + " rows",
                            "table " + name + " is listed in the manifest with " + manifestRows.get(name) + " rows but " + tables.absentReason(name), List.of()));
                }
                else {
                    results.add(CheckResult.skipped(CheckGroup.COUNTS, "counts.scenario", name, tables.absentReason(name)));
                }
                continue;
            }
            long rows = tables.queryLong("SELECT count(*) FROM " + tables.relation(name));
            if (manifestRows.containsKey(name)) {
                long expected = manifestRows.get(name);
                results.add(CheckResult.of(rows == expected, CheckGroup.COUNTS, "counts.manifest", name, rows + " rows", expected + " rows (manifest, exact)",
                        "table " + name + " has " + rows + " rows, the manifest lists " + expected, List.of()));
            }
            if (facts.isEmpty()) {
                results.add(CheckResult.skipped(CheckGroup.COUNTS, "counts.scenario", name, "no manifest: give the dataset folder to compare with the scenario"));
                continue;
            }
            DatasetFacts known = facts.get();
            if (EXACT_TARGETS.contains(name) && known.volume(name).isPresent()) {
                long target = known.volume(name).get();
                results.add(CheckResult.of(rows == target, CheckGroup.COUNTS, "counts.scenario", name, rows + " rows", target + " rows (scenario " + known.scenario() + ", exact)",
                        "table " + name + " has " + rows + " rows, scenario " + known.scenario() + " sets exactly " + target, List.of()));
            }
            else if (name.equals("recipients") && known.volume("campaigns").isPresent() && known.volume("recipients_per_campaign").isPresent()
                    && known.volume("contacts").isPresent() && known.volume("clients").isPresent()) {
                double perCampaign = Math.min(known.volume("recipients_per_campaign").get(), (double) known.volume("contacts").get() / known.volume("clients").get());
                double target = known.volume("campaigns").get() * perCampaign;
                double low = target * (1 - RECIPIENTS_TOLERANCE);
                double high = target * (1 + RECIPIENTS_TOLERANCE);
                results.add(CheckResult.of(rows >= low && rows <= high, CheckGroup.COUNTS, "counts.scenario", name, rows + " rows",
                        String.format(Locale.ROOT, "%.0f ± 15%% (campaigns × min(recipients_per_campaign, contacts ÷ clients))", target),
                        String.format(Locale.ROOT, "table recipients has %d rows, outside [%.0f, %.0f]", rows, low, high), List.of()));
            }
            else {
                results.add(CheckResult.skipped(CheckGroup.COUNTS, "counts.scenario", name, "no exact scenario target: its volume follows from the scenario arithmetic and rates (see distributions)"));
            }
        }
        if (tables.missing("campaigns.recipient_count", "recipients.campaign_id").isEmpty()) {
            String sql = "SELECT CAST(c.id AS VARCHAR) AS campaign_id, c.recipient_count, coalesce(r.n, 0) AS recipients" + tables.expand("{file:c.}") + " FROM " + tables.relation("campaigns") + " c LEFT JOIN"
                    + " (SELECT campaign_id, count(*) AS n FROM " + tables.relation("recipients") + " GROUP BY campaign_id) r ON r.campaign_id = c.id"
                    + " WHERE c.recipient_count <> coalesce(r.n, 0)";
            long count = tables.queryLong("SELECT count(*) FROM (" + sql + ") v");
            List<String> samples = count == 0 ? List.of() : tables.samples(sql);
            results.add(CheckResult.of(count == 0, CheckGroup.COUNTS, "counts.campaign_recipients", "campaigns", count + " campaigns differ",
                    "campaigns.recipient_count = its recipients rows",
                    "table campaigns: " + count + " campaigns whose recipient_count differs from their rows in recipients" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples));
        }
    }
}
