package dev.pricefeed.exchange.binance;

import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.ExchangeContext;
import java.time.Duration;

/**
 * The Binance-specific settings ({@code binance.<key>}), read once per feed.
 *
 * @param maxStreamsPerConnection most streams on one connection (Binance allows 1024)
 * @param connectionLifetime when a connection is replaced (Binance cuts it at 24 h)
 */
record BinanceOptions(int maxStreamsPerConnection, Duration connectionLifetime) {

    /** Binance's documented stream limit per connection. */
    static final int MAX_STREAMS = 1024;

    /** Binance closes every connection after 24 h; the runtime starts the handover a margin before that. */
    static final Duration LIFETIME = Duration.ofHours(24);

    static final String MAX_STREAMS_KEY = "max-streams-per-connection";
    static final String LIFETIME_KEY = "connection-lifetime";

    BinanceOptions {
        if (maxStreamsPerConnection < 2 || maxStreamsPerConnection > MAX_STREAMS) {
            throw new IllegalArgumentException("binance." + MAX_STREAMS_KEY + " must be between 2 and " + MAX_STREAMS
                    + ", was " + maxStreamsPerConnection);
        }
        if (connectionLifetime.isNegative() || connectionLifetime.isZero()) {
            throw new IllegalArgumentException("binance." + LIFETIME_KEY + " must be positive, was "
                    + connectionLifetime);
        }
    }

    /** Reads the options of a feed, with Binance's limits as defaults. */
    static BinanceOptions from(ExchangeContext context) {
        int streams = context.option(MAX_STREAMS_KEY).map(v -> parseInt(MAX_STREAMS_KEY, v)).orElse(MAX_STREAMS);
        Duration lifetime = context.option(LIFETIME_KEY).map(v -> parseDuration(LIFETIME_KEY, v)).orElse(LIFETIME);
        return new BinanceOptions(streams, lifetime);
    }

    private static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("binance." + key + " '" + value + "' is not a whole number", e);
        }
    }

    private static Duration parseDuration(String key, String value) {
        try {
            return FeedConfig.parseDuration(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("binance." + key + " '" + value + "' is not a duration such as 30s", e);
        }
    }
}
