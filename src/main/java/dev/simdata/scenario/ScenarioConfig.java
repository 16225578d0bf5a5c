package dev.simdata.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

import static java.util.Objects.requireNonNull;

/**
 * An effective scenario: a preset, optionally scaled and overridden by a configuration file (YAML or JSON), with the
 * time zone and journey rates. {@link #toYaml} and {@link #toJson} print it in the file format, fully explicit, so
 * that it can be copied, edited and read back to the same scenario.
 *
 * <pre>
 * base: development            # the preset to start from (default: the --scenario preset)
 * name: my_scenario            # optional
 * description: a bigger list  # optional
 * scale: 2                     # multiplies the base's volumes that are not given under counts
 * history_months: 6
 * growth_per_year: 0.2          # campaign activity a year later is 1.2× (default 0), from -0.9 to 10
 * time_zone: America/Chicago
 * counts: {organizations: 5, clients: 20, users: 60, contacts: 5000, campaigns: 100, recipients_per_campaign: 150}
 * rates: {mailed: 0.95, delivered: 0.85, qr_scanned: 0.2, purl_visited: 0.28,
 *         form_submitted_per_visit: 0.12, lead_created_per_visit: 0.1, call_received: 0.35,
 *         call_answered: 0.85, sms_opted_in_per_answered: 0.68, gift_card_per_opt_in: 0.85, gift_card_redeemed: 0.7}
 * features: {call_center: true, gift_cards: true, analytics: true, error_logs: true}
 * </pre>
 */
public record ScenarioConfig(String base, Scenario scenario, ZoneId zone, JourneyRates rates)
{
    private static final List<String> TOP_LEVEL = List.of("base", "name", "description", "scale", "history_months", "growth_per_year", "time_zone", "counts", "rates", "features");
    private static final Map<String, ToIntFunction<Scenario>> COUNTS = new LinkedHashMap<>();
    private static final List<String> RATES = JourneyRates.NAMES;
    private static final List<String> FEATURES = Features.NAMES;

    static {
        COUNTS.put("organizations", Scenario::organizations);
        COUNTS.put("clients", Scenario::clients);
        COUNTS.put("users", Scenario::users);
        COUNTS.put("contacts", Scenario::contacts);
        COUNTS.put("campaigns", Scenario::campaigns);
        COUNTS.put("recipients_per_campaign", Scenario::recipientsPerCampaign);
    }

