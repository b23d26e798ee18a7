package dev.pricefeed;

/**
 * How a listener is fed when it falls behind. Nothing is dropped silently: conflated and dropped updates are counted
 * in {@link FeedMetrics}.
 *
 * @param policy what to do when the listener is slower than the feed
 * @param capacity the queue bound for {@link OverflowPolicy#QUEUE}
 */
public record Delivery(OverflowPolicy policy, int capacity) {

    /** The default bound of a queued listener. */
    public static final int DEFAULT_CAPACITY = 65_536;

    public Delivery {
        if (policy == null) {
            throw new IllegalArgumentException("policy is null");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
    }

    /** What to do when a listener falls behind. */
    public enum OverflowPolicy {
        /** Keep only the newest update per instrument; the ones replaced are counted as conflated. */
        CONFLATE,
        /** Queue every update up to a bound; beyond it updates are dropped and counted. */
        QUEUE,
        /** No queue: the listener runs on the socket's read thread (see {@link Delivery#inline()}). */
        INLINE
    }

    /** The newest tick per instrument wins (the default for ticks). */
    public static Delivery conflate() {
        return new Delivery(OverflowPolicy.CONFLATE, DEFAULT_CAPACITY);
    }

    /** Every update in order, up to {@code capacity} waiting (the default for trades and events). */
    public static Delivery queue(int capacity) {
        return new Delivery(OverflowPolicy.QUEUE, capacity);
    }

    /** Every update in order with the default bound. */
    public static Delivery queue() {
        return queue(DEFAULT_CAPACITY);
    }

    /**
     * For listeners that never block: the listener runs on the socket's read thread right after the cache is updated,
     * with no queue and no thread hand-off (the lowest latency and CPU per update). Nothing is conflated or dropped;
     * while the listener runs, that connection reads nothing, so a slow listener delays its own feed (never the cache
     * of other connections, never other feeds). An exception is logged and counted, and the listener stays.
     */
    public static Delivery inline() {
        return new Delivery(OverflowPolicy.INLINE, 1);
    }
}
