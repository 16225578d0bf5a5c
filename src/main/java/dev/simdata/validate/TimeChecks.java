package dev.simdata.validate;

import dev.simdata.schema.Field;
import dev.simdata.schema.FieldType;
import dev.simdata.schema.TableSchema;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import static dev.simdata.validate.SqlTables.keyText;
import static dev.simdata.validate.SqlTables.literal;
import static dev.simdata.validate.SqlTables.quote;

/**
 * Time checks: nothing at or after the as-of instant; campaign date logic (created &lt; mail &lt; drop &lt;
 * delivery); status versus dates; causal order of each recipient's journey (events, and calls, opt-ins and gift
 * cards when those tables exist). Every rule is a SQL query that selects the rows breaking it.
 */
final class TimeChecks
{
    /** A rule: the tables and columns it needs, and a query selecting offending rows ({@code {table}} expands). */
    record Rule(String name, String table, String description, List<String> needs, String violationsSql) {}

    private TimeChecks() {}

    static void run(SqlTables tables, Optional<DatasetFacts> facts, List<CheckResult> results)
            throws SQLException
    {
        if (facts.isEmpty()) {
            results.add(CheckResult.skipped(CheckGroup.TIME, "time.*", "", "no manifest: give the dataset folder for the as-of date and time zone"));
            return;
        }
        DatasetFacts known = facts.get();
        String asOfInstant = "CAST(" + literal(known.asOfInstant().toString().replace('T', ' ').replace("Z", "+00")) + " AS TIMESTAMPTZ)";
        String asOf = "DATE " + literal(known.asOf().toString());
        String zone = literal(known.zone().getId());
        for (TableSchema table : tables.presentTables()) {
            List<Field> instants = table.fields().stream().filter(field -> field.type() == FieldType.DATETIME).toList();
            if (instants.isEmpty()) {
                continue;
            }
            String condition = String.join(" OR ", instants.stream().map(field -> quote(field.name()) + " >= " + asOfInstant).toList());
            results.add(evaluate(tables, new Rule("time.before_as_of", table.name(), "every timestamp before " + known.asOfInstant(), List.of(table.name()),
                    "SELECT " + keyText(table, "") + " AS key, " + String.join(", ", instants.stream().map(field -> quote(field.name())).toList())
                            + "{file} FROM {" + table.name() + "} WHERE " + condition)));
        }
        for (Rule rule : rules(asOf, zone)) {
            results.add(evaluate(tables, rule));
        }
    }

