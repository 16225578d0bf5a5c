package dev.simdata.scenario;

/**
 * The recipient journey's rates, each conditional on the step before it (DOMAIN.md): mailed of recipients,
 * delivered of mailed, QR scans, PURL visits and calls of delivered, forms and leads of visits (a lead always has a
 * form, so the lead rate never exceeds the form rate).
 */
public record JourneyRates(
        double mailed,
        double delivered,
        double qrScanned,
        double purlVisited,
        double formSubmittedPerVisit,
        double leadCreatedPerVisit,
        double callReceived)
{
    public static final JourneyRates DEFAULT = new JourneyRates(0.95, 0.85, 0.20, 0.28, 0.12, 0.10, 0.35);

    public JourneyRates
    {
        check("mailed", mailed);
        check("delivered", delivered);
        check("qr_scanned", qrScanned);
        check("purl_visited", purlVisited);
        check("form_submitted_per_visit", formSubmittedPerVisit);
        check("lead_created_per_visit", leadCreatedPerVisit);
        check("call_received", callReceived);
        if (leadCreatedPerVisit > formSubmittedPerVisit) {
            throw new IllegalArgumentException("rates.lead_created_per_visit (" + leadCreatedPerVisit + ") must not exceed rates.form_submitted_per_visit ("
                    + formSubmittedPerVisit + "): a lead always has a form");
        }
    }

    private static void check(String name, double rate)
    {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("rates." + name + " must be between 0 and 1, got " + rate);
        }
    }

    /** The chance that a form submission also creates a lead. */
    public double leadPerForm()
    {
        return formSubmittedPerVisit == 0 ? 0 : leadCreatedPerVisit / formSubmittedPerVisit;
    }
}
