package dev.pricefeed.exchange.binance;

import static dev.pricefeed.exchange.binance.Feeds.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The emulator example of README.md, with a wait instead of the sleep. */
class ReadmeExampleTest {

    @Test
    void readmeExampleStreamsBinanceTicksFromTheEmulator() {
        List<Tick> seen = new CopyOnWriteArrayList<>();
        try (BinanceSimulator binance = BinanceSimulator.start();
                PriceFeed feed = binance.pointAt(PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                        .environment(Map.of()).systemProperties(new Properties())).build()) {
            feed.onTick(seen::add);
            feed.start();
            binance.publishTicker(Instrument.of("BTC/USDT"), "67523.10", "67523.00", "67523.20");

            within().untilAsserted(() -> assertThat(seen).anySatisfy(tick -> {
                assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USDT"));
                assertThat(tick.last()).isEqualTo(new BigDecimal("67523.10"));
            }));
        }
    }
}
