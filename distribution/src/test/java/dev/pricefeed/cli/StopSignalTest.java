package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StopSignalTest {

    @Test
    void awaitEndsWhenAStopIsRequested() {
        StopSignal signal = new StopSignal();
        AtomicBoolean returned = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                signal.await(null);
                returned.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();

        assertThat(signal.stopRequested()).isFalse();
        signal.requestStop();

        await().atMost(Duration.ofSeconds(5)).untilTrue(returned);
        assertThat(signal.stopRequested()).isTrue();
    }

    @Test
    void awaitEndsWhenTheTimeLimitIsReached() throws InterruptedException {
        StopSignal signal = new StopSignal();

        signal.await(Duration.ofMillis(20));

        assertThat(signal.stopRequested()).isFalse();
    }
}
