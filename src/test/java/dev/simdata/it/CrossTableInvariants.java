package dev.simdata.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules that span tables, each as a PostgreSQL query counting the rows that break it ({@code $s} is the schema).
 * Every count must be zero in every dataset.
 */
final class CrossTableInvariants
{
    /** Indexes that keep the checks below fast; created after loading, as a user would. */
    static final List<String> INDEXES = List.of(
            "CREATE INDEX ON $s.events (recipient_id, event_type, occurred_at)",
            "CREATE INDEX ON $s.events (campaign_id, event_type)",
            "CREATE INDEX ON $s.gift_card_deliveries (campaign_id)",
            "CREATE INDEX ON $s.gift_card_deliveries (gift_card_inventory_id)",
            "CREATE INDEX ON $s.sms_opt_ins (call_session_id)",
            "CREATE INDEX ON $s.recipient_audit_log (recipient_id)");
    static final Map<String, String> SQL = new LinkedHashMap<>();

    static {
        SQL.put("a call is on one of its campaign's numbers, provisioned before it, about a recipient of that campaign",
                "SELECT count(*) FROM $s.call_sessions c JOIN $s.tracked_phone_numbers n ON n.id = c.tracked_phone_number_id"
                        + " LEFT JOIN $s.recipients r ON r.id = c.recipient_id"
                        + " WHERE n.campaign_id <> c.campaign_id OR n.provisioned_at >= c.started_at OR n.released_at <= c.started_at"
                        + " OR r.campaign_id <> c.campaign_id");
        SQL.put("an answered call has an agent of the campaign's organization who had signed up; an unanswered one has none",
                "SELECT count(*) FROM $s.call_sessions c JOIN $s.campaigns k ON k.id = c.campaign_id JOIN $s.clients cl ON cl.id = k.client_id"
                        + " LEFT JOIN $s.users u ON u.id = c.agent_user_id"
                        + " WHERE c.answered <> (c.agent_user_id IS NOT NULL)"
                        + " OR u.organization_id <> cl.organization_id OR u.client_id IS NOT NULL OR u.created_at >= c.started_at");
        SQL.put("an answered call lasts longer than a minute, an unanswered one less; the outcome agrees",
                "SELECT count(*) FROM $s.call_sessions WHERE (answered AND (duration_seconds < 60 OR outcome IN ('voicemail', 'missed')))"
                        + " OR (NOT answered AND (duration_seconds >= 60 OR outcome NOT IN ('voicemail', 'missed')))"
                        + " OR (outcome = 'sms_opted_in') <> EXISTS (SELECT 1 FROM $s.sms_opt_ins o WHERE o.call_session_id = call_sessions.id)");
        SQL.put("every recipient's call is its call_received event, and every call_received event is a call",
                "SELECT (SELECT count(*) FROM $s.call_sessions c WHERE c.recipient_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM $s.events e"
                        + " WHERE e.recipient_id = c.recipient_id AND e.event_type = 'call_received' AND e.occurred_at = c.started_at))"
                        + " + (SELECT count(*) FROM $s.events WHERE event_type = 'call_received')"
                        + " - (SELECT count(*) FROM $s.call_sessions WHERE recipient_id IS NOT NULL)");
        SQL.put("an opt-in happens during its answered call, by the caller, and is the sms_opted_in event",
                "SELECT count(*) FROM $s.sms_opt_ins o JOIN $s.call_sessions c ON c.id = o.call_session_id"
                        + " WHERE NOT c.answered OR c.recipient_id <> o.recipient_id OR c.campaign_id <> o.campaign_id OR o.phone_number <> c.caller_number"
                        + " OR o.opted_in_at <= c.started_at OR o.opted_in_at > c.started_at + c.duration_seconds * interval '1 second'"
                        + " OR NOT EXISTS (SELECT 1 FROM $s.events e WHERE e.recipient_id = o.recipient_id AND e.event_type = 'sms_opted_in' AND e.occurred_at = o.opted_in_at)");
        SQL.put("a condition met belongs to its call's campaign and is met during the answered call",
                "SELECT count(*) FROM $s.call_conditions_met m JOIN $s.call_sessions c ON c.id = m.call_session_id"
                        + " JOIN $s.campaign_conditions k ON k.id = m.campaign_condition_id"
                        + " WHERE k.campaign_id <> c.campaign_id OR NOT c.answered OR m.recipient_id <> c.recipient_id"
                        + " OR m.met_at < c.started_at OR m.met_at > c.started_at + c.duration_seconds * interval '1 second'"
                        + " OR k.condition_type NOT IN ('call_received', 'sms_opted_in')");
        SQL.put("a gift card follows its opt-in and is the gift_card_issued event; a redemption follows delivery",
                "SELECT count(*) FROM $s.gift_card_deliveries d JOIN $s.sms_opt_ins o ON o.id = d.sms_opt_in_id"
                        + " WHERE o.recipient_id <> d.recipient_id OR d.delivered_at <= o.opted_in_at OR d.redeemed_at <= d.delivered_at"
                        + " OR NOT EXISTS (SELECT 1 FROM $s.events e WHERE e.recipient_id = d.recipient_id AND e.event_type = 'gift_card_issued' AND e.occurred_at = d.delivered_at)"
                        + " OR (d.redeemed_at IS NOT NULL) <> EXISTS (SELECT 1 FROM $s.events e WHERE e.recipient_id = d.recipient_id"
                        + " AND e.event_type = 'gift_card_redeemed' AND e.occurred_at = d.redeemed_at)");
        SQL.put("a delivered card is the client's, in the brand and amount of the campaign's reward, bought before delivery",
                "SELECT count(*) FROM $s.gift_card_deliveries d JOIN $s.gift_card_inventory i ON i.id = d.gift_card_inventory_id"
                        + " JOIN $s.campaign_reward_configs r ON r.id = d.campaign_reward_config_id JOIN $s.campaigns k ON k.id = d.campaign_id"
                        + " WHERE r.campaign_id <> d.campaign_id OR i.gift_card_brand_id <> r.gift_card_brand_id OR i.denomination <> r.amount"
                        + " OR d.amount <> r.amount OR i.client_id <> k.client_id OR i.purchased_at >= d.delivered_at");
        SQL.put("inventory status agrees with deliveries and redemptions",
                "SELECT count(*) FROM $s.gift_card_inventory i LEFT JOIN $s.gift_card_deliveries d ON d.gift_card_inventory_id = i.id"
                        + " WHERE i.status <> CASE WHEN d.id IS NULL THEN 'available' WHEN d.redeemed_at IS NULL THEN 'delivered' ELSE 'redeemed' END");
        SQL.put("finance reconciles: mailing cost, reward spend and total per campaign",
                "SELECT count(*) FROM $s.campaigns c WHERE c.mailing_cost <> c.cost_per_piece * c.pieces_mailed"
                        + " OR c.total_spend <> c.mailing_cost + c.reward_spend"
                        + " OR c.pieces_mailed <> (SELECT count(*) FROM $s.events e WHERE e.campaign_id = c.id AND e.event_type = 'mailed')"
                        + " OR c.reward_spend <> (SELECT coalesce(sum(d.amount), 0) FROM $s.gift_card_deliveries d WHERE d.campaign_id = c.id)");
        SQL.put("the audit log leads, change by change, to the recipient's status",
                "SELECT count(*) FROM (SELECT r.status, a.old_status, a.new_status, a.occurred_at, a.campaign_id, r.campaign_id AS recipient_campaign,"
                        + " lag(a.new_status) OVER w AS previous, lag(a.occurred_at) OVER w AS previous_at, lead(a.id) OVER w AS next"
                        + " FROM $s.recipient_audit_log a JOIN $s.recipients r ON r.id = a.recipient_id"
                        + " WINDOW w AS (PARTITION BY a.recipient_id ORDER BY a.occurred_at, a.id)) t"
                        + " WHERE t.old_status <> coalesce(t.previous, 'pending') OR t.occurred_at <= t.previous_at"
                        + " OR (t.next IS NULL AND t.new_status <> t.status) OR t.campaign_id <> t.recipient_campaign");
        SQL.put("every recipient past pending has an audit trail",
                "SELECT count(*) FROM $s.recipients r WHERE r.status <> 'pending' AND NOT EXISTS (SELECT 1 FROM $s.recipient_audit_log a WHERE a.recipient_id = r.id)");
        SQL.put("participation summarises the recipient's events",
                "SELECT count(*) FROM $s.contact_campaign_participation p JOIN $s.recipients r ON r.id = p.recipient_id"
                        + " WHERE p.contact_id <> r.contact_id OR p.campaign_id <> r.campaign_id OR p.status <> r.status"
                        + " OR p.event_count <> (SELECT count(*) FROM $s.events e WHERE e.recipient_id = r.id)"
                        + " OR p.called <> EXISTS (SELECT 1 FROM $s.events e WHERE e.recipient_id = r.id AND e.event_type = 'call_received')"
                        + " OR p.last_engaged_at IS DISTINCT FROM (SELECT max(e.occurred_at) FROM $s.events e WHERE e.recipient_id = r.id"
                        + " AND e.event_type NOT IN ('mailed', 'delivered'))");
        SQL.put("a tracked number is released only after its campaign's calls",
                "SELECT count(*) FROM $s.tracked_phone_numbers n JOIN $s.campaigns c ON c.id = n.campaign_id"
                        + " WHERE (n.status = 'released') <> (n.released_at IS NOT NULL) OR n.provisioned_at < c.created_at"
                        + " OR (n.status = 'released' AND c.status <> 'completed')");
    }

    private CrossTableInvariants() {}

    /** Runs every rule on the tables of {@code schema}, asserting that none is broken. */
    static void assertHold(java.sql.Statement statement, String schema, String dataset)
            throws java.sql.SQLException
    {
        for (var invariant : SQL.entrySet()) {
            try (java.sql.ResultSet violations = statement.executeQuery(invariant.getValue().replace("$s", schema))) {
                violations.next();
                org.assertj.core.api.Assertions.assertThat(violations.getLong(1)).as("%s in %s", invariant.getKey(), dataset).isZero();
            }
        }
    }
}
