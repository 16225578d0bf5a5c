package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;

import java.util.List;

/** What is derived about one client, shared by the clients table and its children. */
final class ClientFacts
{
    /** A skewed mix: a few industries dominate. */
    static final WeightedChoice<String> INDUSTRY = WeightedChoice.of(
            List.of("real_estate", "insurance", "automotive", "healthcare", "home_services", "financial_services",
                    "retail", "education", "nonprofit", "hospitality", "legal"),
            0.24, 0.17, 0.12, 0.10, 0.09, 0.08, 0.07, 0.05, 0.04, 0.02, 0.02);
    static final WeightedChoice<String> LIFECYCLE = WeightedChoice.of(
            List.of("onboarding", "active", "expanding", "at_risk", "churned"),
            0.12, 0.55, 0.15, 0.10, 0.08);
    private static final String[] INDUSTRY_SUFFIX = {
            "Realty", "Insurance", "Motors", "Health", "Home Services", "Financial", "Outfitters", "Academy",
            "Foundation", "Hotels", "Law"};

    int index;
    int organization;
    String name;
    String domain;
    String industry;
    String lifecycleStage;
    long createdAt;

    void compute(Platform platform, RowRandom random, OrganizationFacts organizationFacts, int client)
    {
        index = client;
        organization = platform.organizationOfClient(client);
        organizationFacts.compute(platform, random, organization);
        long organizationCreatedAt = organizationFacts.createdAt;
        random.reset(Streams.CLIENT, client);
        int industryIndex = INDUSTRY.pickIndex(random);
        industry = INDUSTRY.get(industryIndex);
        lifecycleStage = LIFECYCLE.pick(random);
        String[] companies = platform.pools().companies;
        String company = companies[(int) ((client * 104_729L + 4_271) % companies.length)];
        name = company + " " + INDUSTRY_SUFFIX[industryIndex];
        domain = Pools.slug(name) + ".com";
        int from = OrganizationFacts.createdDay(organizationCreatedAt) + 7;
        int to = platform.activityStartDay() - 200;
        createdAt = platform.calendar.activityInstant(random, random.between(Math.min(from, to), to));
    }
}
