package dev.simdata.generate;

import dev.simdata.scenario.GenerationSettings;
import dev.simdata.scenario.Scenario;
import dev.simdata.schema.TableSchema;
import dev.simdata.schema.TableSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaigns over the whole history: drafts are abandoned all through it, not piled up before the as-of date.
 * Measured on load_test's 1,000 campaigns (12 months), straight from the campaigns generator.
 */
class CampaignHistoryTest
{
    private static final ZoneId ZONE = GenerationSettings.DEFAULT_ZONE;

    @Test
    void draftsAreCreatedAllThroughTheHistory()
    {
        TableSource campaigns = GeneratedRows.source(GeneratedRows.sources(Scenario.LOAD_TEST), "campaigns");
        TableSchema schema = campaigns.schema();
        int status = schema.columnIndex("status");
        int created = schema.columnIndex("created_at");
        long asOfDay = GenerationSettings.DEFAULT_AS_OF.toEpochDay();
        // the history and the lead-in weeks before it, in which campaigns are created too
        long historyDays = 365 + CampaignLifecycle.LEAD_IN_DAYS;
        long[] draftsByQuarter = new long[4];
        long[] drafts = {0};
        GeneratedRows.forEach(campaigns, row -> {
            if (!row.string(status).toString().equals("draft")) {
                return;
            }
            long day = Instant.ofEpochSecond(row.longValue(created)).atZone(ZONE).toLocalDate().toEpochDay();
            long age = asOfDay - day;
            assertThat(age).as("draft created within the history").isBetween(1L, historyDays + 1);
            draftsByQuarter[(int) Math.min(3, (historyDays - age) * 4 / historyDays)]++;
            drafts[0]++;
        });
        // about 100 drafts: a quarter of the history holds about 25 (seasonal weights move that by a few);
        // the old model put every draft in the last 45 days, so the first three quarters held none
        assertThat(drafts[0]).isBetween(70L, 130L);
        for (int quarter = 0; quarter < 4; quarter++) {
            assertThat(draftsByQuarter[quarter] / (double) drafts[0]).as("share of drafts in quarter " + (quarter + 1))
                    .isBetween(0.12, 0.40);
        }
    }
}
