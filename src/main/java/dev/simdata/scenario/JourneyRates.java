package dev.simdata.scenario;

import java.util.List;

/**
 * The recipient journey's rates, each conditional on the step before it (DOMAIN.md): mailed of recipients,
 * delivered of mailed, QR scans, PURL visits and calls of delivered, forms and leads of visits (a lead always has a
 * form, so the lead rate never exceeds the form rate), answered of calls, SMS opt-ins of answered calls, gift cards
 * of opt-ins and redemptions of gift cards.
 */
public record JourneyRates(
        double mailed,
        double delivered,
        double qrScanned,
        double purlVisited,
        double formSubmittedPerVisit,
        double leadCreatedPerVisit,
        double callReceived,
        double callAnswered,
        double smsOptedInPerAnswered,
        double giftCardPerOptIn,
        double giftCardRedeemed)
{
    /** The rates' names in configuration files and manifests, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of(
            "mailed", "delivered", "qr_scanned", "purl_visited", "form_submitted_per_visit", "lead_created_per_visit", "call_received",
            "call_answered", "sms_opted_in_per_answered", "gift_card_per_opt_in", "gift_card_redeemed");

    public static final JourneyRates DEFAULT = new JourneyRates(0.95, 0.85, 0.20, 0.28, 0.12, 0.10, 0.35, 0.85, 0.68, 0.85, 0.70);

    public JourneyRates
    {
        double[] values = {mailed, delivered, qrScanned, purlVisited, formSubmittedPerVisit, leadCreatedPerVisit, callReceived,
                callAnswered, smsOptedInPerAnswered, giftCardPerOptIn, giftCardRedeemed};
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalArgumentException("rates." + NAMES.get(i) + " must be between 0 and 1, got " + values[i]);
            }
        }
        if (leadCreatedPerVisit > formSubmittedPerVisit) {
            throw new IllegalArgumentException("rates.lead_created_per_visit (" + leadCreatedPerVisit + ") must not exceed rates.form_submitted_per_visit ("
                    + formSubmittedPerVisit + "): a lead always has a form");
        }
    }

    /** Rates from values in the order of {@link #NAMES}. */
    public static JourneyRates of(double[] values)
    {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " rates, got " + values.length);
        }
        return new JourneyRates(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8], values[9], values[10]);
    }

    /** The values in the order of {@link #NAMES}. */
    public double[] values()
    {
        return new double[] {mailed, delivered, qrScanned, purlVisited, formSubmittedPerVisit, leadCreatedPerVisit, callReceived,
                callAnswered, smsOptedInPerAnswered, giftCardPerOptIn, giftCardRedeemed};
    }

    /** The chance that a form submission also creates a lead. */
    public double leadPerForm()
    {
        return formSubmittedPerVisit == 0 ? 0 : leadCreatedPerVisit / formSubmittedPerVisit;
    }
}
