package dev.pricefeed.exchange.binance;

import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.awaitility.core.ConditionFactory;

/** Builders and waits shared by the end-to-end tests. */
final class Feeds {

    private Feeds() {
    }

    /** A Binance feed pointed at the simulator, with fast retries and no outside configuration. */
    static PriceFeed.Builder against(BinanceSimulator simulator, String... instruments) {
        return simulator.pointAt(PriceFeed.builder()
                .exchange("binance")
                .instruments(instruments)
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .healthyAfter(Duration.ofMillis(200))
                .environment(Map.of())
                .systemProperties(new Properties()));
    }

    /** An Awaitility condition with a generous timeout and a short poll interval. */
    static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(15)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /** The handover events among those seen. */
    static List<FeedEvent.Handover> handovers(List<FeedEvent> events) {
        return events.stream().filter(FeedEvent.Handover.class::isInstance).map(FeedEvent.Handover.class::cast)
                .toList();
    }
}
