package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces for Kraken's private REST calls: the clock's milliseconds, but always strictly greater than the last one
 * handed out, even when several threads ask within the same millisecond or the clock steps back.
 */
public final class KrakenNonce {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    /** A nonce source reading that clock. */
    public KrakenNonce(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The next nonce. */
    public long next() {
        long now = clock.millis();
        return last.updateAndGet(previous -> Math.max(previous + 1, now));
    }
}
