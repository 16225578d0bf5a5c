package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;
import dev.simdata.time.CivilTime;

import java.util.List;

/** What is derived about one organization, shared by the organizations table and its children. */
final class OrganizationFacts
{
    static final WeightedChoice<String> INDUSTRY = WeightedChoice.of(
            List.of("marketing_agency", "print_and_mail", "digital_agency", "franchise_group", "consultancy"),
            0.45, 0.20, 0.18, 0.10, 0.07);
    static final WeightedChoice<String> PLAN = WeightedChoice.of(List.of("starter", "growth", "enterprise"), 0.40, 0.45, 0.15);
    static final WeightedChoice<String> TIME_ZONE = WeightedChoice.of(
            List.of("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
            0.50, 0.25, 0.10, 0.15);
    private static final String[] SUFFIXES = {"Marketing", "Media", "Direct", "Mail Group", "Partners", "Agency", "Creative"};

    int index;
    String name;
    String domain;
    long createdAt;
    String industry;
    String plan;
    String timeZone;

    void compute(Platform platform, RowRandom random, int organization)
    {
        random.reset(Streams.ORGANIZATION, organization);
        index = organization;
        String[] companies = platform.pools().companies;
        String company = companies[(int) ((organization * 7_919L) % companies.length)];
        name = company + " " + SUFFIXES[random.nextInt(SUFFIXES.length)];
        domain = Pools.slug(name) + ".com";
        industry = INDUSTRY.pick(random);
        plan = PLAN.pick(random);
        timeZone = TIME_ZONE.pick(random);
        int from = platform.asOfDay - 5 * 365;
        int to = platform.activityStartDay() - 400;
        createdAt = platform.calendar.activityInstant(random, random.between(from, to));
    }

    static int createdDay(long createdAt)
    {
        return CivilTime.epochDayOf(createdAt);
    }
}
