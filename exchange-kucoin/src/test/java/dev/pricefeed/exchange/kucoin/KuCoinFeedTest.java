package dev.pricefeed.exchange.kucoin;

import static dev.pricefeed.exchange.kucoin.Feeds.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** KuCoin-specific behaviour of a whole feed against the simulator over a real WebSocket on 127.0.0.1. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KuCoinFeedTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");

    @Test
    void expiredTokenOnReconnectLeadsToANewBootstrapAndTheStreamResumes() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start();
                PriceFeed feed = Feeds.builder(simulator, "BTC/USDT").build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();
            awaitQuote(simulator, feed, "100.5", "100.4", "100.6");

            // the token of the open connection expires, and the next one handed out is expired on arrival
            simulator.expireTokens();
            simulator.issueExpiredTokens(1);
            simulator.server().dropAll();

            within().until(() -> simulator.tokensRejected() >= 1);
            awaitQuote(simulator, feed, "101.5", "101.4", "101.6");
            assertThat(simulator.bulletCalls()).isGreaterThanOrEqualTo(3);
            List<String> presented = simulator.presentedTokens();
            assertThat(new HashSet<>(presented)).as("no token presented twice").hasSameSizeAs(presented);
            List<String> issued = simulator.issuedTokens();
            assertThat(presented.get(presented.size() - 1)).isEqualTo(issued.get(issued.size() - 1));
            within().untilAsserted(() -> assertThat(events).anySatisfy(event -> assertThat(event)
                    .isInstanceOfSatisfying(FeedEvent.Error.class, error -> {
                        assertThat(error.code()).isEqualTo("401");
                        assertThat(error.message()).contains("token is expired");
                    })));
            // sequences skipped while disconnected are no gap events: KuCoin's numbers jump anyway
            assertThat(events).noneMatch(event -> event instanceof FeedEvent.SequenceGap);
        }
    }

    @Test
    void reconnectAfterTokensExpiredNeverPresentsAnOldToken() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start();
                PriceFeed feed = Feeds.builder(simulator, "BTC/USDT").build()) {
            feed.start();
            awaitQuote(simulator, feed, "100.5", "100.4", "100.6");

            simulator.expireTokens();
            simulator.server().dropAll();

            awaitQuote(simulator, feed, "102.5", "102.4", "102.6");
            assertThat(simulator.tokensRejected()).isZero();
            assertThat(simulator.bulletCalls()).isEqualTo(simulator.presentedTokens().size());
            assertThat(simulator.presentedTokens()).containsExactlyElementsOf(simulator.issuedTokens());
        }
    }

    @Test
    void unansweredPingsLeadToAReconnect() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start()) {
            // KuCoin's own ratio (18 s / 10 s): the pong is due before the next ping
            simulator.pingTimes(Duration.ofMillis(300), Duration.ofMillis(200));
            // a long liveness timeout, so only the missing pong can end the connection
            try (PriceFeed feed = Feeds.builder(simulator, "BTC/USDT").livenessTimeout(Duration.ofSeconds(20))
                    .build()) {
                List<FeedEvent> events = new CopyOnWriteArrayList<>();
                feed.onEvent(events::add);
                feed.start();
                awaitQuote(simulator, feed, "100.5", "100.4", "100.6");
                EmulatorConnection first = simulator.server().awaitConnection(1, Duration.ofSeconds(5));
                within().until(() -> first.received().stream().anyMatch(m -> m.contains("\"type\":\"ping\"")));

                simulator.stopPongs();

                within().until(() -> simulator.server().connectionsAccepted() >= 2);
                awaitQuote(simulator, feed, "103.5", "103.4", "103.6");
                within().untilAsserted(() -> assertThat(events).anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(FeedEvent.Error.class,
                                error -> assertThat(error.message()).contains("no answer to a ping"))));
                assertThat(first.isOpen()).as("the server never closed the first connection itself").isFalse();
            }
        }
    }

    @Test
    void subscribesOnlyAfterTheWelcome() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start()) {
            simulator.welcomeDelay(Duration.ofMillis(400));
            try (PriceFeed feed = Feeds.builder(simulator, "BTC/USDT", "ETH/USDT").build()) {
                feed.start();

                awaitQuote(simulator, feed, "100.5", "100.4", "100.6");
                assertThat(simulator.subscribeTopics()).isNotEmpty();
                assertThat(simulator.subscribesBeforeWelcome()).isZero();
            }
        }
    }

    @Test
    void topicsBeyondTheMessageLimitAreSplitAndBeyondTheConnectionLimitGoToAnotherConnection() {
        List<String> listed = List.of("A1/USDT", "A2/USDT", "A3/USDT", "A4/USDT", "A5/USDT");
        try (KuCoinSimulator simulator = KuCoinSimulator.start(listed);
                PriceFeed feed = Feeds.builder(simulator, listed.toArray(String[]::new))
                        .option("max-topics-per-connection", "4")
                        .option("max-topics-per-message", "1")
                        .build()) {
            feed.start();
            for (String instrument : listed) {
                within().until(() -> simulator.tickerSubscriptions(Instrument.of(instrument)) == 1);
            }

            // a ticker is two topics: 4 topics per connection hold 2 instruments, so 5 instruments need 3
            within().until(() -> simulator.subscribeTopics().size() == 10);
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(3);
            assertThat(simulator.subscribeTopics()).allSatisfy(topic -> assertThat(topic).doesNotContain(","));
            for (EmulatorConnection connection : simulator.server().connections()) {
                assertThat(simulator.topicsOf(connection)).hasSizeLessThanOrEqualTo(4);
            }
            for (int i = 0; i < listed.size(); i++) {
                Instrument instrument = Instrument.of(listed.get(i));
                String last = (i + 1) + ".25";
                within().untilAsserted(() -> {
                    simulator.publishTicker(instrument, last, "1", "2");
                    assertThat(feed.cache().latest("kucoin", instrument)).hasValueSatisfying(
                            tick -> assertThat(tick.last()).isEqualTo(new BigDecimal(last)));
                });
            }
        }
    }

    @Test
    void kuCoinsOwnLimitsPut250TickersOnTwoConnectionsInMessagesOfAtMost100Symbols() {
        List<String> listed = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            listed.add("C" + i + "/USDT");
        }
        try (KuCoinSimulator simulator = KuCoinSimulator.start(listed);
                PriceFeed feed = Feeds.builder(simulator, listed.toArray(String[]::new)).build()) {
            feed.start();

            // 250 tickers are 500 topics: 200 instruments (400 topics) on one connection, 50 on another
            within().until(() -> simulator.subscribeTopics().size() == 6);
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(2);
            assertThat(simulator.subscribeTopics()).allSatisfy(
                    topic -> assertThat(topic.split(",")).hasSizeLessThanOrEqualTo(100));
            within().untilAsserted(() -> assertThat(simulator.server().connections())
                    .extracting(connection -> simulator.topicsOf(connection).size())
                    .containsExactlyInAnyOrder(400, 100));
            Instrument last = Instrument.of(listed.get(249));
            within().untilAsserted(() -> {
                simulator.publishTicker(last, "7.77", "7.7", "7.8");
                assertThat(feed.cache().latest("kucoin", last)).hasValueSatisfying(
                        tick -> assertThat(tick.last()).isEqualTo(new BigDecimal("7.77")));
            });
        }
    }

    @Test
    void statsOptionMergesSnapshotStatisticsIntoTheTick() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start();
                PriceFeed feed = Feeds.builder(simulator, "BTC/USDT").option("stats", "true").build()) {
            feed.start();
            awaitQuote(simulator, feed, "100.5", "100.4", "100.6");
            within().until(() -> simulator.subscribeTopics().contains("/market/snapshot:BTC-USDT"));

            // a fresh real-time quote, then a snapshot whose datetime (2 s ago) is older than it
            simulator.publishTicker(BTC, "100.5", "100.4", "100.6");
            simulator.publishSnapshot(BTC, "99.10", "105.20000000000000000000", "98.3", "12.5", "1250.75");

            within().untilAsserted(() -> assertThat(feed.cache().latest("kucoin", BTC)).hasValueSatisfying(tick -> {
                assertThat(tick.open()).isEqualTo(new BigDecimal("99.10"));
                assertThat(tick.high()).isEqualTo(new BigDecimal("105.20000000000000000000"));
                assertThat(tick.low()).isEqualTo(new BigDecimal("98.3"));
                assertThat(tick.volume()).isEqualTo(new BigDecimal("12.5"));
                assertThat(tick.quoteVolume()).isEqualTo(new BigDecimal("1250.75"));
                // the snapshot's older last/buy/sell never overwrite the newer live quote
                assertThat(tick.last()).isEqualTo(new BigDecimal("100.5"));
                assertThat(tick.bid()).isEqualTo(new BigDecimal("100.4"));
            }));
        }
    }

    @Test
    void tradesAndTickersTogetherUseOneConnection() {
        try (KuCoinSimulator simulator = KuCoinSimulator.start();
                PriceFeed feed = Feeds.builder(simulator, "BTC/USDT", "ETH/USDT")
                        .channels(Channel.TICKER, Channel.TRADES).build()) {
            feed.start();
            within().until(() -> simulator.subscribeTopics().size() == 3);

            assertThat(simulator.subscribeTopics()).containsExactlyInAnyOrder(
                    "/market/ticker:BTC-USDT,ETH-USDT", "/spotMarket/level1:BTC-USDT,ETH-USDT",
                    "/market/match:BTC-USDT,ETH-USDT");
            assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
        }
    }

    private static void awaitQuote(KuCoinSimulator simulator, PriceFeed feed, String last, String bid, String ask) {
        // publishing on every poll reaches the connection as soon as it has subscribed
        within().untilAsserted(() -> {
            simulator.publishTicker(BTC, last, bid, ask);
            assertThat(feed.cache().latest("kucoin", BTC)).hasValueSatisfying(tick -> assertQuote(tick, last, bid,
                    ask));
        });
    }

    private static void assertQuote(Tick tick, String last, String bid, String ask) {
        assertThat(tick.last()).isEqualTo(new BigDecimal(last));
        assertThat(tick.bid()).isEqualTo(new BigDecimal(bid));
        assertThat(tick.ask()).isEqualTo(new BigDecimal(ask));
    }
}
