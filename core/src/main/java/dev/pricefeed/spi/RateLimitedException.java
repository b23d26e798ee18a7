package dev.pricefeed.spi;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/** The exchange answered "too many requests"; wait {@link #retryAfter()} before the next request. */
public class RateLimitedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter is null");
    }

    /** How long to wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
