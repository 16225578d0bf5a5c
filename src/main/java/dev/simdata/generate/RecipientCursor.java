package dev.simdata.generate;

import dev.simdata.random.RowRandom;

/**
 * Walks recipients in order, keeping the current campaign's facts so that a campaign is recomputed once per run of
 * its recipients rather than once per recipient. Thread-confined.
 */
final class RecipientCursor
{
    final CampaignFacts campaign = new CampaignFacts();
    final Journey journey = new Journey();
    private final Platform platform;
    private final RowRandom campaignRandom;
    private final RowRandom journeyRandom;
    private long campaignEnd = -1;
    private long campaignStart = 0;

    RecipientCursor(Platform platform)
    {
        this.platform = platform;
        this.campaignRandom = platform.random();
        this.journeyRandom = platform.random();
    }

    /** Positions on a recipient: its campaign is in {@link #campaign}. Returns its position within the campaign. */
    int moveTo(long recipient)
    {
        if (recipient < campaignStart || recipient >= campaignEnd) {
            int index = platform.campaignOfRecipient(recipient);
            campaign.compute(platform, campaignRandom, index);
            campaignStart = campaign.recipientStart;
            campaignEnd = campaignStart + campaign.recipients;
        }
        return (int) (recipient - campaignStart);
    }

    /** Positions on a recipient and computes only its journey's event count and status into {@link #journey}. */
    void outcomeOf(long recipient)
    {
        moveTo(recipient);
        journey.computeOutcome(platform, journeyRandom, campaign, recipient);
    }

    /** Positions on a recipient and computes its journey into {@link #journey}. */
    void journeyOf(long recipient)
    {
        moveTo(recipient);
        journey.compute(platform, journeyRandom, campaign, recipient);
    }
}
