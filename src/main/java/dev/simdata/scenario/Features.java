package dev.simdata.scenario;

import java.util.List;

/**
 * Which parts of the platform a dataset covers. Without the call center there are no tracked numbers, calls, SMS
 * opt-ins or gift cards (the journey stops at {@code call_received}); without gift cards there are no brands,
 * reward conditions, inventory or deliveries; analytics means {@code performance_metrics} and
 * {@code usage_analytics}; error logs means {@code error_logs}.
 */
public record Features(boolean callCenter, boolean giftCards, boolean analytics, boolean errorLogs)
{
    /** The toggles' names in configuration files and manifests, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("call_center", "gift_cards", "analytics", "error_logs");

    public static final Features ALL = new Features(true, true, true, true);
    /** DOMAIN.md's demo: the call center and gift cards, without the platform's analytics and error logs. */
    public static final Features CORE = new Features(true, true, false, false);

    public static Features of(boolean[] values)
    {
        return new Features(values[0], values[1], values[2], values[3]);
    }

    public boolean[] values()
    {
        return new boolean[] {callCenter, giftCards, analytics, errorLogs};
    }

    /** The names of the features switched on, comma-separated, or "none". */
    public String names()
    {
        StringBuilder names = new StringBuilder();
        boolean[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (values[i]) {
                names.append(names.length() == 0 ? "" : ",").append(NAMES.get(i));
            }
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    /** Gift cards are issued on calls, so they need the call center. */
    public boolean giftCardsIssued()
    {
        return callCenter && giftCards;
    }
}
