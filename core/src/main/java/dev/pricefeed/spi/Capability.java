package dev.pricefeed.spi;

/** What a connector can do, as listed by {@code pricefeed exchanges}. */
public enum Capability {
    TICKER,
    BEST_BID_OFFER,
    STATS_24H,
    TRADES,
    SEQUENCE_CHECKS,
    PRIVATE_CHANNELS,
    REST_FALLBACK,
    /** Historical candles through {@link ExchangeConnector#history()}. */
    HISTORY
}
