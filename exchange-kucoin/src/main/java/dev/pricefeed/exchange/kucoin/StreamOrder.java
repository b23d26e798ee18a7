package dev.pricefeed.exchange.kucoin;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest sequence number or timestamp seen per stream across every connection of a feed, so an older or repeated
 * push (an old connection still talking during a handover) never overwrites a newer one. KuCoin's ticker
 * {@code sequence} is the order book's counter and its match {@code sequence} the book's counter (recordings) or the
 * trade id (current docs), neither counting one symbol's trades one by one: both jump by design, so only their order
 * is checked; handing them to {@code ParseSink.sequence} would report every jump as a lost message. Thread-safe and allocation-free apart from boxing.
 */
final class StreamOrder {

    private final ConcurrentHashMap<String, Long> newest = new ConcurrentHashMap<>();

    /** Records a sequence number; {@code true} when it is newer than every one seen on the stream before. */
    boolean newer(String stream, long sequence) {
        return advance(stream, sequence, true);
    }

    /** Records a timestamp; {@code true} unless it is older than one seen before (two pushes may share a millisecond). */
    boolean notOlder(String stream, long timestamp) {
        return advance(stream, timestamp, false);
    }

    private boolean advance(String stream, long value, boolean strict) {
        while (true) {
            Long old = newest.get(stream);
            if (old == null) {
                if (newest.putIfAbsent(stream, value) == null) {
                    return true;
                }
            } else if (value < old || (value == old && strict)) {
                return false;
            } else if (value == old || newest.replace(stream, old, value)) {
                return true;
            }
        }
    }
}
