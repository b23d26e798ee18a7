package dev.pricefeed.exchange.binance;

import static dev.pricefeed.exchange.binance.Feeds.against;
import static dev.pricefeed.exchange.binance.Feeds.handovers;
import static dev.pricefeed.exchange.binance.Feeds.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Trade;
import dev.pricefeed.UnknownInstrumentException;
import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Binance plugin end to end: PriceFeed, the runtime and Tyrus against the Binance emulator on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BinanceFeedTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    @Test
    void handoverAtTheConnectionLifetimeLosesNoTrade() {
        // the emulator cuts at 3 s like Binance at 24 h; the feed declares 2 s, so it hands over at 1.8 s, well before
        try (BinanceSimulator simulator = BinanceSimulator.builder().lifetime(Duration.ofSeconds(3)).start();
                PriceFeed feed = against(simulator, "BTC/USDT").channels(Channel.TICKER, Channel.TRADES)
                        .option("connection-lifetime", "2s").build()) {
            List<Trade> trades = new CopyOnWriteArrayList<>();
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onTrade(trades::add);
            feed.onEvent(events::add);
            feed.start();
            within().until(() -> simulator.streams(1).contains("btcusdt@trade"));

            long last = publishNumberedTradesUntilHandedOver(simulator, events);

            within().until(() -> trades.size() >= last);
            assertThat(tradeNumbers(trades)).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(handovers(events)).first().extracting(FeedEvent.Handover::reason).asString()
                    .contains("lifetime");
            assertThat(events).noneMatch(FeedEvent.SequenceGap.class::isInstance);
            assertThat(simulator.server().connectionsAccepted()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void serverShutdownEventHandsOverWithoutLosingATrade() {
        try (BinanceSimulator simulator = BinanceSimulator.start();
                PriceFeed feed = against(simulator, "BTC/USDT").channels(Channel.TICKER, Channel.TRADES).build()) {
            List<Trade> trades = new CopyOnWriteArrayList<>();
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onTrade(trades::add);
            feed.onEvent(events::add);
            feed.start();
            within().until(() -> simulator.streams(1).contains("btcusdt@trade"));
            long before = simulator.publishNumberedTrade(BTC_USDT);
            within().until(() -> trades.size() >= before);

            simulator.serverShutdown();
            long last = publishNumberedTradesUntilHandedOver(simulator, events);

            within().until(() -> trades.size() >= last);
            assertThat(tradeNumbers(trades)).containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
            assertThat(handovers(events)).hasSize(1).first().extracting(FeedEvent.Handover::reason).asString()
                    .contains("serverShutdown");
            assertThat(events).noneMatch(FeedEvent.SequenceGap.class::isInstance);
            assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
        }
    }

    @Test
    void subscriptionsAboveTheStreamLimitAreSpreadOverConnections() {
        List<String> instruments = List.of("BTC/USDT", "ETH/USDT", "BNB/USDT", "SOL/USDT", "XRP/USDT");
        try (BinanceSimulator simulator = BinanceSimulator.builder().maxStreamsPerConnection(6).start();
                PriceFeed feed = against(simulator, instruments.toArray(String[]::new))
                        .option("max-streams-per-connection", "6").build()) {
            feed.start();
            within().until(() -> simulator.streamsByConnection().values().stream().mapToInt(Set::size).sum() == 10);

            assertThat(simulator.server().connectionsAccepted()).isEqualTo(2);
            assertThat(simulator.streamsByConnection().values()).allSatisfy(s -> assertThat(s).hasSizeLessThanOrEqualTo(6));
            Set<String> all = new HashSet<>();
            simulator.streamsByConnection().values().forEach(all::addAll);
            for (String text : instruments) {
                Instrument instrument = Instrument.of(text);
                String symbol = (instrument.base() + instrument.quote()).toLowerCase(java.util.Locale.ROOT);
                assertThat(all).contains(symbol + "@ticker", symbol + "@bookTicker");
                simulator.publishTicker(instrument, "7.25", "7.2", "7.3");
            }
            within().untilAsserted(() -> {
                for (String text : instruments) {
                    assertThat(feed.cache().latest("binance", Instrument.of(text))).hasValueSatisfying(tick -> {
                        assertThat(tick.last()).isEqualTo(new BigDecimal("7.25"));
                        assertThat(tick.bid()).isEqualTo(new BigDecimal("7.2"));
                        assertThat(tick.ask()).isEqualTo(new BigDecimal("7.3"));
                    });
                }
            });
            assertThat(simulator.rateViolations()).isZero();
        }
    }

    @Test
    void subscribeMessagesArePacedBelowFivePerSecond() {
        List<String> instruments = IntStream.rangeClosed(1, 300).mapToObj(i -> String.format("C%03d/USDT", i)).toList();
        try (BinanceSimulator simulator = BinanceSimulator.builder().instruments(instruments).start();
                PriceFeed feed = against(simulator, instruments.toArray(String[]::new))
                        .channels(Channel.TICKER, Channel.TRADES).build()) {
            feed.start();
            // 300 tickers (2 streams each) and 300 trade streams: 600 subscriptions, 100 per message, 900 streams
            within().until(() -> simulator.streams(1).size() == 900);

            assertThat(simulator.subscribeRequests()).isEqualTo(6);
            assertThat(simulator.maxMessagesPerConnectionWithin(Duration.ofSeconds(1))).isLessThanOrEqualTo(5);
            assertThat(simulator.rateViolations()).isZero();
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
        }
    }

    @Test
    void feedAnswersServerPingsAndIsNotDropped() {
        try (BinanceSimulator simulator = BinanceSimulator.builder()
                .pingEvery(Duration.ofMillis(100), Duration.ofMillis(400)).start();
                PriceFeed feed = against(simulator, "BTC/USDT").build()) {
            feed.start();
            EmulatorConnection connection = simulator.server().awaitConnection(1, Duration.ofSeconds(10));

            within().until(() -> connection.pongsReceived() >= 10);

            assertThat(connection.isOpen()).isTrue();
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
            simulator.publishTicker(BTC_USDT, "42.5", "42.4", "42.6");
            within().untilAsserted(() -> assertThat(feed.cache().latest("binance", BTC_USDT))
                    .hasValueSatisfying(tick -> assertThat(tick.last()).isEqualTo(new BigDecimal("42.5"))));
        }
    }

    @Test
    void usdIsNotUsdtAndTheErrorSuggestsTheListedPair() {
        try (BinanceSimulator simulator = BinanceSimulator.start();
                PriceFeed feed = against(simulator, "BTC/USD").build()) {
            assertThatThrownBy(feed::start)
                    .isInstanceOf(UnknownInstrumentException.class)
                    .hasMessageContaining("does not list BTC/USD")
                    .hasMessageContaining("BTC/USDT");
            assertThat(simulator.server().connectionsAccepted()).isZero();
        }
    }

    @Test
    void refusedSubscriptionCarriesBinanceCodeAndText() {
        try (BinanceSimulator simulator = BinanceSimulator.start();
                PriceFeed feed = against(simulator, "BTC/USDT").channels(Channel.TRADES).build()) {
            simulator.refuseStream("btcusdt@trade");
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();

            within().until(() -> events.stream().anyMatch(FeedEvent.SubscriptionFailed.class::isInstance));

            FeedEvent.SubscriptionFailed failed = events.stream().filter(FeedEvent.SubscriptionFailed.class::isInstance)
                    .map(FeedEvent.SubscriptionFailed.class::cast).findFirst().orElseThrow();
            assertThat(failed.channel()).isEqualTo(Channel.TRADES);
            assertThat(failed.instrument()).isEqualTo(BTC_USDT);
            assertThat(failed.reason()).isEqualTo("Binance error 2: Invalid request: invalid stream");
        }
    }

    @Test
    void rawEndpointStreamsBarePayloads() {
        try (BinanceSimulator simulator = BinanceSimulator.start();
                PriceFeed feed = against(simulator, "BTC/USDT").channels(Channel.TICKER, Channel.TRADES)
                        .endpoint(URI.create(simulator.server().wsUri("/ws").toString())).build()) {
            List<Trade> trades = new CopyOnWriteArrayList<>();
            feed.onTrade(trades::add);
            feed.start();
            within().until(() -> simulator.streams(1).size() == 3);

            simulator.publishTicker(BTC_USDT, "100.125", "100.1", "100.15");
            simulator.publishNumberedTrade(BTC_USDT);

            within().untilAsserted(() -> assertThat(feed.cache().latest("binance", BTC_USDT)).hasValueSatisfying(t -> {
                assertThat(t.last()).isEqualTo(new BigDecimal("100.125"));
                assertThat(t.bid()).isEqualTo(new BigDecimal("100.1"));
                assertThat(t.ask()).isEqualTo(new BigDecimal("100.15"));
            }));
            within().until(() -> trades.size() == 1);
            assertThat(trades.get(0).price()).isEqualTo(new BigDecimal("100.1"));
            assertThat(simulator.server().awaitConnection(1, Duration.ofSeconds(1)).path()).isEqualTo("/ws");
        }
    }

    /** Publishes numbered trades (one per poll) until the feed has handed over, then a few more; returns the last. */
    private static long publishNumberedTradesUntilHandedOver(BinanceSimulator simulator, List<FeedEvent> events) {
        long[] last = {0};
        within().until(() -> {
            last[0] = simulator.publishNumberedTrade(BTC_USDT);
            return !handovers(events).isEmpty() && simulator.server().connections().size() == 1
                    && simulator.server().connectionsAccepted() >= 2;
        });
        for (int i = 0; i < 5; i++) {
            last[0] = simulator.publishNumberedTrade(BTC_USDT);
        }
        return last[0];
    }

    private static List<Long> tradeNumbers(List<Trade> trades) {
        List<Long> numbers = new ArrayList<>();
        for (Trade trade : trades) {
            numbers.add(Long.parseLong(trade.tradeId()));
        }
        return numbers;
    }
}
