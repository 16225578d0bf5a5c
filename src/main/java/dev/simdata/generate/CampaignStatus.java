package dev.simdata.generate;

/** Campaign statuses, in the order of the {@code campaigns.status} enum in schemas/. */
enum CampaignStatus
{
    DRAFT, SCHEDULED, ACTIVE, PAUSED, COMPLETED, CANCELLED;

    final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** True when the mail has been (or is being) sent, so recipients have journeys. */
    boolean mailed()
    {
        return this == ACTIVE || this == PAUSED || this == COMPLETED;
    }
}
