package dev.pricefeed.exchange.kucoin;

import static dev.pricefeed.exchange.kucoin.Feeds.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The emulator example of README.md, with a wait instead of the sleep. */
class ReadmeExampleTest {

    @Test
    void readmeExampleStreamsKuCoinTicksFromTheEmulator() {
        List<Tick> seen = new CopyOnWriteArrayList<>();
        try (KuCoinSimulator kucoin = KuCoinSimulator.start();
                PriceFeed feed = kucoin.pointAt(PriceFeed.builder().exchange("kucoin").instruments("BTC/USDT")
                        .environment(Map.of()).systemProperties(new Properties())).build()) {
            feed.onTick(seen::add);
            kucoin.publishTicker(Instrument.of("BTC/USDT"), "67523.1", "67523.0", "67523.2");
            feed.start();

            within().untilAsserted(() -> assertThat(seen).anySatisfy(tick -> {
                assertThat(tick.instrument()).isEqualTo(Instrument.of("BTC/USDT"));
                assertThat(tick.last()).isEqualTo(new BigDecimal("67523.1"));
                assertThat(tick.bid()).isEqualTo(new BigDecimal("67523.0"));
                assertThat(tick.ask()).isEqualTo(new BigDecimal("67523.2"));
            }));
            assertThat(kucoin.bulletCalls()).isEqualTo(1);
        }
    }
}
