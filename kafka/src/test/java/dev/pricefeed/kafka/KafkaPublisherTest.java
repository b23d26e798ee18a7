package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Channel;
import dev.pricefeed.Delivery;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.json.MarketDataJson;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ticks and trades from an exchange emulator, published to a real broker and read back exactly. */
class KafkaPublisherTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");

    @RegisterExtension
    static final KafkaBrokerExtension broker = new KafkaBrokerExtension();

    @Test
    void everyTickAndTradeIsPublishedExactlyInOrderPerKeyWithTheSchemaHeader() {
        List<Tick> ticks = new CopyOnWriteArrayList<>();
        List<Trade> trades = new CopyOnWriteArrayList<>();
        try (KrakenSimulator kraken = KrakenSimulator.start();
                PriceFeed feed = kraken.pointAt(PriceFeed.builder().exchange("kraken")
                        .instruments("BTC/USD", "ETH/USD").channels(Channel.TICKER, Channel.TRADES)).build();
                KafkaPublisher publisher = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                        .topicPrefix("exact").partitions(3).build()) {
            feed.onTick(ticks::add, Delivery.queue());
            feed.onTrade(trades::add);
            publisher.attach(feed);
            publisher.start();
            feed.start();
            await().atMost(WAIT).until(() -> ticks.size() >= 2);
            kraken.publishTicker(BTC_USD, "67523.10", "67523.00", "67523.20");
            kraken.publishTicker(ETH_USD, "0.00003426", "0.00003425", "0.000034270");
            kraken.publishTrade(BTC_USD, "67521.37", "0.0125", Side.SELL, "1001");
            kraken.publishTicker(BTC_USD, "67524.5", "67524.4", "67524.6");
            kraken.publishTrade(BTC_USD, "67524.50", "1.50", Side.BUY, "1002");
            kraken.publishTrade(ETH_USD, "3421.55", "10", Side.BUY, "1003");
            await().atMost(WAIT).until(() -> trades.size() == 3 && ticks.stream()
                    .anyMatch(t -> "67524.5".equals(plain(t.last()))));
            await().atMost(WAIT).until(() -> publisher.metrics().published() == publisher.metrics().offered());

            PublisherMetrics metrics = publisher.metrics();
            assertThat(metrics.offered()).isEqualTo(2L * ticks.size() + trades.size());
            assertThat(metrics.dropped()).isZero();
            assertThat(metrics.failed()).isZero();
            assertThat(metrics.queued()).isZero();
            assertThat(metrics.pending()).isZero();

            assertPublishedExactly("exact.ticks", ticks.size(), byKey(ticks.stream()
                    .map(t -> new Object[] {key(t.exchange(), t.instrument()), MarketDataJson.tick(t)}).toList()));
            assertPublishedExactly("exact.latest", ticks.size(), byKey(ticks.stream()
                    .map(t -> new Object[] {key(t.exchange(), t.instrument()), MarketDataJson.tick(t)}).toList()));
            assertPublishedExactly("exact.trades", trades.size(), byKey(trades.stream()
                    .map(t -> new Object[] {key(t.exchange(), t.instrument()), MarketDataJson.trade(t)}).toList()));

            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "exact.ticks")) {
                List<Tick> read = reader.readUntil(r -> r.size() == ticks.size(), WAIT).stream()
                        .filter(r -> r.key().equals("kraken:ETH/USD"))
                        .map(r -> MarketDataJson.readTick(r.value()))
                        .toList();
                // exact decimals: the wire text, trailing zeros and all, not a double's idea of it
                assertThat(read).last().satisfies(tick -> {
                    assertThat(tick.last()).isEqualTo(new java.math.BigDecimal("0.00003426"));
                    assertThat(tick.ask().toPlainString()).isEqualTo("0.000034270");
                });
                assertThat(read).isEqualTo(ticks.stream().filter(t -> t.instrument().equals(ETH_USD)).toList());
            }
        }
    }

    @Test
    void twoShardsPublishTheRequestedInstrumentsWithoutOverlap() {
        Map<String, List<String>> requested = Map.of(
                "kraken", List.of("BTC/USD", "ETH/USD", "DOGE/USD", "SOL/USD"),
                "binance", List.of("BTC/USDT", "ETH/USDT", "BNB/USDT", "XRP/USDT"));
        List<Shard> shards = List.of(Shard.parse("1/2"), Shard.parse("2/2"));
        try (KrakenSimulator kraken = KrakenSimulator.start(); BinanceSimulator binance = BinanceSimulator.start()) {
            Map<String, ExchangeSimulator> simulators = Map.of("kraken", kraken, "binance", binance);
            List<MarketDataService> services = new ArrayList<>();
            List<KafkaPublisher> publishers = new ArrayList<>();
            Map<String, List<Tick>> ticksByKey = new java.util.concurrent.ConcurrentHashMap<>();
            Map<String, Shard> owner = new java.util.concurrent.ConcurrentHashMap<>();
            try {
                for (Shard shard : shards) {
                    MarketDataService.Builder service = MarketDataService.builder();
                    requested.forEach((exchange, instruments) -> {
                        List<String> share = instruments.stream()
                                .filter(i -> shard.takes(exchange, Instrument.of(i))).toList();
                        share.forEach(i -> assertThat(owner.put(exchange + ":" + i, shard)).isNull());
                        if (!share.isEmpty()) {
                            service.feed(simulators.get(exchange).pointAt(PriceFeed.builder().exchange(exchange)
                                    .instruments(share)));
                        }
                    });
                    MarketDataService built = service.build();
                    services.add(built);
                    KafkaPublisher publisher = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                            .topicPrefix("sharded").partitions(2).build();
                    publishers.add(publisher);
                    built.feeds().values().forEach(feed -> feed.onTick(tick -> ticksByKey.computeIfAbsent(
                            key(tick.exchange(), tick.instrument()), k -> new CopyOnWriteArrayList<>()).add(tick),
                            Delivery.queue()));
                    publisher.attach(built);
                    publisher.start();
                    built.start();
                }
                assertThat(owner).hasSize(8);
                assertThat(owner.values()).containsAll(shards);
                requested.forEach((exchange, instruments) -> instruments.forEach(i -> simulators.get(exchange)
                        .publishTicker(Instrument.of(i), "100.10", "100.00", "100.20")));
                await().atMost(WAIT).until(() -> ticksByKey.keySet().equals(owner.keySet()));
                await().atMost(WAIT).until(() -> publishers.stream()
                        .allMatch(p -> p.metrics().published() == p.metrics().offered()));

                int published = ticksByKey.values().stream().mapToInt(List::size).sum();
                try (TopicReader reader = new TopicReader(broker.bootstrapServers(), "sharded.ticks")) {
                    Map<String, Long> perKey = new LinkedHashMap<>();
                    reader.readUntil(r -> r.size() >= published, WAIT)
                            .forEach(r -> perKey.merge(r.key(), 1L, Long::sum));
                    // every requested key is there, each published by its one shard only (two would double it)
                    assertThat(perKey.keySet()).isEqualTo(owner.keySet());
                    ticksByKey.forEach((key, ticks) -> assertThat(perKey.get(key)).as(key)
                            .isEqualTo((long) ticks.size()));
                }
            } finally {
                services.forEach(MarketDataService::close);
                publishers.forEach(KafkaPublisher::close);
            }
        }
    }

    private static void assertPublishedExactly(String topic, int count, Map<String, List<String>> expected) {
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> r.size() >= count, WAIT);
            assertThat(records).hasSize(count);
            Map<String, List<String>> actual = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                actual.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record.value());
                assertThat(new String(record.headers().lastHeader(KafkaPublisher.SCHEMA_HEADER).value(),
                        StandardCharsets.US_ASCII)).isEqualTo("1");
            }
            assertThat(actual).as(topic).isEqualTo(expected);
        }
    }

    private static Map<String, List<String>> byKey(List<Object[]> keyed) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (Object[] pair : keyed) {
            map.computeIfAbsent((String) pair[0], k -> new ArrayList<>()).add((String) pair[1]);
        }
        return map;
    }

    private static String key(String exchange, Instrument instrument) {
        return exchange + ":" + instrument;
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
