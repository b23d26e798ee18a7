package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.spi.RateLimitedException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Waiting out "too many requests" answers, within bounds. */
class PacedRequestsTest {

    @Test
    @DisplayName("a short Retry-After is waited out and the request sent again")
    void shortRateLimitIsRetried() throws Exception {
        PacedRequests requests = new PacedRequests("test", Duration.ZERO, Duration.ofSeconds(1), 3);
        AtomicInteger attempts = new AtomicInteger();

        String answer = requests.send(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new RateLimitedException("HTTP 429", Duration.ofMillis(10));
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(attempts).hasValue(3);
    }

    @Test
    @DisplayName("a Retry-After over the maximum is thrown at once")
    void longRateLimitIsThrown() {
        PacedRequests requests = new PacedRequests("test", Duration.ZERO, Duration.ofSeconds(1), 3);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> requests.send(() -> {
            attempts.incrementAndGet();
            throw new RateLimitedException("HTTP 418", Duration.ofMinutes(5));
        })).isInstanceOf(RateLimitedException.class).hasMessage("HTTP 418");
        assertThat(attempts).hasValue(1);
    }

    @Test
    @DisplayName("after the allowed retries the last refusal is thrown; other failures are never retried")
    void retriesAreBounded() {
        PacedRequests requests = new PacedRequests("test", Duration.ZERO, Duration.ofSeconds(1), 2);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> requests.send(() -> {
            attempts.incrementAndGet();
            throw new RateLimitedException("HTTP 429", Duration.ofMillis(1));
        })).isInstanceOf(RateLimitedException.class);
        assertThat(attempts).hasValue(3);

        AtomicInteger failures = new AtomicInteger();
        assertThatThrownBy(() -> requests.send(() -> {
            failures.incrementAndGet();
            throw new IOException("HTTP 500");
        })).isInstanceOf(IOException.class).hasMessage("HTTP 500");
        assertThat(failures).hasValue(1);
    }

    @Test
    @DisplayName("negative settings are refused")
    void negativeSettingsAreRefused() {
        assertThatThrownBy(() -> new PacedRequests("test", Duration.ofMillis(-1), Duration.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacedRequests("test", Duration.ZERO, Duration.ZERO, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
