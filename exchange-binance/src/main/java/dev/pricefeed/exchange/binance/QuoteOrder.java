package dev.pricefeed.exchange.binance;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest {@code bookTicker} update id ({@code u}) seen per symbol across every connection of a feed, so a stale
 * or repeated quote (an old connection still talking during a handover) never overwrites a newer one.
 * {@code u} is the order book's update counter, shared with the depth stream, so it jumps by design: only its order
 * matters, which is why it is not fed to {@code ParseSink.sequence} (that would report every jump as a gap).
 * Thread-safe.
 */
final class QuoteOrder {

    private final ConcurrentHashMap<String, Long> newest = new ConcurrentHashMap<>();

    /** Records {@code updateId} for a symbol and tells whether it is newer than every one seen before. */
    boolean advance(String symbol, long updateId) {
        boolean[] newer = {false};
        newest.compute(symbol, (k, old) -> {
            if (old == null || updateId > old) {
                newer[0] = true;
                return updateId;
            }
            return old;
        });
        return newer[0];
    }
}
