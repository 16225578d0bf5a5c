package dev.simdata.generate;

import dev.simdata.random.RowRandom;
import dev.simdata.random.WeightedChoice;

import java.util.List;

/** One inbound call, as a journey recomputes it. A mutable holder, reused per thread. */
final class Call
{
    static final List<String> OUTCOMES = List.of("sms_opted_in", "information", "callback_requested", "not_interested", "voicemail", "missed");
    static final int SMS_OPTED_IN = 0;
    static final int INFORMATION = 1;
    private static final WeightedChoice<Integer> ANSWERED_OUTCOME = WeightedChoice.of(List.of(1, 2, 3), 0.50, 0.20, 0.30);
    private static final WeightedChoice<Integer> UNANSWERED_OUTCOME = WeightedChoice.of(List.of(4, 5), 0.40, 0.60);

    /** Epoch second the call started. */
    long startedAt;
    boolean answered;
    int durationSeconds;
    /** The answering agent's user index; meaningless when unanswered. */
    int agent;
    /** Index into {@link #OUTCOMES}. */
    int outcome;
    /** Which of the campaign's tracked numbers was dialled. */
    int number;

    /**
     * Draws the call's details: an answered conversation lasts 1–40 minutes, most of them a few; an unanswered call
     * rings out or reaches voicemail within a minute.
     */
    void draw(Platform platform, RowRandom random, CampaignFacts campaign, long startedAt, boolean answered, boolean optedIn)
    {
        this.startedAt = startedAt;
        this.answered = answered;
        number = random.nextInt(campaign.trackedNumbers);
        if (answered) {
            durationSeconds = 60 + (int) Math.min(2_340, -Math.log(1 - random.nextDouble()) * 240);
            agent = platform.users.pick(random, platform.organizationOfClient(campaign.client), startedAt);
            outcome = optedIn ? SMS_OPTED_IN : ANSWERED_OUTCOME.pick(random);
        }
        else {
            durationSeconds = random.between(8, 55);
            outcome = UNANSWERED_OUTCOME.pick(random);
        }
    }

    String outcomeLabel()
    {
        return OUTCOMES.get(outcome);
    }
}
