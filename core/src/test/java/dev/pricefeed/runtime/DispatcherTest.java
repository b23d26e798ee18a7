package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DispatcherTest {

    private final Metrics metrics = new Metrics();
    private final Dispatcher dispatcher = new Dispatcher("test");

    @AfterEach
    void close() {
        dispatcher.close();
    }

    @Test
    void queuedListenerGetsEveryValueInOrder() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Dispatcher.Mailbox<Integer> box = dispatcher.register("q", seen::add, Delivery.queue(10_000), v -> v, metrics);
        for (int i = 0; i < 5000; i++) {
            box.offer(i);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void inlineListenerRunsOnTheOfferingThreadBeforeOfferReturns() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Dispatcher.Mailbox<Integer> box = dispatcher.register("inline",
                v -> seen.add(v + " on " + Thread.currentThread().getName()), Delivery.inline(), v -> v, metrics);

        box.offer(1);
        box.offer(2);

        String here = Thread.currentThread().getName();
        assertThat(seen).containsExactly("1 on " + here, "2 on " + here);
        box.cancel();
        box.offer(3);
        assertThat(seen).hasSize(2);
    }

    @Test
    void inlineListenerThatThrowsIsCountedAndStays() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Dispatcher.Mailbox<Integer> box = dispatcher.register("inline", v -> {
            if (v == 1) {
                throw new IllegalStateException("listener failure the feed must survive");
            }
            seen.add(v);
        }, Delivery.inline(), v -> v, metrics);

        box.offer(1);
        box.offer(2);

        assertThat(seen).containsExactly(2);
        assertThat(metrics.snapshot().listenerErrors()).isEqualTo(1);
    }

    @Test
    void fullQueueDropsAndCountsInsteadOfBlockingTheCaller() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        Dispatcher.Mailbox<Integer> box = dispatcher.register("slow", v -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, Delivery.queue(3), v -> v, metrics);
        box.offer(0);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 10; i++) {
            box.offer(i);
        }
        assertThat(metrics.snapshot().dropped()).isEqualTo(7);
        release.countDown();
    }

    @Test
    void conflatingListenerSeesTheNewestValuePerKeyAndCountsTheRest() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        Dispatcher.Mailbox<String> box = dispatcher.register("c", v -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            seen.add(v);
        }, Delivery.conflate(), v -> v.substring(0, 1), metrics);
        box.offer("a0");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        box.offer("a1");
        box.offer("b1");
        box.offer("a2");
        box.offer("b2");
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 3);
        assertThat(seen).containsExactly("a0", "a2", "b2");
        assertThat(metrics.snapshot().conflated()).isEqualTo(2);
    }

    @Test
    void conflatingListenerKeepsEveryKeysNewestOverManyTurns() {
        List<String> keys = List.of("a", "b", "c");
        Map<String, Integer> last = new ConcurrentHashMap<>();
        List<String> backwards = new CopyOnWriteArrayList<>();
        AtomicInteger delivered = new AtomicInteger();
        Dispatcher.Mailbox<String> box = dispatcher.register("c", v -> {
            int n = Integer.parseInt(v.substring(1));
            Integer before = last.put(v.substring(0, 1), n);
            if (before != null && before >= n) {
                backwards.add(v);
            }
            delivered.incrementAndGet();
        }, Delivery.conflate(), v -> v.substring(0, 1), metrics);
        for (int n = 0; n < 20_000; n++) {
            for (String key : keys) {
                box.offer(key + n);
            }
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> keys.stream().allMatch(k -> Integer.valueOf(19_999).equals(last.get(k))));
        assertThat(backwards).as("a key's values never go back").isEmpty();
        assertThat(delivered.get() + metrics.snapshot().conflated()).as("each value delivered or counted once")
                .isEqualTo(60_000);
    }

    @Test
    void throwingListenerIsCountedAndKeepsGettingValues() {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Dispatcher.Mailbox<Integer> box = dispatcher.register("t", v -> {
            seen.add(v);
            throw new IllegalStateException("listener bug " + v);
        }, Delivery.queue(), v -> v, metrics);
        box.offer(1);
        box.offer(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(metrics.snapshot().listenerErrors()).isEqualTo(2);
    }
}
