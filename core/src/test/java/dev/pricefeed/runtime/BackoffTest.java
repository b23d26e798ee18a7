package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void stepDoublesFromTheBaseUntilTheCap() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(60), () -> 0.0);
        assertThat(backoff.step(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.step(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.step(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.step(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.step(5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.step(500)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void jitterKeepsTheDelayBetweenHalfAndAllOfTheStep() {
        assertThat(new Backoff(Duration.ofSeconds(4), Duration.ofMinutes(1), () -> 0.0).delay(2))
                .isEqualTo(Duration.ofSeconds(4));
        assertThat(new Backoff(Duration.ofSeconds(4), Duration.ofMinutes(1), () -> 0.5).delay(2))
                .isEqualTo(Duration.ofSeconds(6));
        assertThat(new Backoff(Duration.ofSeconds(4), Duration.ofMinutes(1), () -> 0.999999).delay(2))
                .isLessThanOrEqualTo(Duration.ofSeconds(8)).isGreaterThan(Duration.ofMillis(7999));
    }

    @Test
    void zeroBaseMeansImmediateRetries() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.7);
        assertThat(backoff.delay(3)).isEqualTo(Duration.ZERO);
    }
}
