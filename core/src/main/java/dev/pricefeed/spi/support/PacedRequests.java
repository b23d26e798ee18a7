package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.spi.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces a connector's own REST requests (such as history pages) by a minimum gap, and waits out "too many requests"
 * answers as the exchange asks, a few times, when the wait is short. Thread-safe: concurrent callers share the gap.
 */
public final class PacedRequests {

    /** One request. */
    @FunctionalInterface
    public interface Request<T> {
        /** Sends the request and reads the answer. */
        T send() throws IOException, InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(PacedRequests.class);

    private final String name;
    private final Duration gap;
    private final Duration maxWait;
    private final int retries;
    private long nextAllowedNanos = System.nanoTime();

    /**
     * @param name what the requests are, for log lines (such as {@code kraken OHLC})
     * @param gap the shortest time between the starts of two requests
     * @param maxWait the longest {@code Retry-After} waited out; a longer one is thrown to the caller
     * @param retries how many rate-limit answers in a row are waited out before giving up
     */
    public PacedRequests(String name, Duration gap, Duration maxWait, int retries) {
        this.name = requireNonNull(name, "name is null");
        this.gap = requireNonNull(gap, "gap is null");
        this.maxWait = requireNonNull(maxWait, "maxWait is null");
        if (gap.isNegative() || maxWait.isNegative() || retries < 0) {
            throw new IllegalArgumentException("gap, maxWait and retries must not be negative");
        }
        this.retries = retries;
    }

    /** The shortest time between two requests. */
    public Duration gap() {
        return gap;
    }

    /**
     * Waits for the request's turn, sends it, and on {@link RateLimitedException} waits as told and sends it again.
     *
     * @throws RateLimitedException when the exchange keeps refusing or asks for a wait longer than the maximum
     */
    public <T> T send(Request<T> request) throws IOException, InterruptedException {
        int refused = 0;
        Duration extra = Duration.ZERO;
        while (true) {
            awaitTurn(extra);
            try {
                return request.send();
            } catch (RateLimitedException slowDown) {
                refused++;
                if (refused > retries || slowDown.retryAfter().compareTo(maxWait) > 0) {
                    throw slowDown;
                }
                LOG.warn("{}: rate limited ({}), waiting {} ms before retry {} of {}", name, slowDown.getMessage(),
                        slowDown.retryAfter().toMillis(), refused, retries);
                extra = slowDown.retryAfter();
            }
        }
    }

    /** Sleeps until the gap since the last start (or {@code extra} from now, if later) has passed, then claims it. */
    private void awaitTurn(Duration extra) throws InterruptedException {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(nextAllowedNanos, now + extra.toNanos());
            nextAllowedNanos = start + gap.toNanos();
            waitNanos = start - now;
        }
        if (waitNanos > 0) {
            // pacing the exchange's own budget: there is nothing to wait on but time
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
