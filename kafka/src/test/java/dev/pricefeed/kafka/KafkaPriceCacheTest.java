package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A cache on another machine, filled from the compacted latest topic and kept current from the ticks topic. */
class KafkaPriceCacheTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final Instrument SOL_USD = Instrument.of("SOL/USD");
    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    @RegisterExtension
    static final KafkaBrokerExtension broker = new KafkaBrokerExtension();

    @Test
    void aFreshCacheIsRestoredExactlyFromTheCompactedLatestTopicThenFollowsTheTicks() throws Exception {
        try (KrakenSimulator kraken = KrakenSimulator.start()) {
            List<Tick> published;
            try (PriceFeed feed = kraken.pointAt(PriceFeed.builder().exchange("kraken")
                            .instruments("BTC/USD", "ETH/USD", "SOL/USD")).build();
                    KafkaPublisher publisher = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                            .topicPrefix("restore").partitions(2).build()) {
                publisher.attach(feed);
                publisher.start();
                feed.start();
                for (int i = 0; i < 5; i++) {
                    kraken.publishTicker(BTC_USD, "6752" + i + ".10", "67520.00", "67530.20");
                    kraken.publishTicker(ETH_USD, "0.0000342" + i, "0.00003420", "0.00003430");
                }
                kraken.publishTicker(SOL_USD, "142.500", "142.49", "142.51");
                await().atMost(WAIT).until(() -> feed.cache().latest(SOL_USD).isPresent()
                        && feed.cache().latest(ETH_USD).map(t -> t.last().toPlainString().equals("0.00003424"))
                                .orElse(false)
                        && feed.cache().latest(BTC_USD).map(t -> t.last().toPlainString().equals("67524.10"))
                                .orElse(false));
                await().atMost(WAIT).until(() -> publisher.metrics().published() == publisher.metrics().offered());
                published = List.copyOf(feed.cache().all());
            }

            assertThat(cleanupPolicy("restore.latest")).isEqualTo("compact");
            try (KafkaPriceCache cache = KafkaPriceCache.builder().bootstrapServers(broker.bootstrapServers())
                    .topicPrefix("restore").build()) {
                List<Tick> live = new CopyOnWriteArrayList<>();
                cache.onTick(live::add);
                cache.start();

                assertThat(cache.awaitRestored(WAIT)).isTrue();
                // every field equal, decimals to the last zero, receive times included
                assertThat(new HashSet<>(cache.all())).isEqualTo(new HashSet<>(published));
                assertThat(cache.latest("kraken", BTC_USD).orElseThrow().last().toPlainString()).isEqualTo("67524.10");
                assertThat(cache.latest(ETH_USD).orElseThrow().last()).isEqualTo(new BigDecimal("0.00003424"));
                await().atMost(WAIT).until(() -> live.size() == 3);

                // then it follows the ticks topic
                try (PriceFeed feed = kraken.pointAt(PriceFeed.builder().exchange("kraken").instruments("BTC/USD"))
                                .build();
                        KafkaPublisher publisher = KafkaPublisher.builder()
                                .bootstrapServers(broker.bootstrapServers()).topicPrefix("restore").build()) {
                    publisher.attach(feed);
                    publisher.start();
                    feed.start();
                    kraken.publishTicker(BTC_USD, "68000.01", "68000.00", "68000.02");
                    await().atMost(WAIT).until(() -> cache.latest("kraken", BTC_USD)
                            .map(t -> t.last().toPlainString().equals("68000.01")).orElse(false));
                }
                assertThat(live).last().extracting(Tick::last).isEqualTo(new BigDecimal("68000.01"));
                assertThat(cache.malformed()).isZero();
            }
        }
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("pricefeed-kafka")));
    }

    @Test
    void twoPublishersOfOneShardDeliverEachUpdateOnceToConsumers() throws Exception {
        try (BinanceSimulator binance = BinanceSimulator.start();
                PriceFeed first = binance.pointAt(PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                        .channels(Channel.TICKER, Channel.TRADES)).build();
                PriceFeed second = binance.pointAt(PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                        .channels(Channel.TICKER, Channel.TRADES)).build();
                KafkaPublisher one = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                        .topicPrefix("failover").partitions(1).build();
                KafkaPublisher two = KafkaPublisher.builder().bootstrapServers(broker.bootstrapServers())
                        .topicPrefix("failover").partitions(1).build();
                KafkaPriceCache cache = KafkaPriceCache.builder().bootstrapServers(broker.bootstrapServers())
                        .topicPrefix("failover").trades(true).build()) {
            List<Tick> ticks = new CopyOnWriteArrayList<>();
            List<Trade> trades = new CopyOnWriteArrayList<>();
            cache.onTick(ticks::add);
            cache.onTrade(trades::add);
            one.attach(first);
            two.attach(second);
            one.start();
            two.start();
            first.start();
            second.start();
            cache.start();
            assertThat(cache.awaitRestored(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> first.cache().latest(BTC_USDT).isPresent()
                    && second.cache().latest(BTC_USDT).isPresent());
            for (int i = 1; i <= 5; i++) {
                binance.publishTicker(BTC_USDT, "6700" + i + ".5", "6700" + i + ".4", "6700" + i + ".6");
                binance.publishTrade(BTC_USDT, "6700" + i + ".5", "0.01", Side.BUY, Integer.toString(500 + i));
            }
            await().atMost(WAIT).until(() -> trades.size() >= 5 && cache.latest("binance", BTC_USDT)
                    .map(t -> t.last().toPlainString().equals("67005.5")).orElse(false));
            await().atMost(WAIT).until(() -> one.metrics().published() == one.metrics().offered()
                    && two.metrics().published() == two.metrics().offered());
            // let the cache read everything both published before judging
            long written = count("failover.ticks") + count("failover.trades");
            await().atMost(WAIT).until(() -> cache.records() >= written);

            assertThat(trades).extracting(Trade::tradeId).containsExactly("501", "502", "503", "504", "505");
            assertThat(cache.duplicates()).isPositive();
            // every tick delivered is news: no copy, nothing older than what came before it
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < ticks.size(); i++) {
                Tick tick = ticks.get(i);
                assertThat(seen.add(withoutReceiveTime(tick))).as("copy of %s", tick).isTrue();
                if (i > 0) {
                    Tick before = ticks.get(i - 1);
                    if (tick.sequence() != null && before.sequence() != null) {
                        assertThat(tick.sequence()).isGreaterThanOrEqualTo(before.sequence());
                    }
                    if (tick.exchangeTime() != null && before.exchangeTime() != null) {
                        assertThat(tick.exchangeTime()).isAfterOrEqualTo(before.exchangeTime());
                    }
                }
            }
        }
    }

    private static long count(String topic) {
        try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
            return reader.readAll().size();
        }
    }

    private static String withoutReceiveTime(Tick tick) {
        return new Tick(tick.exchange(), tick.instrument(), tick.last(), tick.lastSize(), tick.bid(), tick.bidSize(),
                tick.ask(), tick.askSize(), tick.open(), tick.high(), tick.low(), tick.volume(), tick.quoteVolume(),
                tick.vwap(), tick.exchangeTime(), java.time.Instant.EPOCH, tick.sequence()).toString();
    }

    private static String cleanupPolicy(String topic) throws Exception {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(properties)) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get(10, TimeUnit.SECONDS).get(resource)
                    .get("cleanup.policy").value();
        }
    }
}
