package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The emulator examples of README.md, for both feeds, with a wait instead of the sleep. */
class ReadmeExampleTest {

    @Test
    void readmeExampleStreamsCoinbaseExchangeTicksFromTheEmulator() {
        List<Tick> seen = new CopyOnWriteArrayList<>();
        try (CoinbaseSimulator coinbase = CoinbaseSimulator.start();
                PriceFeed feed = coinbase.pointAt(isolated(PriceFeed.builder().exchange("coinbase")
                        .instruments("BTC/USD"))).build()) {
            feed.onTick(seen::add);
            feed.start();
            coinbase.publishTicker(Instrument.of("BTC/USD"), "67523.10", "67523.00", "67523.20");

            awaitTick(seen);
        }
    }

    @Test
    void readmeExampleStreamsCoinbaseAdvancedTradeTicksFromTheEmulator() {
        List<Tick> seen = new CopyOnWriteArrayList<>();
        try (CoinbaseSimulator coinbase = CoinbaseSimulator.builder().feed(CoinbaseSimulator.Feed.ADVANCED_TRADE).start();
                PriceFeed feed = coinbase.pointAt(isolated(PriceFeed.builder().exchange("coinbase")
                        .instruments("BTC/USD"))).option("feed", "advanced-trade").build()) {
            feed.onTick(seen::add);
            feed.start();
            coinbase.publishTicker(Instrument.of("BTC/USD"), "67523.10", "67523.00", "67523.20");

            awaitTick(seen);
        }
    }

    /** Keeps the machine's environment and system properties out of the test. */
    private static PriceFeed.Builder isolated(PriceFeed.Builder builder) {
        return builder.environment(Map.of()).systemProperties(new Properties());
    }

    private static void awaitTick(List<Tick> seen) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(seen).anySatisfy(tick -> {
            assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USD"));
            assertThat(tick.last()).isEqualTo(new BigDecimal("67523.10"));
            assertThat(tick.bid()).isEqualTo(new BigDecimal("67523.00"));
            assertThat(tick.ask()).isEqualTo(new BigDecimal("67523.20"));
        }));
    }
}
