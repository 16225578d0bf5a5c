package dev.simdata.generate;

import dev.simdata.scenario.Features;
import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import org.junit.jupiter.api.Test;

class HistoryShapeTest
{
    @Test
    void print()
    {
        Scenario custom = new Scenario("history36", "test", 10, 60, 100, 20_000, 1_500, 20, 36, Features.ALL);
        for (Scenario scenario : new Scenario[] {Scenario.LOAD_TEST, Scenario.ANALYTICS, custom, Scenario.DEMO, Scenario.DEVELOPMENT}) {
            GenerationSettings settings = GenerationSettings.defaults(scenario);
            MonthlySeries series = MonthlySeries.of(settings, true);
            System.out.println(series.table());
            CampaignLifecycle l = new Platform(settings).lifecycle;
            System.out.println("window " + l.responseWindowDays + " paused " + l.pausedShare + " sched " + l.expectedScheduled + " active " + l.expectedActive);
            System.out.println("engagement q4/summer " + series.q4OverSummer(MonthlySeries.ENGAGEMENT));
        }
    }
}
