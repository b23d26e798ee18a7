package dev.pricefeed.exchange.kucoin;

import static org.awaitility.Awaitility.await;

import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.awaitility.core.ConditionFactory;

/** Feed builders with fast timings and no outside configuration, pointed at a KuCoin simulator. */
final class Feeds {

    private Feeds() {
    }

    static PriceFeed.Builder builder(KuCoinSimulator simulator, String... instruments) {
        return simulator.pointAt(PriceFeed.builder()
                .exchange("kucoin")
                .instruments(instruments)
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .maxReconnectAttempts(5)
                .healthyAfter(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(100))
                .probeInterval(Duration.ofMillis(500))
                .environment(Map.of())
                .systemProperties(new Properties()));
    }

    static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25));
    }
}
