package dev.pricefeed.analytics;

import java.util.Locale;

/** Where a candle came from. */
public enum CandleSource {
    /** The exchange's candle history over REST. */
    HISTORY,
    /** Built from live trades. */
    LIVE,
    /** Built from the trades of a recording. */
    REPLAY;

    /** Lower-case name as in JSON output: {@code history}, {@code live}, {@code replay}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
