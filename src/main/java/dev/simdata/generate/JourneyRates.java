package dev.simdata.generate;

/**
 * The recipient journey's rates, each conditional on the step before it (DOMAIN.md).
 */
record JourneyRates(
        double mailed,
        double delivered,
        double qrScanned,
        double purlVisited,
        double formSubmittedPerVisit,
        double leadCreatedPerVisit,
        double callReceived)
{
    static final JourneyRates DEFAULT = new JourneyRates(0.95, 0.85, 0.20, 0.28, 0.12, 0.10, 0.35);

    JourneyRates
    {
        if (leadCreatedPerVisit > formSubmittedPerVisit) {
            throw new IllegalArgumentException("a lead always has a form: lead rate must not exceed form rate");
        }
    }

    /** The chance that a form submission also creates a lead. */
    double leadPerForm()
    {
        return formSubmittedPerVisit == 0 ? 0 : leadCreatedPerVisit / formSubmittedPerVisit;
    }
}
