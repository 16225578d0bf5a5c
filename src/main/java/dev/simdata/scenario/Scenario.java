package dev.simdata.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The volumes of a dataset. Organizations, clients, contacts and campaigns are exact targets; users are exact in
 * generated data too. Recipients follow from campaigns ({@code recipientsPerCampaign} on average, never more than
 * the client's contacts); everything below recipients follows from the journey rates. The features say which parts
 * of the platform the dataset covers.
 */
public record Scenario(
        String name,
        String description,
        int organizations,
        int clients,
        int users,
        int contacts,
        int campaigns,
        int recipientsPerCampaign,
        int historyMonths,
        Features features,
        double growthPerYear)
{
    /** The bounds of {@link #growthPerYear}: a business that shrinks by 90% a year, or grows elevenfold. */
    public static final double MIN_GROWTH_PER_YEAR = -0.9;
    public static final double MAX_GROWTH_PER_YEAR = 10;

    public static final Scenario DEMO = new Scenario("demo", "a small, browsable dataset", 2, 6, 12, 300, 18, 55, 1, Features.CORE);
    public static final Scenario DEVELOPMENT = new Scenario("development", "a realistic dataset for development", 5, 20, 60, 5_000, 100, 150, 3, Features.ALL);
    public static final Scenario ANALYTICS = new Scenario("analytics", "enough history for dashboards and analytics", 12, 60, 360, 60_000, 480, 400, 6, Features.ALL);
    public static final Scenario LOAD_TEST = new Scenario("load_test", "the largest preset, for load testing", 15, 100, 600, 200_000, 1_000, 600, 12, Features.ALL);

    public static final List<Scenario> PRESETS = List.of(DEMO, DEVELOPMENT, ANALYTICS, LOAD_TEST);

    public Scenario
    {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requirePositive("organizations", organizations);
        requirePositive("clients", clients);
        requirePositive("users", users);
        requirePositive("contacts", contacts);
        requirePositive("campaigns", campaigns);
        requirePositive("recipientsPerCampaign", recipientsPerCampaign);
        requirePositive("historyMonths", historyMonths);
        requireNonNull(features, "features is null");
        if (!(growthPerYear >= MIN_GROWTH_PER_YEAR && growthPerYear <= MAX_GROWTH_PER_YEAR)) {
            throw new IllegalArgumentException("growth per year must be between " + MIN_GROWTH_PER_YEAR + " and " + (int) MAX_GROWTH_PER_YEAR + ", got " + growthPerYear);
        }
        if (clients < organizations) {
            throw new IllegalArgumentException("clients (" + clients + ") must be at least organizations (" + organizations + ")");
        }
        if (contacts < clients) {
            throw new IllegalArgumentException("contacts (" + contacts + ") must be at least clients (" + clients + ")");
        }
        if (users < organizations) {
            throw new IllegalArgumentException("users (" + users + ") must be at least organizations (" + organizations + ")");
        }
    }

    /** A scenario of a business that does not grow. */
    public Scenario(String name, String description, int organizations, int clients, int users, int contacts, int campaigns,
            int recipientsPerCampaign, int historyMonths, Features features)
    {
        this(name, description, organizations, clients, users, contacts, campaigns, recipientsPerCampaign, historyMonths, features, 0);
    }

    /** This scenario with campaign activity growing by {@code growth} a year (0.2 is 20% more a year later). */
    public Scenario withGrowthPerYear(double growth)
    {
        return new Scenario(name, description, organizations, clients, users, contacts, campaigns, recipientsPerCampaign, historyMonths, features, growth);
    }

    private static void requirePositive(String what, int value)
    {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + value);
        }
    }

    /**
     * This scenario with its exact volumes (organizations, clients, users, contacts, campaigns) multiplied by
     * {@code factor} and rounded, at least 1 each and never fewer clients than organizations; recipients per
     * campaign and the history stay as they are.
     */
    public Scenario scaled(double factor)
    {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("the scale must be a positive number, got " + factor);
        }
        if (factor == 1.0) {
            return this;
        }
        int scaledOrganizations = scale(organizations, factor);
        int scaledClients = Math.max(scaledOrganizations, scale(clients, factor));
        String label = factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
        return new Scenario(name + "_x" + label, description + ", scaled " + label + "x",
                scaledOrganizations,
                scaledClients,
                Math.max(scaledOrganizations, scale(users, factor)),
                Math.max(scaledClients, scale(contacts, factor)),
                scale(campaigns, factor),
                recipientsPerCampaign,
                historyMonths,
                features,
                growthPerYear);
    }

    private static int scale(int value, double factor)
    {
        double scaled = Math.rint(value * factor);
        if (scaled > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("a scale of " + factor + " makes " + value + " too large");
        }
        return (int) Math.max(1, scaled);
    }

    public static Optional<Scenario> preset(String name)
    {
        String wanted = name.toLowerCase(Locale.ROOT).replace('-', '_');
        return PRESETS.stream().filter(scenario -> scenario.name().equals(wanted)).findFirst();
    }

    public static List<String> presetNames()
    {
        return PRESETS.stream().map(Scenario::name).toList();
    }
}
