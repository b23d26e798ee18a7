package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Delivery;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Listener handles and instrument arguments, through the public API against the emulator. */
class ListenerRegistrationTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Instrument ETH = Instrument.of("ETH/USD");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final TestSimulator simulator = new TestSimulator();
    private PriceFeed feed;

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        simulator.close();
    }

    private PriceFeed startedFeed() {
        feed = simulator.pointAt(PriceFeed.builder().exchange("test").instruments(BTC, ETH)
                .environment(Map.of())).build();
        return feed;
    }

    @Test
    @DisplayName("closing a registration stops that listener only; closing it again does nothing")
    void closedRegistrationStopsItsListenerOnly() {
        startedFeed();
        List<Tick> kept = new CopyOnWriteArrayList<>();
        List<Tick> removed = new CopyOnWriteArrayList<>();
        List<Object> trades = new CopyOnWriteArrayList<>();
        feed.onTick(kept::add, Delivery.queue());
        Registration registration = feed.onTick(removed::add, Delivery.queue());
        Registration tradeRegistration = feed.onTrade(trades::add);
        feed.start();
        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(BTC) >= 1);
        simulator.publishTicker(BTC, "1", "0.9", "1.1");
        await().atMost(WAIT).until(() -> kept.size() == 1 && removed.size() == 1);

        registration.close();
        registration.close();
        tradeRegistration.close();
        simulator.publishTicker(BTC, "2", "1.9", "2.1");
        simulator.publishTicker(BTC, "3", "2.9", "3.1");
        await().atMost(WAIT).until(() -> kept.size() == 3);
        assertThat(removed).hasSize(1);
        assertThat(removed.get(0).last()).isEqualByComparingTo("1");
        assertThat(trades).isEmpty();
    }

    @Test
    @DisplayName("instruments are accepted as Instrument or as BASE/QUOTE text in onTick, cache().latest and the builder")
    void instrumentsAsTextOrValue() {
        startedFeed();
        List<Tick> byText = new CopyOnWriteArrayList<>();
        List<Tick> byValue = new CopyOnWriteArrayList<>();
        try (Registration a = feed.onTick("eth/usd", byText::add); Registration b = feed.onTick(ETH, byValue::add)) {
            feed.start();
            await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(ETH) >= 1);
            simulator.publishTicker(ETH, "2000", "1999", "2001");
            await().atMost(WAIT).until(() -> !byText.isEmpty() && !byValue.isEmpty());
        }
        assertThat(feed.config().instruments()).containsExactly(BTC, ETH);
        assertThat(feed.cache().latest("ETH/USD")).map(Tick::last).contains(new BigDecimal("2000"));
        assertThat(feed.cache().latest("test", "ETH/USD")).isEqualTo(feed.cache().latest("test", ETH));
        assertThat(byText.get(0).instrument()).isEqualTo(ETH);
    }
}
