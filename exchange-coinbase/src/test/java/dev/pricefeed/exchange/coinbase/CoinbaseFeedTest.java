package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Channel;
import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import dev.pricefeed.testkit.coinbase.SubscribeTiming;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Coinbase-specific behaviour through a whole PriceFeed against the simulator over a real WebSocket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CoinbaseFeedTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");

    @Test
    void skippedTradeIdsBecomeASequenceGapEventNamingTheMissingRange() {
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
                PriceFeed feed = feed(simulator).channels(Channel.TRADES).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            List<Trade> trades = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.onTrade(trades::add);
            feed.start();
            awaitSubscribed(simulator, "matches", 1);

            long first = simulator.publishTrade(BTC_USD, "100.5", "1", Side.BUY);
            within().until(() -> trades.size() == 1);
            simulator.sequenceGap(BTC_USD, 3);
            long afterGap = simulator.publishTrade(BTC_USD, "100.6", "2", Side.SELL);

            within().untilAsserted(() -> assertThat(gaps(events)).singleElement().satisfies(gap -> {
                assertThat(gap.exchange()).isEqualTo("coinbase");
                assertThat(gap.instrument()).isEqualTo(BTC_USD);
                assertThat(gap.stream()).isEqualTo("trade_id:BTC-USD");
                assertThat(gap.firstMissing()).isEqualTo(first + 1);
                assertThat(gap.lastMissing()).isEqualTo(first + 3);
            }));
            assertThat(afterGap).isEqualTo(first + 4);
            within().untilAsserted(() -> assertThat(trades).extracting(Trade::tradeId)
                    .containsExactly(Long.toString(first), Long.toString(afterGap)));
        }
    }

    @Test
    void advancedTradeEnvelopeGapBecomesASequenceGapEvent() {
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().feed(CoinbaseSimulator.Feed.ADVANCED_TRADE)
                .heartbeatInterval(Duration.ofMillis(200)).start();
                PriceFeed feed = feed(simulator).option("feed", "advanced-trade").build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();
            awaitSubscribed(simulator, "ticker", 1);
            simulator.publishTicker(BTC_USD, "10.5", "10.4", "10.6");
            within().until(() -> feed.cache().latest("coinbase", BTC_USD).isPresent());

            simulator.sequenceGap(BTC_USD, 2);
            simulator.publishTicker(BTC_USD, "10.7", "10.6", "10.8");

            within().untilAsserted(() -> assertThat(gaps(events)).singleElement().satisfies(gap -> {
                assertThat(gap.stream()).isEqualTo("sequence_num");
                assertThat(gap.missed()).isEqualTo(2);
            }));
            within().untilAsserted(() -> assertThat(feed.cache().latest("coinbase", BTC_USD))
                    .hasValueSatisfying(tick -> assertThat(tick.last()).isEqualTo(new BigDecimal("10.7"))));
        }
    }

    @Test
    void tickerSequenceJumpsFromUnseenOrderBookMessagesAreNotReportedAsGaps() {
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().sequenceStride(7)
                .heartbeatInterval(Duration.ofMillis(100)).start();
                PriceFeed feed = feed(simulator).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            List<Tick> ticks = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.onTick(ticks::add, Delivery.queue());
            feed.start();
            awaitSubscribed(simulator, "ticker", 1);

            for (int i = 1; i <= 5; i++) {
                simulator.publishTicker(BTC_USD, "1" + i + ".5", "1" + i + ".4", "1" + i + ".6");
            }

            within().untilAsserted(() -> assertThat(ticks).extracting(Tick::last).containsExactly(
                    new BigDecimal("11.5"), new BigDecimal("12.5"), new BigDecimal("13.5"), new BigDecimal("14.5"),
                    new BigDecimal("15.5")));
            assertThat(ticks).extracting(Tick::sequence).doesNotContainNull().isSorted();
            assertThat(gaps(events)).isEmpty();
        }
    }

    @Test
    void everyConnectionSubscribesBeforeTheDeadlineAfterEveryReconnect() {
        Duration deadline = Duration.ofSeconds(1);
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().subscribeDeadline(deadline)
                .heartbeatInterval(Duration.ofMillis(200)).start();
                PriceFeed feed = feed(simulator).build()) {
            feed.start();
            awaitSubscribed(simulator, "ticker", 1);
            for (int connection = 2; connection <= 4; connection++) {
                simulator.server().dropAll();
                awaitSubscribed(simulator, "ticker", connection);
            }

            List<SubscribeTiming> timings = simulator.subscribeTimings();
            assertThat(timings).hasSizeGreaterThanOrEqualTo(4).allSatisfy(timing -> {
                assertThat(timing.subscribedAfter()).as("connection %d", timing.connection())
                        .isNotNull().isLessThan(deadline);
                assertThat(timing.closedForMissingSubscribe()).isFalse();
            });
        }
    }

    @Test
    void aChannelMissingFromTheSubscriptionsReplyIsReportedAsFailed() {
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
                PriceFeed feed = feed(simulator).channels(Channel.TICKER, Channel.TRADES).build()) {
            simulator.ignoreChannel("matches");
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();

            within().untilAsserted(() -> assertThat(events).filteredOn(FeedEvent.SubscriptionFailed.class::isInstance)
                    .map(FeedEvent.SubscriptionFailed.class::cast)
                    .extracting(FeedEvent.SubscriptionFailed::channel, FeedEvent.SubscriptionFailed::instrument,
                            FeedEvent.SubscriptionFailed::reason)
                    .containsExactlyInAnyOrder(
                            tuple(Channel.TRADES, BTC_USD, "not in Coinbase's subscriptions reply"),
                            tuple(Channel.TRADES, ETH_USD, "not in Coinbase's subscriptions reply")));
            simulator.publishTicker(BTC_USD, "5.25", "5.2", "5.3");
            within().untilAsserted(() -> assertThat(feed.cache().latest("coinbase", BTC_USD)).isPresent());
        }
    }

    @Test
    void matchCarriesTheMakersSideOnTheWireAndTheTradeTheTakersSide() {
        try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
                PriceFeed feed = feed(simulator).channels(Channel.TRADES).build()) {
            List<String> frames = new CopyOnWriteArrayList<>();
            List<Trade> trades = new CopyOnWriteArrayList<>();
            feed.onFrame((at, frame) -> frames.add(frame));
            feed.onTrade(trades::add);
            feed.start();
            within().until(() -> simulator.subscriptions("matches", ETH_USD) >= 1);

            simulator.publishTrade(ETH_USD, "2000.10", "0.5", Side.BUY);

            within().untilAsserted(() -> assertThat(trades).singleElement().satisfies(trade -> {
                assertThat(trade.side()).isEqualTo(Side.BUY);
                assertThat(trade.price()).isEqualTo(new BigDecimal("2000.10"));
            }));
            assertThat(frames).filteredOn(frame -> frame.contains("\"type\":\"match\""))
                    .singleElement().asString().contains("\"side\":\"sell\"");
        }
    }

    @Test
    void tickerCarriesSizesAndDayStatisticsExactlyInBothFeeds() {
        for (CoinbaseSimulator.Feed format : CoinbaseSimulator.Feed.values()) {
            try (CoinbaseSimulator simulator = CoinbaseSimulator.builder().feed(format)
                    .heartbeatInterval(Duration.ofMillis(200)).start();
                    PriceFeed feed = feed(simulator).option("feed", format == CoinbaseSimulator.Feed.EXCHANGE
                            ? "exchange" : "advanced-trade").build()) {
                feed.start();
                awaitSubscribed(simulator, "ticker", 1);

                simulator.publishTicker(BTC_USD, "67523.10", "67523.00", "67523.20");

                within().untilAsserted(() -> assertThat(feed.cache().latest("coinbase", BTC_USD))
                        .as("%s feed", format).hasValueSatisfying(tick -> {
                            assertThat(tick.last()).isEqualTo(new BigDecimal("67523.10"));
                            assertThat(tick.bid()).isEqualTo(new BigDecimal("67523.00"));
                            assertThat(tick.bidSize()).isEqualTo(new BigDecimal("0.50000000"));
                            assertThat(tick.ask()).isEqualTo(new BigDecimal("67523.20"));
                            assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.25000000"));
                            assertThat(tick.high()).isEqualTo(new BigDecimal("110.50"));
                            assertThat(tick.low()).isEqualTo(new BigDecimal("90.25"));
                            assertThat(tick.volume()).isEqualTo(new BigDecimal("12345.67890000"));
                            assertThat(tick.exchangeTime()).isNotNull();
                        }));
            }
        }
    }

    private static PriceFeed.Builder feed(CoinbaseSimulator simulator) {
        return simulator.pointAt(PriceFeed.builder().exchange("coinbase").instruments("BTC/USD", "ETH/USD")
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .healthyAfter(Duration.ofMillis(200))
                .livenessTimeout(Duration.ofSeconds(2))
                .environment(Map.of())
                .systemProperties(new Properties()));
    }

    /** Waits until the channel of BTC/USD has been subscribed that many times (once per connection). */
    private static void awaitSubscribed(CoinbaseSimulator simulator, String channel, int times) {
        within().untilAsserted(() -> assertThat(simulator.subscriptions(channel, BTC_USD))
                .as("%s subscriptions of BTC/USD", channel).isGreaterThanOrEqualTo(times));
    }

    private static List<FeedEvent.SequenceGap> gaps(List<FeedEvent> events) {
        return events.stream().filter(FeedEvent.SequenceGap.class::isInstance).map(FeedEvent.SequenceGap.class::cast)
                .toList();
    }

    private static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }
}
