package dev.pricefeed;

/** What a feed subscribes to. */
public enum Channel {
    /** Last price, best bid/offer with sizes and 24 h statistics, merged into one {@link Tick} per instrument. */
    TICKER,
    /** Every public trade as a {@link Trade}. */
    TRADES,
    /** The account's own order executions (private, needs credentials). */
    EXECUTIONS,
    /** The account's balances (private, needs credentials). */
    BALANCES;

    /** Whether this channel belongs to the account rather than to an instrument. */
    public boolean isPrivate() {
        return this == EXECUTIONS || this == BALANCES;
    }
}
