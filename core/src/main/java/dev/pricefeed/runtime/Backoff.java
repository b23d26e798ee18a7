package dev.pricefeed.runtime;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter and a cap: attempt n (1-based) waits between half and all of
 * {@code min(cap, base * 2^(n-1))}, so a crowd of clients spreads out but never retries faster than half the step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final DoubleSupplier random;

    /**
     * @param base the first step
     * @param cap the largest step
     * @param random uniform values in [0, 1) (injectable so tests are exact)
     */
    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The step of attempt n before jitter. */
    public Duration step(int attempt) {
        if (attempt < 1) {
            return Duration.ZERO;
        }
        long baseNanos = base.toNanos();
        long capNanos = cap.toNanos();
        int shift = Math.min(attempt - 1, 62);
        long step = baseNanos > (capNanos >> shift) ? capNanos : baseNanos << shift;
        return Duration.ofNanos(Math.min(step, capNanos));
    }

    /** The delay before attempt n, with jitter. */
    public Duration delay(int attempt) {
        long step = step(attempt).toNanos();
        long half = step / 2;
        return Duration.ofNanos(half + (long) ((step - half) * random.getAsDouble()));
    }
}
