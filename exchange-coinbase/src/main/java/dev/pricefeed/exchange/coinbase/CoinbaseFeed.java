package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Channel;
import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Which Coinbase WebSocket feed a connector speaks, chosen by the option {@code coinbase.feed}. */
public enum CoinbaseFeed {

    /** Coinbase Exchange {@code ws-feed}: several channels per subscribe, per-product sequence numbers. */
    EXCHANGE("exchange", URI.create("wss://ws-feed.exchange.coinbase.com"), "ticker", "matches"),

    /** Coinbase Advanced Trade market data: one channel per subscribe, an {@code events} envelope. */
    ADVANCED_TRADE("advanced-trade", URI.create("wss://advanced-trade-ws.coinbase.com"), "ticker", "market_trades");

    private final String optionValue;
    private final URI defaultUri;
    private final String tickerChannel;
    private final String tradesChannel;

    CoinbaseFeed(String optionValue, URI defaultUri, String tickerChannel, String tradesChannel) {
        this.optionValue = optionValue;
        this.defaultUri = defaultUri;
        this.tickerChannel = tickerChannel;
        this.tradesChannel = tradesChannel;
    }

    /**
     * The feed a value of {@code coinbase.feed} names (already checked against the declared values by the core).
     *
     * @throws IllegalArgumentException naming the accepted values when the value is none of them
     */
    public static CoinbaseFeed fromOption(String value) {
        for (CoinbaseFeed feed : values()) {
            if (feed.optionValue.equals(value)) {
                return feed;
            }
        }
        throw new IllegalArgumentException("coinbase.feed '" + value + "' is not one of "
                + Arrays.stream(values()).map(f -> f.optionValue).collect(Collectors.joining(", ")));
    }

    /** The value of {@code coinbase.feed} that selects this feed. */
    public String optionValue() {
        return optionValue;
    }

    /** The production WebSocket URI. */
    public URI defaultUri() {
        return defaultUri;
    }

    /** The feed's own name for a channel, as written in subscribe messages and the subscriptions reply. */
    public String channelName(Channel channel) {
        switch (channel) {
            case TICKER:
                return tickerChannel;
            case TRADES:
                return tradesChannel;
            default:
                throw new IllegalArgumentException("Coinbase market data has no " + channel + " channel");
        }
    }
}
