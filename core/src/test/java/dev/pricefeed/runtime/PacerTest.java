package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void neverLetsMoreThanTheLimitIntoAnyWindow() {
        Pacer pacer = new Pacer(5, Duration.ofSeconds(1));
        List<Long> sendTimes = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            sendTimes.add(pacer.reserve(0));
        }
        assertThat(sendTimes.subList(0, 5)).containsOnly(0L);
        for (int i = 5; i < sendTimes.size(); i++) {
            assertThat(sendTimes.get(i) - sendTimes.get(i - 5)).as("gap between send %d and %d", i - 5, i)
                    .isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void keepsOrder() {
        Pacer pacer = new Pacer(2, Duration.ofSeconds(1));
        long previous = -1;
        for (int i = 0; i < 10; i++) {
            long at = pacer.reserve(i * 1000L);
            assertThat(at + i * 1000L).isGreaterThanOrEqualTo(previous);
            previous = at + i * 1000L;
        }
    }

    @Test
    void forgetsSendsThatLeftTheWindow() {
        Pacer pacer = new Pacer(1, Duration.ofSeconds(1));
        assertThat(pacer.reserve(0)).isZero();
        assertThat(pacer.reserve(2 * SECOND)).isZero();
    }

    @Test
    void unlimitedNeverWaits() {
        Pacer pacer = new Pacer(Integer.MAX_VALUE, Duration.ofSeconds(1));
        for (int i = 0; i < 1000; i++) {
            assertThat(pacer.reserve(0)).isZero();
        }
    }
}
