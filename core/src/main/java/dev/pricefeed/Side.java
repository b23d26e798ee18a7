package dev.pricefeed;

/** The aggressor's (taker's) side of a trade. */
public enum Side {
    BUY,
    SELL;

    /** The opposite side, for exchanges that report the maker's side. */
    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** Lower-case name as used in JSON output: {@code buy} or {@code sell}. */
    public String wireName() {
        return this == BUY ? "buy" : "sell";
    }
}
