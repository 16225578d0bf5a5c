package dev.simdata.scenario;

import java.time.LocalDate;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * Everything that decides the content of a dataset: the scenario, the seed, the simulated "now" (as-of date), the
 * platform's time zone and the journey rates. The same settings always give the same rows.
 */
public record GenerationSettings(Scenario scenario, long seed, LocalDate asOf, ZoneId zone, JourneyRates rates)
{
    public static final long DEFAULT_SEED = 20_240_601L;
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");

    public GenerationSettings
    {
        requireNonNull(scenario, "scenario is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(rates, "rates is null");
        if (asOf.getYear() < 2000 || asOf.getYear() > 2200) {
            throw new IllegalArgumentException("as-of date must be between 2000 and 2200, got " + asOf);
        }
    }

    /** Settings with DOMAIN.md's journey rates. */
    public GenerationSettings(Scenario scenario, long seed, LocalDate asOf, ZoneId zone)
    {
        this(scenario, seed, asOf, zone, JourneyRates.DEFAULT);
    }

    public static GenerationSettings defaults(Scenario scenario)
    {
        return new GenerationSettings(scenario, DEFAULT_SEED, DEFAULT_AS_OF, DEFAULT_ZONE);
    }
}
