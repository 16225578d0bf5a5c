package dev.simdata.generate;

import dev.simdata.random.Mix;

/**
 * Names of the independent random streams. Each concern draws from its own stream keyed by a row or parent index,
 * so adding a draw to one never shifts another.
 */
final class Streams
{
    static final long BASE = Mix.nameHash("base");
    static final long ORGANIZATION = Mix.nameHash("organization");
    static final long CLIENT = Mix.nameHash("client");
    static final long USER = Mix.nameHash("user");
    static final long CONTACT = Mix.nameHash("contact");
    static final long CAMPAIGN = Mix.nameHash("campaign");
    static final long CAMPAIGN_SIZE = Mix.nameHash("campaign-size");
    static final long TEMPLATE = Mix.nameHash("template");
    static final long REWARDS = Mix.nameHash("rewards");
    static final long TEMPLATES_PER_CLIENT = Mix.nameHash("templates-per-client");
    static final long LANDING_PAGE = Mix.nameHash("landing-page");
    static final long LANDING_PAGES_PER_CLIENT = Mix.nameHash("landing-pages-per-client");
    static final long AUDIENCE = Mix.nameHash("audience");
    static final long AUDIENCES_PER_CLIENT = Mix.nameHash("audiences-per-client");
    static final long RECIPIENT = Mix.nameHash("recipient");
    static final long JOURNEY = Mix.nameHash("journey");
    static final long CONTACT_PHONE = Mix.nameHash("contact-phone");
    static final long CALL = Mix.nameHash("call");
    static final long PHONE_NUMBERS = Mix.nameHash("phone-numbers");
    static final long GIFT_CARD_BATCH = Mix.nameHash("gift-card-batch");
    static final long GIFT_CARD = Mix.nameHash("gift-card");
    static final long AUDIT = Mix.nameHash("audit");
    static final long METRIC = Mix.nameHash("metric");
    static final long METRIC_SERIES = Mix.nameHash("metric-series");
    static final long USAGE = Mix.nameHash("usage");
    static final long ERROR = Mix.nameHash("error");
    static final long INCIDENTS = Mix.nameHash("incidents");

    private Streams() {}
}
