package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MpscRingTest {

    @Test
    void holdsExactlyItsCapacityAndKeepsOrder() {
        MpscRing<Integer> ring = new MpscRing<>(3);
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.offer(1)).isTrue();
        assertThat(ring.offer(2)).isTrue();
        assertThat(ring.offer(3)).isTrue();
        assertThat(ring.offer(4)).as("the fourth of three").isFalse();
        assertThat(ring.poll()).isEqualTo(1);
        assertThat(ring.offer(5)).as("room again after one poll").isTrue();
        assertThat(ring.poll()).isEqualTo(2);
        assertThat(ring.poll()).isEqualTo(3);
        assertThat(ring.poll()).isEqualTo(5);
        assertThat(ring.poll()).isNull();
        assertThat(ring.isEmpty()).isTrue();
    }

    @Test
    void wrapsAroundManyTimes() {
        MpscRing<Long> ring = new MpscRing<>(5);
        long next = 0;
        for (long i = 0; i < 10_000; i++) {
            assertThat(ring.offer(i)).isTrue();
            if (i % 3 == 2) {
                while (!ring.isEmpty()) {
                    assertThat(ring.poll()).isEqualTo(next++);
                }
            }
        }
        while (ring.poll() != null) {
            next++;
        }
        assertThat(next).isEqualTo(10_000);
    }

    @Test
    void rejectsCapacityBelowOne() {
        assertThatThrownBy(() -> new MpscRing<>(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity");
    }

    @Test
    void manyProducersLoseNothingAndEachProducersOrderHolds() throws Exception {
        int producers = 3;
        int perProducer = 50_000;
        MpscRing<long[]> ring = new MpscRing<>(64);
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> refusals = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long producer = p;
                refusals.add(pool.submit(() -> {
                    start.await();
                    long refused = 0;
                    for (long n = 0; n < perProducer; n++) {
                        long[] value = {producer, n};
                        while (!ring.offer(value)) {
                            refused++;
                            Thread.onSpinWait();
                        }
                    }
                    return refused;
                }));
            }
            start.countDown();
            long[] nextOf = new long[producers];
            long taken = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (taken < (long) producers * perProducer) {
                long[] value = ring.poll();
                if (value == null) {
                    assertThat(System.nanoTime() - deadline).as("took too long").isNegative();
                    Thread.onSpinWait();
                    continue;
                }
                assertThat(value[1]).as("order of producer %d", value[0]).isEqualTo(nextOf[(int) value[0]]);
                nextOf[(int) value[0]]++;
                taken++;
            }
            for (Future<Long> f : refusals) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(ring.poll()).isNull();
            assertThat(nextOf).containsOnly(perProducer);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
