package dev.simdata.generate;

/** A recipient's furthest journey step by the as-of date, in the order of the {@code recipients.status} enum. */
enum RecipientStatus
{
    PENDING, CANCELLED, SUPPRESSED, MAILED, RETURNED, DELIVERED, ENGAGED, CONVERTED;

    final String label = name().toLowerCase(java.util.Locale.ROOT);

    /** Whether a recipient in this status has a {@code mailed} event. */
    boolean mailed()
    {
        return ordinal() >= MAILED.ordinal();
    }
}
