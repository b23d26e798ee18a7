package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.json.MarketDataJson;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The broker goes away in the middle of a stream and comes back on the same port with the same data. */
class BrokerOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");

    @RegisterExtension
    static final KafkaBrokerExtension broker = new KafkaBrokerExtension();

    @Test
    void whileTheBrokerIsAwayTheFeedFlowsDropsAreCountedAndPublishingResumesByItself() {
        List<PublisherEvent> events = new CopyOnWriteArrayList<>();
        try (KrakenSimulator kraken = KrakenSimulator.start();
                PriceFeed feed = kraken.pointAt(PriceFeed.builder().exchange("kraken").instruments("BTC/USD"))
                        .build()) {
            KafkaPublisher publisher = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                    .topicPrefix("outage").partitions(1)
                    // small buffers, so an outage of a few seconds fills them
                    .bufferCapacity(20)
                    .settings(Map.of("buffer.memory", "16384", "batch.size", "2048", "max.block.ms", "1000"))
                    .stallTimeout(Duration.ofSeconds(1))
                    .build();
            try (publisher) {
                publisher.onEvent(events::add);
                publisher.attach(feed);
                publisher.start();
                feed.start();
                // the snapshot sent on subscribing says the feed is subscribed, so what follows reaches it
                await().atMost(WAIT).until(() -> feed.cache().latest(BTC_USD).isPresent());
                kraken.publishTicker(BTC_USD, "60000.0", "59999.9", "60000.1");
                await().atMost(WAIT).until(() -> publisher.metrics().published() >= 2);

                broker.stop();
                for (int i = 1; i <= 400; i++) {
                    kraken.publishTicker(BTC_USD, "6" + String.format("%04d", i) + ".5", "59999.9", "60000.1");
                }

                // the feed itself never waited: every tick reached its cache, its queue to the publisher never
                // overflowed, and it is still streaming
                await().atMost(WAIT).until(() -> feed.cache().latest(BTC_USD)
                        .map(t -> t.last().equals(new BigDecimal("60400.5"))).orElse(false));
                assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
                assertThat(feed.metrics().dropped()).isZero();
                await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof PublisherEvent.Dropped));
                assertThat(events).first().isInstanceOf(PublisherEvent.Unavailable.class);
                assertThat(publisher.metrics().dropped()).isPositive();
                PublisherEvent.Dropped dropped = (PublisherEvent.Dropped) events.stream()
                        .filter(e -> e instanceof PublisherEvent.Dropped).findFirst().orElseThrow();
                assertThat(dropped.reason()).isNotBlank();

                broker.restart();
                // prices keep moving; one of the ticks after the restart must come through without any help
                AtomicInteger after = new AtomicInteger();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
                    kraken.publishTicker(BTC_USD, "7" + String.format("%04d", after.incrementAndGet()) + ".5",
                            "70000.4", "70000.6");
                    return events.stream().anyMatch(e -> e instanceof PublisherEvent.Resumed);
                });
                try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "outage.ticks")) {
                    reader.readUntil(records -> records.stream()
                            .anyMatch(r -> MarketDataJson.readTick(r.value()).last().toPlainString()
                                    .startsWith("7")), WAIT);
                }
                await().atMost(WAIT).untilAsserted(() -> {
                    PublisherMetrics metrics = publisher.metrics();
                    assertThat(metrics.published() + metrics.dropped() + metrics.failed())
                            .isEqualTo(metrics.offered());
                });
            }
            await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith("pricefeed-kafka")
                            || t.getName().startsWith("kafka-producer-network-thread")));
        }
    }
}
