package dev.pricefeed.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Spaces outgoing messages so that at most {@code limit} go out in any sliding {@code window}, in order. Not
 * thread-safe: used from the feed's control thread only.
 */
final class Pacer {

    private final int limit;
    private final long windowNanos;
    /** Send times reserved so far (nanoTime), non-decreasing; those older than one window are forgotten. */
    private final List<Long> reserved = new ArrayList<>();

    Pacer(int limit, Duration window) {
        this.limit = limit;
        // A little slack so the exchange's clock never sees limit + 1 messages in its window.
        this.windowNanos = window.toNanos() + window.toNanos() / 20;
    }

    /** Reserves the next send slot and returns how long after {@code now} (nanoTime) the message must wait. */
    long reserve(long now) {
        if (limit == Integer.MAX_VALUE) {
            return 0;
        }
        while (!reserved.isEmpty() && reserved.get(0) <= now - windowNanos) {
            reserved.remove(0);
        }
        long at = now;
        if (!reserved.isEmpty()) {
            at = Math.max(at, reserved.get(reserved.size() - 1));
        }
        if (reserved.size() >= limit) {
            at = Math.max(at, reserved.get(reserved.size() - limit) + windowNanos);
        }
        reserved.add(at);
        return at - now;
    }
}
