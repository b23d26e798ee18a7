package dev.pricefeed.spi;

/**
 * What a connector offers beyond the basics, as listed by {@code pricefeed exchanges}; the core checks each one a feed
 * needs before it starts.
 */
public enum Capability {
    /** The {@code TICKER} channel: last price, best bid and offer, 24 h statistics where the exchange sends them. */
    TICKER,
    /** The {@code TRADES} channel. */
    TRADES,
    /** The private {@code EXECUTIONS} and {@code BALANCES} channels (credentials needed). */
    PRIVATE_CHANNELS,
    /** Historical candles through {@link ExchangeConnector#history()}. */
    HISTORY
}
