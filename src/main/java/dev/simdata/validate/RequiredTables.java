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
    /**
     * Tables that only some features bring, with the features (names as in the manifest's {@code simdata.features})
     * that must all be on for the table to be generated: gift cards are issued on calls, so their deliveries and the
     * conditions met on calls need the call center too.
     */
    private static final Map<String, List<String>> FEATURE_TABLES = Map.ofEntries(
            Map.entry("tracked_phone_numbers", List.of("call_center")),
            Map.entry("call_sessions", List.of("call_center")),
            Map.entry("sms_opt_ins", List.of("call_center")),
            Map.entry("call_conditions_met", List.of("call_center", "gift_cards")),
            Map.entry("gift_card_brands", List.of("gift_cards")),
            Map.entry("campaign_conditions", List.of("gift_cards")),
            Map.entry("campaign_reward_configs", List.of("gift_cards")),
            Map.entry("gift_card_inventory", List.of("gift_cards")),
            Map.entry("gift_card_deliveries", List.of("call_center", "gift_cards")),
            Map.entry("performance_metrics", List.of("analytics")),
            Map.entry("usage_analytics", List.of("analytics")),
            Map.entry("error_logs", List.of("error_logs")));

    private RequiredTables() {}

    /** The tables that may be absent: those of the features that are off; with no manifest to say, those of every feature. */
    static Set<String> optional(Optional<JsonNode> features)
    {
        Set<String> optional = new HashSet<>();
        FEATURE_TABLES.forEach((table, needed) -> {
            boolean generated = features.isPresent() && needed.stream().allMatch(feature -> features.get().path(feature).asBoolean(false));
            if (!generated) {
                optional.add(table);
            }
        });
        return optional;
    }
}
