package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.ExchangeContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The KuCoin options read from configuration ({@code kucoin.<key>}).
 *
 * @param stats whether {@code TICKER} also subscribes {@code /market/snapshot} for 24 h statistics
 * @param maxTopicsPerConnection the most topics on one connection (KuCoin: 400)
 * @param maxTopicsPerMessage the most topics in one subscribe message (KuCoin: 100)
 */
record KuCoinOptions(boolean stats, int maxTopicsPerConnection, int maxTopicsPerMessage) {

    /** KuCoin's limit of topics per connection on spot. */
    static final int MAX_TOPICS_PER_CONNECTION = 400;

    /** KuCoin's limit of topics per subscribe request. */
    static final int MAX_TOPICS_PER_MESSAGE = 100;

    KuCoinOptions {
        if (maxTopicsPerConnection < (stats ? 3 : 2)) {
            // one TICKER subscription alone needs this many topics, so a smaller limit could never be met
            throw new IllegalArgumentException("kucoin.max-topics-per-connection must be at least " + (stats ? 3 : 2)
                    + (stats ? " with kucoin.stats=true" : "") + ", got " + maxTopicsPerConnection);
        }
        if (maxTopicsPerMessage < 1) {
            throw new IllegalArgumentException("kucoin.max-topics-per-message must be at least 1, got "
                    + maxTopicsPerMessage);
        }
    }

    /** Reads the options, applying KuCoin's limits as defaults. */
    static KuCoinOptions from(ExchangeContext context) {
        boolean stats = bool(context.option("stats"), "stats");
        int perConnection = integer(context.option("max-topics-per-connection"), "max-topics-per-connection",
                MAX_TOPICS_PER_CONNECTION);
        int perMessage = integer(context.option("max-topics-per-message"), "max-topics-per-message",
                MAX_TOPICS_PER_MESSAGE);
        return new KuCoinOptions(stats, perConnection, perMessage);
    }

    private static boolean bool(Optional<String> value, String key) {
        if (value.isEmpty()) {
            return false;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("kucoin." + key + " must be true or false, got '" + value.get() + "'");
        }
        return Boolean.parseBoolean(text);
    }

    private static int integer(Optional<String> value, String key, int fallback) {
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kucoin." + key + " must be a whole number, got '" + value.get() + "'",
                    e);
        }
    }
}
