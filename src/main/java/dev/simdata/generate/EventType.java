package dev.simdata.generate;

/** Journey steps, in the order of the {@code events.event_type} enum in schemas/. */
enum EventType
{
    MAILED, DELIVERED, QR_SCANNED, PURL_VISITED, FORM_SUBMITTED, LEAD_CREATED, CALL_RECEIVED, SMS_OPTED_IN, GIFT_CARD_ISSUED, GIFT_CARD_REDEEMED;

    static final EventType[] VALUES = values();

    final String label = name().toLowerCase(java.util.Locale.ROOT);
}
