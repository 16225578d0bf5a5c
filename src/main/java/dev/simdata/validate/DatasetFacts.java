package dev.simdata.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simdata.dataset.DatasetException;
import dev.simdata.dataset.Manifest;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the manifest's {@code simdata} section says about the data: scenario volumes, the as-of instant, the time
 * zone and the history length. The domain checks take their expected values from here, never from the generators.
 *
 * @param volumes the scenario's figures by name ({@code organizations}, {@code recipients_per_campaign}, …)
 * @param rates the journey rates the data was made with ({@code scenario.rates}), empty when the manifest has none
 * @param growthPerYear the business's growth ({@code scenario.growth_per_year}, 0 when absent)
 */
public record DatasetFacts(String scenario, Map<String, Long> volumes, Map<String, Double> rates, LocalDate asOf, Instant asOfInstant, ZoneId zone, int historyMonths,
        double growthPerYear)
{
    public DatasetFacts
    {
        requireNonNull(scenario, "scenario is null");
        volumes = Map.copyOf(requireNonNull(volumes, "volumes is null"));
        rates = Map.copyOf(requireNonNull(rates, "rates is null"));
        requireNonNull(asOf, "asOf is null");
        requireNonNull(asOfInstant, "asOfInstant is null");
        requireNonNull(zone, "zone is null");
    }

    public Optional<Long> volume(String name)
    {
        return Optional.ofNullable(volumes.get(name));
    }

    /** The first day of the history window: the as-of date minus the history months. */
    public LocalDate windowStart()
    {
        return asOf.minusMonths(historyMonths);
    }

    /**
     * @throws DatasetException when the section lacks a field the checks need
     */
    public static DatasetFacts from(Manifest manifest)
    {
        JsonNode simdata = manifest.simdata();
        JsonNode scenario = simdata.path("scenario");
        Map<String, Long> volumes = new LinkedHashMap<>();
        scenario.fields().forEachRemaining(entry -> {
            if (entry.getValue().isIntegralNumber()) {
                volumes.put(entry.getKey(), entry.getValue().asLong());
            }
        });
        Map<String, Double> rates = new LinkedHashMap<>();
        scenario.path("rates").fields().forEachRemaining(entry -> {
            if (entry.getValue().isNumber()) {
                rates.put(entry.getKey(), entry.getValue().asDouble());
            }
        });
        try {
            LocalDate asOf = LocalDate.parse(text(simdata, "as_of"));
            Instant asOfInstant = Instant.parse(text(simdata, "as_of_instant"));
            ZoneId zone = ZoneId.of(text(simdata, "time_zone"));
            return new DatasetFacts(scenario.path("name").asText("custom"), volumes, rates, asOf, asOfInstant, zone,
                    (int) scenario.path("history_months").asLong(0), scenario.path("growth_per_year").asDouble(0));
        }
        catch (DateTimeException e) {
            throw new DatasetException(Manifest.FILE_NAME + ": simdata section has a malformed date, instant or time zone: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field)
    {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new DatasetException(Manifest.FILE_NAME + ": simdata section lacks '" + field + "'");
        }
        return value.asText();
    }
}