    public ScenarioConfig
    {
        requireNonNull(base, "base is null");
        requireNonNull(scenario, "scenario is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(rates, "rates is null");
    }

    /** A preset as it is: the default time zone and DOMAIN.md's rates. */
    public static ScenarioConfig of(Scenario preset)
    {
        return new ScenarioConfig(preset.name(), preset, GenerationSettings.DEFAULT_ZONE, JourneyRates.DEFAULT);
    }

    public ScenarioConfig scaled(double factor)
    {
        return new ScenarioConfig(base, scenario.scaled(factor), zone, rates);
    }

    /**
     * Reads a configuration file over {@code base}.
     *
     * @throws ConfigException with one line naming the file, the key and (where known) the line
     */
    public static ScenarioConfig read(Path file, Scenario base)
    {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // bounded: a device such as /dev/zero, or a huge file, is refused without reading it all
            bytes = in.readNBytes(ConfigLimits.MAX_BYTES + 1);
        }
        catch (NoSuchFileException e) {
            throw new ConfigException(file + " does not exist");
        }
        catch (IOException e) {
            throw new ConfigException(file + " cannot be read: " + e.getMessage());
        }
        if (bytes.length > ConfigLimits.MAX_BYTES) {
            throw new ConfigException(file + " is larger than " + ConfigLimits.MAX_BYTES / 1024 + " KiB; a scenario configuration is a few hundred bytes, give the right file");
        }
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        JsonFactory factory = ConfigLimits.factory(json);
        Map<String, Integer> lines = new HashMap<>();
        JsonNode root;
        try {
            try (JsonParser parser = factory.createParser(bytes)) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.FIELD_NAME) {
                        lines.put(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
                    }
                }
            }
            root = new ObjectMapper(factory).readTree(bytes);
        }
        catch (JsonProcessingException e) {
            String problem = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").strip();
            problem = problem.length() <= 200 ? problem : problem.substring(0, 200) + "…";
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr();
            throw new ConfigException(file + where + ": not valid " + (json ? "JSON" : "YAML") + ": " + problem);
        }
        catch (IOException e) {
            throw new ConfigException(file + " cannot be read: " + e.getMessage());
        }
        catch (RuntimeException | StackOverflowError e) {
            // the YAML library's own limits (nesting, aliases, code points) surface as unchecked exceptions
            throw new ConfigException(file + ": not valid " + (json ? "JSON" : "YAML") + ": " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip());
        }
        ConfigLimits.checkScalars(root, "", file);
        return new Reader(file, lines).read(root, base);
    }

    /** Reads one configuration tree, naming the key and its line in every complaint. */
    private record Reader(Path file, Map<String, Integer> lines)
    {
        ScenarioConfig read(JsonNode root, Scenario preset)
        {
            if (root == null || root.isMissingNode() || root.isNull()) {
                return of(preset);
            }
            if (!root.isObject()) {
                throw fail("", "the file must hold a mapping of keys such as counts, rates and time_zone");
            }
            checkKeys(root, "", TOP_LEVEL);
            Scenario base = preset;
            if (root.has("base")) {
                String name = text(root, "base");
                base = Scenario.preset(name).orElseThrow(() -> fail("/base", "unknown preset '" + name + "'; expected one of " + String.join(", ", Scenario.presetNames())));
            }
            double scale = root.has("scale") ? number(root, "scale", "/scale") : 1.0;
            if (!(scale > 0) || scale > 10_000) {
                throw fail("/scale", "scale must be a positive number up to 10000, got " + root.get("scale").asText());
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            JsonNode countsNode = root.path("counts");
            if (!countsNode.isMissingNode()) {
                if (!countsNode.isObject()) {
                    throw fail("/counts", "counts must be a mapping of table counts");
                }
                checkKeys(countsNode, "/counts", List.copyOf(COUNTS.keySet()));
                countsNode.fields().forEachRemaining(entry -> counts.put(entry.getKey(), positiveInteger(entry.getValue(), "/counts/" + entry.getKey())));
            }
            int history = root.has("history_months") ? positiveInteger(root.get("history_months"), "/history_months") : base.historyMonths();
            if (history > 120) {
                throw fail("/history_months", "history_months must be at most 120, got " + history);
            }
            double growth = root.has("growth_per_year") ? number(root, "growth_per_year", "/growth_per_year") : base.growthPerYear();
            if (!(growth >= Scenario.MIN_GROWTH_PER_YEAR && growth <= Scenario.MAX_GROWTH_PER_YEAR)) {
                throw fail("/growth_per_year", "growth_per_year must be between " + Scenario.MIN_GROWTH_PER_YEAR + " and " + (int) Scenario.MAX_GROWTH_PER_YEAR
                        + " (0.2 is 20% more activity a year later), got " + root.get("growth_per_year").asText());
            }
            ZoneId zone = GenerationSettings.DEFAULT_ZONE;
            if (root.has("time_zone")) {
                String id = text(root, "time_zone");
                try {
                    zone = ZoneId.of(id);
                }
                catch (DateTimeException e) {
                    throw fail("/time_zone", "unknown time zone '" + id + "'; expected an IANA name such as America/New_York");
                }
            }
            JourneyRates rates = JourneyRates.DEFAULT;
            JsonNode ratesNode = root.path("rates");
            if (!ratesNode.isMissingNode()) {
                if (!ratesNode.isObject()) {
                    throw fail("/rates", "rates must be a mapping of journey rates");
                }
                checkKeys(ratesNode, "/rates", RATES);
                double[] values = rates.values();
                for (int i = 0; i < RATES.size(); i++) {
                    if (ratesNode.has(RATES.get(i))) {
                        double value = number(ratesNode, RATES.get(i), "/rates/" + RATES.get(i));
                        if (!(value >= 0 && value <= 1)) {
                            throw fail("/rates/" + RATES.get(i), "rates." + RATES.get(i) + " must be between 0 and 1, got " + ratesNode.get(RATES.get(i)).asText());
                        }
                        values[i] = value;
                    }
                }
                try {
                    rates = JourneyRates.of(values);
                }
                catch (IllegalArgumentException e) {
                    throw fail("/rates/lead_created_per_visit", e.getMessage());
                }
            }
            Features features = base.features();
            JsonNode featuresNode = root.path("features");
            if (!featuresNode.isMissingNode()) {
                if (!featuresNode.isObject()) {
                    throw fail("/features", "features must be a mapping of feature toggles (true or false)");
                }
                checkKeys(featuresNode, "/features", FEATURES);
                boolean[] values = features.values();
                for (int i = 0; i < FEATURES.size(); i++) {
                    JsonNode value = featuresNode.get(FEATURES.get(i));
                    if (value != null) {
                        if (!value.isBoolean()) {
                            throw fail("/features/" + FEATURES.get(i), "features." + FEATURES.get(i) + " must be true or false, got '" + value.asText() + "'");
                        }
                        values[i] = value.asBoolean();
                    }
                }
                features = Features.of(values);
            }
            Scenario scaled = base.scaled(scale);
            boolean customised = !counts.isEmpty() || root.has("history_months") || growth != base.growthPerYear() || !features.equals(base.features());
            String name = root.has("name") ? text(root, "name") : (customised ? base.name() + "_custom" : scaled.name());
            if (!name.matches("[a-z0-9][a-z0-9_.-]{0,62}")) {
                throw fail("/name", "name must be lower-case letters, digits, '_', '.' or '-', got '" + name + "'");
            }
            try {
                String description = root.has("description") ? text(root, "description")
                        : root.has("name") || customised ? "a custom scenario based on " + base.name() : scaled.description();
                Scenario scenario = new Scenario(name, description,
                        counts.getOrDefault("organizations", scaled.organizations()),
                        counts.getOrDefault("clients", scaled.clients()),
                        counts.getOrDefault("users", scaled.users()),
                        counts.getOrDefault("contacts", scaled.contacts()),
                        counts.getOrDefault("campaigns", scaled.campaigns()),
                        counts.getOrDefault("recipients_per_campaign", scaled.recipientsPerCampaign()),
                        history,
                        features,
                        growth);
                return new ScenarioConfig(base.name(), scenario, zone, rates);
            }
            catch (IllegalArgumentException e) {
                throw fail("/counts", "counts: " + e.getMessage());
            }
        }

        private void checkKeys(JsonNode node, String path, List<String> allowed)
        {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String where = path.isEmpty() ? "" : " under " + path.substring(1).replace('/', '.');
                    throw fail(path + "/" + name, "unknown key '" + name + "'" + where + "; expected one of " + String.join(", ", allowed));
                }
            }
        }

        private String text(JsonNode node, String field)
        {
            JsonNode value = node.get(field);
            if (!value.isTextual()) {
                throw fail("/" + field, field + " must be text, got " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return value.asText();
        }

        private double number(JsonNode node, String field, String path)
        {
            JsonNode value = node.get(field);
            if (!value.isNumber()) {
                throw fail(path, path.substring(1).replace('/', '.') + " must be a number, got '" + value.asText() + "'");
            }
            return value.asDouble();
        }

        private int positiveInteger(JsonNode value, String path)
        {
            String key = path.substring(1).replace('/', '.');
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw fail(path, key + " must be a whole number, got '" + value.asText() + "'");
            }
            if (value.asInt() <= 0) {
                throw fail(path, key + " must be at least 1, got " + value.asInt());
            }
            return value.asInt();
        }

        private ConfigException fail(String path, String message)
        {
            Integer line = lines.get(path);
            return new ConfigException(file + (line == null ? "" : " line " + line) + ": " + message);
        }
    }

    /** The configuration in YAML, fully explicit: reading it back gives this same scenario. */
    public String toYaml()
    {
        StringBuilder yaml = new StringBuilder();
        yaml.append("# simdata scenario: ").append(scenario.description()).append('\n');
        yaml.append("# generate with: scripts/simdata generate --config FILE\n");
        yaml.append("base: ").append(base).append('\n');
        yaml.append("name: ").append(scenario.name()).append('\n');
        yaml.append("description: ").append(yamlString(scenario.description())).append('\n');
        yaml.append("history_months: ").append(scenario.historyMonths()).append('\n');
        yaml.append("growth_per_year: ").append(scenario.growthPerYear()).append('\n');
        yaml.append("time_zone: ").append(zone.getId()).append('\n');
        yaml.append("counts:\n");
        COUNTS.forEach((key, value) -> yaml.append("  ").append(key).append(": ").append(value.applyAsInt(scenario)).append('\n'));
        yaml.append("rates:\n");
        double[] values = rates.values();
        for (int i = 0; i < RATES.size(); i++) {
            yaml.append("  ").append(RATES.get(i)).append(": ").append(values[i]).append('\n');
        }
        yaml.append("features:\n");
        boolean[] toggles = scenario.features().values();
        for (int i = 0; i < FEATURES.size(); i++) {
            yaml.append("  ").append(FEATURES.get(i)).append(": ").append(toggles[i]).append('\n');
        }
        return yaml.toString();
    }

    /** A double-quoted YAML scalar. */
    private static String yamlString(String text)
    {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The configuration in JSON, fully explicit. */
    public String toJson()
    {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("base", base);
        root.put("name", scenario.name());
        root.put("description", scenario.description());
        root.put("history_months", scenario.historyMonths());
        root.put("growth_per_year", scenario.growthPerYear());
        root.put("time_zone", zone.getId());
        ObjectNode counts = root.putObject("counts");
        COUNTS.forEach((key, value) -> counts.put(key, value.applyAsInt(scenario)));
        root.set("rates", ratesNode(json, rates));
        root.set("features", featuresNode(json, scenario.features()));
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Journey rates as a mapping, for configuration files and manifests. */
    public static ObjectNode ratesNode(ObjectMapper json, JourneyRates rates)
    {
        ObjectNode node = json.createObjectNode();
        double[] values = rates.values();
        for (int i = 0; i < RATES.size(); i++) {
            node.put(RATES.get(i), values[i]);
        }
        return node;
    }

    /** Feature toggles as a mapping, for configuration files and manifests. */
    public static ObjectNode featuresNode(ObjectMapper json, Features features)
    {
        ObjectNode node = json.createObjectNode();
        boolean[] values = features.values();
        for (int i = 0; i < FEATURES.size(); i++) {
            node.put(FEATURES.get(i), values[i]);
        }
        return node;
    }



    /** A configuration the user must fix; the message is one line naming the file, key and line. */
    public static final class ConfigException
            extends IllegalArgumentException
    {
        public ConfigException(String message)
        {
            super(message);
        }
    }
}
