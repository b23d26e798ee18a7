package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Nonces must be strictly increasing for one key, whatever the threads and the clock do. */
class KrakenNonceTest {

    @Test
    @DisplayName("nonces follow the clock's milliseconds")
    void followsTheClock() {
        KrakenNonce nonces = new KrakenNonce(Clock.fixed(Instant.ofEpochMilli(1616492376594L), ZoneOffset.UTC));

        assertThat(nonces.next()).isEqualTo(1616492376594L);
    }

    @Test
    @DisplayName("within one millisecond and after the clock steps back, nonces still increase")
    void increasesWhenTheClockDoesNot() {
        AtomicLong millis = new AtomicLong(1000);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }
        };
        KrakenNonce nonces = new KrakenNonce(clock);

        long a = nonces.next();
        long b = nonces.next();
        millis.set(500);
        long c = nonces.next();

        assertThat(List.of(a, b, c)).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    @DisplayName("nonces taken by many threads at once are all different")
    void uniqueAcrossThreads() throws Exception {
        KrakenNonce nonces = new KrakenNonce(Clock.fixed(Instant.ofEpochMilli(1), ZoneOffset.UTC));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(pool.submit(() -> {
                    for (int i = 0; i < 1000; i++) {
                        seen.add(nonces.next());
                    }
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(seen).hasSize(4000);
    }
}
