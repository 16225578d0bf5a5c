package dev.simdata.generate;

import java.util.Locale;

/**
 * The tables of {@code schemas/catalog.json}, as constants, so that a generator naming a table it does not mean
 * is a compile error. Not a second definition: {@code TableTest} checks that these are exactly the catalog's
 * tables, in its order, and the schema of each is still read from {@code schemas/}.
 */
enum Table
{
    ORGANIZATIONS, CLIENTS, USERS, CONTACTS, TEMPLATES, LANDING_PAGES, AUDIENCES, GIFT_CARD_BRANDS, CAMPAIGNS,
    CAMPAIGN_CONDITIONS, CAMPAIGN_REWARD_CONFIGS, TRACKED_PHONE_NUMBERS, GIFT_CARD_INVENTORY, RECIPIENTS, EVENTS,
    RECIPIENT_AUDIT_LOG, CONTACT_CAMPAIGN_PARTICIPATION, CALL_SESSIONS, SMS_OPT_INS, CALL_CONDITIONS_MET,
    GIFT_CARD_DELIVERIES, PERFORMANCE_METRICS, USAGE_ANALYTICS, ERROR_LOGS;

    /** The table's name in {@code schemas/}: the constant in lower case. */
    final String schemaName = name().toLowerCase(Locale.ROOT);

    /** The constant of the table {@code schemas/} names {@code schemaName}. */
    static Table named(String schemaName)
    {
        for (Table table : values()) {
            if (table.schemaName.equals(schemaName)) {
                return table;
            }
        }
        throw new IllegalStateException("schemas/ has a table " + schemaName + " that enum Table lacks");
    }
}
