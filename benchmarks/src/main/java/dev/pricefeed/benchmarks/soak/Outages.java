package dev.pricefeed.benchmarks.soak;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which exchanges are in an outage the soak caused: from the fault until the feed streams again, plus a grace period
 * in which the first frames of the new connection show the numbers the outage cost.
 */
final class Outages {

    private final long graceNanos;
    /** Per exchange: nanoTime until which gaps are excused; {@link Long#MAX_VALUE} while the outage lasts. */
    private final Map<String, Long> excusedUntil = new ConcurrentHashMap<>();

    Outages(long graceNanos) {
        this.graceNanos = graceNanos;
    }

    /** A fault hit the exchange: gaps are excused until {@link #recovered}. */
    void started(String exchange) {
        excusedUntil.put(exchange, Long.MAX_VALUE);
    }

    /** The exchange's feed streams again: gaps are excused for the grace period more. */
    void recovered(String exchange) {
        excusedUntil.put(exchange, System.nanoTime() + graceNanos);
    }

    /** Whether a gap seen now on the exchange's streams is explained by an outage. */
    boolean excuses(String exchange) {
        Long until = excusedUntil.get(exchange);
        return until != null && System.nanoTime() < until;
    }
}
