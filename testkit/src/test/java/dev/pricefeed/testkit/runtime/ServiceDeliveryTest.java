package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Delivery;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A MarketDataService is one ordered stream: one listener thread, shared control and I/O threads. */
class ServiceDeliveryTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TICKS = 300;

    private final TestSimulator first = new TestSimulator("test");
    private final TestSimulator second = new TestSimulator("test2");

    @AfterEach
    void tearDown() {
        first.close();
        second.close();
    }

    /** A listener that is not thread-safe: it notices when two calls overlap. */
    private static final class UnsafeListener implements Consumer<Tick> {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        /** Per exchange, the last prices in arrival order; written without locks on purpose. */
        final Map<String, List<Integer>> seen = new ConcurrentHashMap<>();

        @Override
        public void accept(Tick tick) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            seen.computeIfAbsent(tick.exchange(), k -> new ArrayList<>()).add(tick.last().intValue());
            Thread.onSpinWait();
            inside.decrementAndGet();
        }

        int count() {
            return seen.values().stream().mapToInt(List::size).sum();
        }
    }

    private PriceFeed.Builder feed(TestSimulator simulator) {
        return simulator.pointAt(PriceFeed.builder().exchange(simulator.exchangeId()).instruments(BTC)
                .environment(Map.of()).option("liveness-ms", "60000"));
    }

    @Test
    @DisplayName("a listener of a two-feed service is called from one thread, never twice at once, in order per feed")
    void oneThreadInOrderPerFeed() {
        UnsafeListener listener = new UnsafeListener();
        try (MarketDataService service = MarketDataService.builder().feed(feed(first)).feed(feed(second)).build()) {
            service.onTick(listener, Delivery.queue());
            service.start();
            await().atMost(WAIT).until(() -> service.feeds().values().stream()
                    .allMatch(f -> f.state() == FeedState.STREAMING));
            Thread a = new Thread(() -> publish(first));
            Thread b = new Thread(() -> publish(second));
            a.start();
            b.start();
            await().atMost(WAIT).until(() -> listener.count() == 2 * TICKS);

            assertThat(listener.overlaps).hasValue(0);
            assertThat(listener.threads).containsExactly("pricefeed-service-listeners");
            for (String exchange : List.of("test", "test2")) {
                List<Integer> prices = listener.seen.get(exchange);
                assertThat(prices).as(exchange).hasSize(TICKS).isSorted();
            }
            List<String> threads = RuntimeThreads.live();
            assertThat(threads).filteredOn(name -> name.endsWith("-listeners")).containsExactly(
                    "pricefeed-service-listeners");
            assertThat(threads).filteredOn(name -> name.contains("control")).containsExactly("pricefeed-control");
            assertThat(threads).filteredOn(name -> name.endsWith("-SelectorManager")).hasSize(1);
        }
    }

    private static void publish(TestSimulator simulator) {
        for (int i = 1; i <= TICKS; i++) {
            simulator.publishTicker(BTC, Integer.toString(i), "0.5", "1.5");
        }
    }
}