    static List<Rule> rules(String asOf, String zone)
    {
        String localDate = "CAST((%s AT TIME ZONE " + zone + ") AS DATE)";
        return List.of(
                new Rule("time.campaign_dates", "campaigns", "created_at < mail_date < drop_date",
                        List.of("campaigns.created_at", "campaigns.mail_date", "campaigns.drop_date"),
                        "SELECT CAST(id AS VARCHAR) AS campaign_id, status, created_at, mail_date, drop_date{file} FROM {campaigns}"
                                + " WHERE (mail_date IS NOT NULL AND " + localDate.formatted("created_at") + " >= mail_date)"
                                + " OR (drop_date IS NOT NULL AND (mail_date IS NULL OR drop_date <= mail_date))"),
                new Rule("time.delivery_after_drop", "events", "mailed on or after drop_date, delivered after it (local dates)",
                        List.of("events.campaign_id", "events.event_type", "events.occurred_at", "campaigns.drop_date"),
                        "SELECT CAST(e.id AS VARCHAR) AS event_id, e.event_type, e.occurred_at, CAST(c.id AS VARCHAR) AS campaign_id, c.drop_date{file:e.}"
                                + " FROM {events} e JOIN {campaigns} c ON c.id = e.campaign_id WHERE e.event_type IN ('mailed', 'delivered')"
                                + " AND (c.drop_date IS NULL OR " + localDate.formatted("e.occurred_at") + " < c.drop_date"
                                + " OR (e.event_type = 'delivered' AND " + localDate.formatted("e.occurred_at") + " <= c.drop_date))"),
                new Rule("time.campaign_status", "campaigns",
                        "draft: no dates; scheduled: mails on/after as-of; cancelled: no drop; active: mailed before as-of; paused: dropped before as-of; completed: drop + 21 days <= as-of",
                        List.of("campaigns.status", "campaigns.mail_date", "campaigns.drop_date"),
                        "SELECT CAST(id AS VARCHAR) AS campaign_id, status, mail_date, drop_date{file} FROM {campaigns} WHERE NOT ("
                                + "(status = 'draft' AND mail_date IS NULL AND drop_date IS NULL)"
                                + " OR (status = 'scheduled' AND mail_date IS NOT NULL AND mail_date >= " + asOf + ")"
                                + " OR (status = 'cancelled' AND drop_date IS NULL)"
                                + " OR (status = 'active' AND mail_date < " + asOf + " AND drop_date IS NOT NULL)"
                                + " OR (status = 'paused' AND drop_date IS NOT NULL AND drop_date < " + asOf + ")"
                                + " OR (status = 'completed' AND drop_date IS NOT NULL AND drop_date + 21 <= " + asOf + "))"),
                new Rule("time.response_window", "campaigns",
                        "one response window: every active campaign dropped after every completed one",
                        List.of("campaigns.status", "campaigns.drop_date"),
                        "SELECT CAST(id AS VARCHAR) AS campaign_id, status, drop_date{file} FROM {campaigns}"
                                + " WHERE status = 'completed' AND drop_date >= (SELECT min(drop_date) FROM {campaigns} WHERE status = 'active')"),
                new Rule("time.unmailed_campaign_events", "events", "no events for draft, scheduled or cancelled campaigns",
                        List.of("events.campaign_id", "campaigns.status"),
                        "SELECT CAST(e.id AS VARCHAR) AS event_id, CAST(c.id AS VARCHAR) AS campaign_id, c.status{file:e.} FROM {events} e JOIN {campaigns} c ON c.id = e.campaign_id"
                                + " WHERE c.status IN ('draft', 'scheduled', 'cancelled')"),
                new Rule("time.causal_order", "events",
                        "per recipient: mailed < delivered < every engagement; form after visit; lead after form; each type at most once",
                        List.of("events.recipient_id", "events.event_type", "events.occurred_at"),
                        "SELECT CAST(recipient_id AS VARCHAR) AS recipient_id, CASE"
                                + " WHEN duplicates > 0 THEN 'an event type occurs twice'"
                                + " WHEN delivered IS NOT NULL AND (mailed IS NULL OR delivered <= mailed) THEN 'delivered before mailed'"
                                + " WHEN engaged IS NOT NULL AND (delivered IS NULL OR engaged <= delivered) THEN 'engagement before delivery'"
                                + " WHEN form IS NOT NULL AND (visit IS NULL OR form <= visit) THEN 'form before its visit'"
                                + " ELSE 'lead before its form' END AS broken, mailed, delivered, engaged{file_column}"
                                + " FROM (SELECT recipient_id,"
                                + " min(occurred_at) FILTER (WHERE event_type = 'mailed') AS mailed,"
                                + " min(occurred_at) FILTER (WHERE event_type = 'delivered') AS delivered,"
                                + " min(occurred_at) FILTER (WHERE event_type NOT IN ('mailed', 'delivered')) AS engaged,"
                                + " min(occurred_at) FILTER (WHERE event_type = 'purl_visited') AS visit,"
                                + " min(occurred_at) FILTER (WHERE event_type = 'form_submitted') AS form,"
                                + " min(occurred_at) FILTER (WHERE event_type = 'lead_created') AS lead,"
                                + " count(*) - count(DISTINCT event_type) AS duplicates{group_file}"
                                + " FROM {events} GROUP BY recipient_id) j"
                                + " WHERE duplicates > 0"
                                + " OR (delivered IS NOT NULL AND (mailed IS NULL OR delivered <= mailed))"
                                + " OR (engaged IS NOT NULL AND (delivered IS NULL OR engaged <= delivered))"
                                + " OR (form IS NOT NULL AND (visit IS NULL OR form <= visit))"
                                + " OR (lead IS NOT NULL AND (form IS NULL OR lead <= form))"),
                new Rule("time.recipient_status", "recipients",
                        "status is the furthest journey step reached: pending/cancelled/suppressed no events; mailed/returned mailed only; delivered; engaged; converted has a lead",
                        List.of("recipients.status", "events.recipient_id", "events.event_type"),
                        "SELECT CAST(r.id AS VARCHAR) AS recipient_id, r.status, coalesce(e.events, 0) AS events, coalesce(e.delivered, 0) AS delivered,"
                                + " coalesce(e.engaged, 0) AS engaged, coalesce(e.leads, 0) AS leads{file:r.} FROM {recipients} r LEFT JOIN (SELECT recipient_id, count(*) AS events,"
                                + " count(*) FILTER (WHERE event_type = 'mailed') AS mailed, count(*) FILTER (WHERE event_type = 'delivered') AS delivered,"
                                + " count(*) FILTER (WHERE event_type NOT IN ('mailed', 'delivered')) AS engaged, count(*) FILTER (WHERE event_type = 'lead_created') AS leads"
                                + " FROM {events} GROUP BY recipient_id) e ON e.recipient_id = r.id WHERE NOT ("
                                + "(r.status IN ('pending', 'cancelled', 'suppressed') AND e.events IS NULL)"
                                + " OR (r.status IN ('mailed', 'returned') AND e.mailed > 0 AND e.delivered = 0)"
                                + " OR (r.status = 'delivered' AND e.delivered > 0 AND e.engaged = 0)"
                                + " OR (r.status = 'engaged' AND e.engaged > 0 AND e.leads = 0)"
                                + " OR (r.status = 'converted' AND e.leads > 0))"),
                new Rule("time.audit_trail", "recipient_audit_log",
                        "a recipient's status changes chain in time order (each old status the previous new one, from pending) and end in its status",
                        List.of("recipient_audit_log.recipient_id", "recipient_audit_log.old_status", "recipient_audit_log.new_status", "recipient_audit_log.occurred_at",
                                "recipients.status"),
                        "SELECT CAST(t.recipient_id AS VARCHAR) AS recipient_id, t.old_status, t.new_status, t.previous, t.status{file:t.} FROM"
                                + " (SELECT a.*, r.status, lag(a.new_status) OVER w AS previous, lead(a.id) OVER w AS next"
                                + " FROM {recipient_audit_log} a JOIN {recipients} r ON r.id = a.recipient_id"
                                + " WINDOW w AS (PARTITION BY a.recipient_id ORDER BY a.occurred_at, a.id)) t"
                                + " WHERE t.old_status <> coalesce(t.previous, 'pending') OR (t.next IS NULL AND t.new_status <> t.status)"),
                new Rule("time.call_after_delivery", "call_sessions", "a recipient's call starts after the mail was delivered",
                        List.of("call_sessions.recipient_id", "call_sessions.started_at", "events.event_type"),
                        "SELECT CAST(s.id AS VARCHAR) AS call_session_id, s.started_at, d.delivered{file:s.} FROM {call_sessions} s"
                                + " LEFT JOIN (SELECT recipient_id, min(occurred_at) AS delivered FROM {events} WHERE event_type = 'delivered' GROUP BY recipient_id) d"
                                + " ON d.recipient_id = s.recipient_id WHERE s.recipient_id IS NOT NULL AND (d.delivered IS NULL OR s.started_at <= d.delivered)"),
                new Rule("time.opt_in_after_call", "sms_opt_ins", "an opt-in comes after its call started",
                        List.of("sms_opt_ins.call_session_id", "sms_opt_ins.opted_in_at", "call_sessions.started_at"),
                        "SELECT CAST(o.id AS VARCHAR) AS sms_opt_in_id, o.opted_in_at, s.started_at{file:o.} FROM {sms_opt_ins} o JOIN {call_sessions} s ON s.id = o.call_session_id"
                                + " WHERE o.opted_in_at < s.started_at"),
                new Rule("time.gift_card_after_opt_in", "gift_card_deliveries", "a gift card is delivered after the recipient's opt-in, and redeemed after delivery",
                        List.of("gift_card_deliveries.recipient_id", "gift_card_deliveries.delivered_at", "gift_card_deliveries.redeemed_at", "sms_opt_ins.recipient_id", "sms_opt_ins.opted_in_at"),
                        "SELECT CAST(g.id AS VARCHAR) AS gift_card_delivery_id, g.delivered_at, g.redeemed_at, o.opted_in{file:g.} FROM {gift_card_deliveries} g"
                                + " LEFT JOIN (SELECT recipient_id, min(opted_in_at) AS opted_in FROM {sms_opt_ins} GROUP BY recipient_id) o ON o.recipient_id = g.recipient_id"
                                + " WHERE o.opted_in IS NULL OR g.delivered_at <= o.opted_in OR g.redeemed_at < g.delivered_at"));
    }

    static CheckResult evaluate(SqlTables tables, Rule rule)
            throws SQLException
    {
        Optional<String> missing = tables.missing(rule.needs().toArray(String[]::new));
        if (missing.isPresent()) {
            return CheckResult.skipped(CheckGroup.TIME, rule.name(), rule.table(), missing.get());
        }
        String sql = DataChecks.expand(tables, rule.violationsSql());
        long count = tables.queryLong("SELECT count(*) FROM (" + sql + ") v");
        List<String> samples = count == 0 ? List.of() : tables.samples(sql);
        return CheckResult.of(count == 0, CheckGroup.TIME, rule.name(), rule.table(), count + " violations", rule.description(),
                "table " + rule.table() + ": " + count + " rows break '" + rule.description() + "'" + (samples.isEmpty() ? "" : "; e.g. " + samples.get(0)), samples);
    }
}
