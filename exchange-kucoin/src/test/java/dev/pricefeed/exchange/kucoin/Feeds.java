package dev.pricefeed.exchange.kucoin;

import static org.awaitility.Awaitility.await;

import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.core.ConditionFactory;

/** Feed builders with fast timings and no outside configuration, pointed at a KuCoin simulator. */
final class Feeds {

    private Feeds() {
    }

    /**
     * A simulator whose welcome follows the upgrade after 50 ms. Immediately (the simulator's default, like KuCoin)
     * races the runtime: a welcome handled before the connection's start() makes Connection.subscribe() fail on a
     * null pacer and the connection never subscribes (reported to the runtime's owner). Remove the delay once fixed.
     */
    static KuCoinSimulator simulator(List<String> listed) {
        KuCoinSimulator simulator = KuCoinSimulator.start(listed);
        simulator.welcomeDelay(Duration.ofMillis(50));
        return simulator;
    }

    /** {@link #simulator(List)} listing {@code BTC/USDT} and {@code ETH/USDT}. */
    static KuCoinSimulator simulator() {
        return simulator(List.of("BTC/USDT", "ETH/USDT"));
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
