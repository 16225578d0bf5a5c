package dev.simdata.validate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which tables a dataset must have: all of schemas/ but those of a feature that is off. */
final class RequiredTables
{
    /** Tables that only a feature brings, by feature name as in the manifest's {@code simdata.features}. */
    private static final Map<String, List<String>> FEATURE_TABLES = Map.of(
            "call_center", List.of("tracked_phone_numbers", "call_sessions", "sms_opt_ins", "call_conditions_met"),
            "gift_cards", List.of("gift_card_brands", "gift_card_inventory", "gift_card_deliveries", "campaign_reward_configs"),
            "analytics", List.of("performance_metrics", "usage_analytics"),
            "error_logs", List.of("error_logs"));

    private RequiredTables() {}

    /**
     * The tables that may be absent: those of the features that are off (gift cards are only issued with the call
     * center); with no manifest to say, those of every feature.
     */
    static Set<String> optional(Optional<JsonNode> features)
    {
        Set<String> optional = new HashSet<>();
        FEATURE_TABLES.forEach((feature, tables) -> {
            boolean on = features.isPresent() && features.get().path(feature).asBoolean(false)
                    && (!feature.equals("gift_cards") || features.get().path("call_center").asBoolean(false));
            if (!on) {
                optional.addAll(tables);
            }
        });
        return optional;
    }
}
