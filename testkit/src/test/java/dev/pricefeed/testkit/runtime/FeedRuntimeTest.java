package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.UnknownInstrumentException;
import dev.pricefeed.testkit.EmulatorConnection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runtime's life cycle against the emulator with the test-only exchange, over a real WebSocket. */
class FeedRuntimeTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Instrument ETH = Instrument.of("ETH/USD");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestSimulator simulator = new TestSimulator();
    private final List<FeedEvent> events = new CopyOnWriteArrayList<>();
    private PriceFeed feed;

    @AfterEach
    void tearDown() {
        if (feed != null) {
            feed.close();
        }
        simulator.close();
    }

    /** The WebSocket transport these tests run on; {@link FeedRuntimeOverJdkTest} runs them all on the other one. */
    String transport() {
        return "tyrus";
    }

    private PriceFeed.Builder builder(String... instruments) {
        PriceFeed.Builder builder = PriceFeed.builder().exchange("test")
                .websocketTransport(transport())
                .instruments(instruments.length == 0 ? new String[] {"BTC/USD"} : instruments)
                .environment(Map.of())
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .maxReconnectAttempts(3)
                .healthyAfter(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .probeInterval(Duration.ofMillis(300));
        return simulator.pointAt(builder);
    }

    private PriceFeed start(PriceFeed.Builder builder) {
        feed = builder.build();
        feed.onEvent(events::add);
        feed.start();
        return feed;
    }

    private List<FeedState> statesEntered() {
        List<FeedState> states = new ArrayList<>();
        for (FeedEvent event : events) {
            if (event instanceof FeedEvent.StateChanged changed) {
                states.add(changed.to());
            }
        }
        return states;
    }

    private void awaitSubscribed(Instrument instrument, int times) {
        await().atMost(WAIT).until(() -> simulator.tickerSubscriptions(instrument) >= times);
    }

    private void awaitLast(Instrument instrument, String last) {
        await().atMost(WAIT).until(() -> feed.cache().latest(instrument)
                .map(t -> new BigDecimal(last).equals(t.last())).orElse(false));
    }

    @Test
    @DisplayName("a healthy connection that drops is retried at once, without backoff")
    void healthyConnectionIsRetriedAtOnce() {
        start(builder().healthyAfter(Duration.ofMillis(100)));
        awaitSubscribed(BTC, 1);
        await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
        await().pollDelay(Duration.ofMillis(250)).atMost(WAIT).until(() -> true);
        simulator.server().dropAll();
        awaitSubscribed(BTC, 2);
        await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
        assertThat(statesEntered()).doesNotContain(FeedState.BACKOFF);
        assertThat(feed.metrics().reconnects()).isEqualTo(1);
    }

    @Test
    @DisplayName("each connection is read by a fresh parser made for the session the connector returned for it")
    void freshParserPerConnection() {
        TestExchange.PARSED_SESSIONS.clear();
        start(builder());
        awaitSubscribed(BTC, 1);
        simulator.server().dropAll();
        awaitSubscribed(BTC, 2);
        await().atMost(WAIT).until(() -> TestExchange.PARSED_SESSIONS.size() >= 2);
        assertThat(TestExchange.PARSED_SESSIONS.get(0)).isNotSameAs(TestExchange.PARSED_SESSIONS.get(1));
    }

    @Test
    @DisplayName("a connection that drops before it was healthy backs off, and the attempts add up")
    void flappingConnectionBacksOffWithGrowingAttempts() {
        start(builder().maxReconnectAttempts(10).reconnectDelay(Duration.ofMillis(40)));
        for (int i = 1; i <= 3; i++) {
            awaitSubscribed(BTC, i);
            simulator.server().dropAll();
        }
        awaitSubscribed(BTC, 4);
        List<String> retries = events.stream()
                .filter(e -> e instanceof FeedEvent.StateChanged s && s.to() == FeedState.BACKOFF)
                .map(e -> ((FeedEvent.StateChanged) e).reason()).toList();
        assertThat(retries).hasSize(3);
        assertThat(retries.get(0)).startsWith("retry 1 of 10");
        assertThat(retries.get(1)).startsWith("retry 2 of 10");
        assertThat(retries.get(2)).startsWith("retry 3 of 10");
    }

    @Test
    @DisplayName("after the attempt limit the feed polls REST, then returns to the WebSocket by itself")
    void attemptLimitLeadsToPollingAndBack() {
        simulator.server().refuseConnections(true);
        simulator.setRestTicker(BTC, "100.5", "100.4", "100.6");
        start(builder().maxReconnectAttempts(2));
        await().atMost(WAIT).until(() -> feed.state() == FeedState.POLLING);
        awaitLast(BTC, "100.5");
        long backoffs = statesEntered().stream().filter(s -> s == FeedState.BACKOFF).count();
        assertThat(backoffs).isEqualTo(2);
        assertThat(feed.metrics().polls()).isPositive();

        simulator.server().refuseConnections(false);
        await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
        long pollsAtReturn = feed.metrics().polls();
        simulator.publishTicker(BTC, "101", "100.9", "101.1");
        awaitLast(BTC, "101");
        assertThat(feed.metrics().polls()).isLessThanOrEqualTo(pollsAtReturn + 1);
    }

    @Test
    @DisplayName("with the WebSocket disabled the feed only polls REST and opens no socket")
    void restOnly() {
        simulator.setRestTicker(BTC, "7.25", "7.2", "7.3");
        start(builder().websocketEnabled(false).probeInterval(Duration.ofMillis(50)));
        awaitLast(BTC, "7.25");
        assertThat(feed.state()).isEqualTo(FeedState.POLLING);
        await().pollDelay(Duration.ofMillis(200)).atMost(WAIT).until(() -> true);
        assertThat(simulator.server().connectionsAccepted()).isZero();
    }

    @Test
    @DisplayName("a socket that goes silent with TCP open is judged dead within the liveness timeout")
    void silentSocketIsDetected() {
        start(builder().option("liveness-ms", "300"));
        awaitSubscribed(BTC, 1);
        simulator.server().silenceAll();
        awaitSubscribed(BTC, 2);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FeedEvent.Error.class,
                error -> assertThat(error.message()).contains("socket judged dead")));
    }

    @Test
    @DisplayName("application pings keep a quiet connection alive; unanswered pings make it dead")
    void applicationPings() {
        // a pong may take longer than 100 ms on a loaded machine: the deadline is generous, the pings frequent
        start(builder().option("ping-ms", "100").option("pong-timeout-ms", "2000").option("liveness-ms", "5000"));
        awaitSubscribed(BTC, 1);
        EmulatorConnection first = simulator.server().awaitConnection(1, WAIT);
        first.awaitReceived(text -> text.contains("\"op\":\"ping\""), WAIT);
        await().pollDelay(Duration.ofMillis(400)).atMost(WAIT).until(() -> true);
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);

        simulator.answerPings = false;
        awaitSubscribed(BTC, 2);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FeedEvent.Error.class,
                error -> assertThat(error.message()).contains("no answer to a ping")));
    }

    @Test
    @DisplayName("WebSocket ping frames keep a quiet connection alive; a server that stops answering them is dead")
    void pingFrames() {
        start(builder().option("ping-frames-ms", "100").option("liveness-ms", "10000"));
        awaitSubscribed(BTC, 1);
        await().pollDelay(Duration.ofMillis(800)).atMost(WAIT).until(() -> true);
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);

        simulator.server().silenceAll();
        awaitSubscribed(BTC, 2);
        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FeedEvent.Error.class,
                error -> assertThat(error.message()).contains("no answer to a ping")));
    }

    @Test
    @DisplayName("Delivery.inline runs the listener on the socket's read thread, after the cache has the tick")
    void inlineDeliveryRunsOnTheReadThread() {
        List<String> seen = new CopyOnWriteArrayList<>();
        feed = builder().build();
        feed.onTick(tick -> seen.add(tick.last() + " on " + Thread.currentThread().getName() + ", cache "
                + feed.cache().latest(BTC).map(t -> t.last().toPlainString()).orElse("empty")), Delivery.inline());
        feed.start();
        awaitSubscribed(BTC, 1);

        simulator.publishTicker(BTC, "7.5", "7.4", "7.6");

        await().atMost(WAIT).until(() -> !seen.isEmpty());
        assertThat(seen.get(0)).startsWith("7.5 on ").endsWith(", cache 7.5").doesNotContain("-listeners");
    }

    @Test
    @DisplayName("a slow listener stalls neither the socket nor the cache, and conflation is counted")
    void slowListenerDoesNotStallTheFeed() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inListener = new CountDownLatch(1);
        feed = builder().build();
        feed.onTick(tick -> {
            inListener.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        List<Tick> queued = new CopyOnWriteArrayList<>();
        feed.onTick(queued::add, Delivery.queue(1000));
        feed.start();
        awaitSubscribed(BTC, 1);
        simulator.publishTicker(BTC, "1", "0.9", "1.1");
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 2; i <= 50; i++) {
            simulator.publishTicker(BTC, Integer.toString(i), "0.9", "1.1");
        }
        awaitLast(BTC, "50");
        await().atMost(WAIT).until(() -> feed.metrics().conflated() > 0);
        release.countDown();
        assertThat(feed.metrics().frames()).isGreaterThanOrEqualTo(50);
        await().atMost(WAIT).until(() -> queued.size() == 50);
    }

    @Test
    @DisplayName("malformed and unknown frames are counted and skipped")
    void malformedAndUnknownFramesAreCounted() {
        start(builder());
        awaitSubscribed(BTC, 1);
        simulator.server().broadcast("}{ not json");
        simulator.server().broadcast("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"abc\"}");
        simulator.server().broadcast("{\"type\":\"news\",\"text\":\"hello\"}");
        simulator.publishTicker(BTC, "3", "2", "4");
        awaitLast(BTC, "3");
        assertThat(feed.metrics().parseErrors()).isEqualTo(2);
        assertThat(feed.metrics().unknownMessages()).isEqualTo(1);
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
    }

    @Test
    @DisplayName("an instrument without data for a while is reported stale, not reconnected, and fresh again later")
    void staleInstrumentIsAnEventNotAReconnect() {
        start(builder("BTC/USD", "ETH/USD").staleAfter(Duration.ofMillis(300)));
        awaitSubscribed(ETH, 1);
        await().atMost(WAIT).until(() -> events.stream().anyMatch(
                e -> e instanceof FeedEvent.Stale s && s.instrument().equals(ETH)));
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(1);
        assertThat(feed.staleInstruments()).contains(ETH);
        simulator.publishTicker(ETH, "2000", "1999", "2001");
        await().atMost(WAIT).until(() -> events.stream().anyMatch(
                e -> e instanceof FeedEvent.Fresh f && f.instrument().equals(ETH)));
    }

    @Test
    @DisplayName("sequence gaps become events naming the missing range; repeats are dropped")
    void sequenceGaps() {
        start(builder());
        awaitSubscribed(BTC, 1);
        for (int seq : new int[] {1, 2, 5, 5, 6}) {
            simulator.sendToTickerSubscribers(BTC, "{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"" + seq
                    + "\",\"seq\":" + seq + "}");
        }
        awaitLast(BTC, "6");
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof FeedEvent.SequenceGap));
        FeedEvent.SequenceGap gap = (FeedEvent.SequenceGap) events.stream()
                .filter(e -> e instanceof FeedEvent.SequenceGap).findFirst().orElseThrow();
        assertThat(gap.firstMissing()).isEqualTo(3);
        assertThat(gap.lastMissing()).isEqualTo(4);
        assertThat(gap.missed()).isEqualTo(2);
        assertThat(feed.metrics().ticks()).isEqualTo(4);
        assertThat(feed.metrics().sequenceGaps()).isEqualTo(1);
    }

    @Test
    @DisplayName("connection sequences start afresh on a reconnect: no stale drop, no gap across connections")
    void connectionSequencesStartAfreshOnReconnect() {
        start(builder().healthyAfter(Duration.ofMillis(100)));
        awaitSubscribed(BTC, 1);
        for (int seq : new int[] {1, 2, 3}) {
            simulator.sendToTickerSubscribers(BTC, "{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"" + seq
                    + "\",\"cseq\":" + seq + "}");
        }
        awaitLast(BTC, "3");
        simulator.server().dropAll();
        awaitSubscribed(BTC, 2);
        // the new connection numbers from 1 again; a feed-wide stream would drop these as stale
        simulator.sendToTickerSubscribers(BTC, "{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"11\",\"cseq\":1}");
        simulator.sendToTickerSubscribers(BTC, "{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"12\",\"cseq\":3}");
        awaitLast(BTC, "12");
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof FeedEvent.SequenceGap));
        assertThat(events).filteredOn(e -> e instanceof FeedEvent.SequenceGap).singleElement()
                .isInstanceOfSatisfying(FeedEvent.SequenceGap.class, gap -> {
                    assertThat(gap.firstMissing()).isEqualTo(2);
                    assertThat(gap.lastMissing()).isEqualTo(2);
                });
    }

    @Test
    @DisplayName("a refused subscription is an event with the exchange's words and is not sent again on reconnect")
    void refusedSubscriptionIsNotRetried() {
        simulator.refusedSymbols.add("ETH/USD");
        start(builder("BTC/USD", "ETH/USD").healthyAfter(Duration.ofMillis(50)));
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof FeedEvent.SubscriptionFailed));
        FeedEvent.SubscriptionFailed failed = (FeedEvent.SubscriptionFailed) events.stream()
                .filter(e -> e instanceof FeedEvent.SubscriptionFailed).findFirst().orElseThrow();
        assertThat(failed.instrument()).isEqualTo(ETH);
        assertThat(failed.reason()).isEqualTo("Currency pair not supported ETH/USD");

        simulator.server().dropAll();
        awaitSubscribed(BTC, 2);
        EmulatorConnection second = simulator.server().awaitConnection(2, WAIT);
        second.awaitReceived(text -> text.contains("BTC/USD"), WAIT);
        assertThat(second.received()).noneMatch(text -> text.contains("ETH/USD"));
    }

    @Test
    @DisplayName("a server shutdown notice hands over to a new connection before the old one closes")
    void shutdownNoticeHandsOver() {
        start(builder());
        awaitSubscribed(BTC, 1);
        simulator.server().broadcast("{\"type\":\"shutdown\"}");
        awaitSubscribed(BTC, 2);
        await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e instanceof FeedEvent.Handover));
        EmulatorConnection first = simulator.server().awaitConnection(1, WAIT);
        await().atMost(WAIT).until(() -> !first.isOpen());
        assertThat(statesEntered()).doesNotContain(FeedState.BACKOFF, FeedState.POLLING);
        simulator.publishTicker(BTC, "42", "41", "43");
        awaitLast(BTC, "42");
        assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
    }

    @Test
    @DisplayName("the declared maximum connection lifetime triggers a make-before-break handover")
    void lifetimeHandover() {
        start(builder().option("lifetime-ms", "600"));
        awaitSubscribed(BTC, 2);
        await().atMost(WAIT).until(() -> events.stream().anyMatch(
                e -> e instanceof FeedEvent.Handover h && h.reason().contains("lifetime")));
        assertThat(feed.metrics().reconnects()).isZero();
    }

    @Test
    @DisplayName("subscriptions beyond one connection's limit are spread over several connections")
    void sharding() {
        start(builder("BTC/USD", "ETH/USD", "SOL/USD", "ADA/USD", "XRP/USD").option("max-weight", "2"));
        for (String symbol : List.of("BTC/USD", "ETH/USD", "SOL/USD", "ADA/USD", "XRP/USD")) {
            awaitSubscribed(Instrument.of(symbol), 1);
        }
        assertThat(simulator.server().connectionsAccepted()).isEqualTo(3);
        await().atMost(WAIT).until(() -> feed.state() == FeedState.STREAMING);
    }

    @Test
    @DisplayName("outgoing subscribe messages are paced to the declared rate")
    void pacing() {
        start(builder("BTC/USD", "ETH/USD", "SOL/USD", "ADA/USD", "XRP/USD")
                .option("per-message", "1").option("rate", "2"));
        for (String symbol : List.of("BTC/USD", "ETH/USD", "SOL/USD", "ADA/USD", "XRP/USD")) {
            awaitSubscribed(Instrument.of(symbol), 1);
        }
        List<Long> times = List.copyOf(simulator.subscribeTimes);
        assertThat(times).hasSize(5);
        // The pacer spaces sends by 1 s; the emulator stamps receipt, which a loaded machine can delay by a few
        // hundred ms for one message and not the next. Unpaced sends would arrive within milliseconds of each other.
        for (int i = 2; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 2)).as("two messages before message %d", i)
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(600));
        }
    }

    @Test
    @DisplayName("a connector that waits for a welcome subscribes only after it")
    void subscribesAfterWelcome() {
        simulator.sendWelcome = true;
        start(builder().option("welcome", "true"));
        awaitSubscribed(BTC, 1);
        simulator.sendWelcome = false;
        simulator.server().dropAll();
        await().atMost(WAIT).until(() -> simulator.server().connectionsAccepted() >= 2);
        EmulatorConnection second = simulator.server().awaitConnection(2, WAIT);
        await().pollDelay(Duration.ofMillis(300)).atMost(WAIT).until(() -> true);
        assertThat(second.received()).noneMatch(text -> text.contains("subscribe"));
        second.send("{\"type\":\"welcome\"}");
        awaitSubscribed(BTC, 2);
    }

    @Test
    @DisplayName("instruments the exchange does not list are rejected at start, naming each with close matches")
    void unknownInstruments() {
        feed = builder("BTC/USDT", "ETH/USD").build();
        assertThatThrownBy(feed::start).isInstanceOf(UnknownInstrumentException.class)
                .hasMessageContaining("test does not list BTC/USDT (did you mean BTC/USD?)")
                .hasMessageNotContaining("ETH/USD (");
        assertThat(simulator.server().connectionsAccepted()).isZero();
    }

    @Test
    @DisplayName("a token in the WebSocket query never reaches events or logs when connecting fails")
    void tokenInQueryIsNotReported() {
        simulator.server().refuseConnections(true);
        start(builder().maxReconnectAttempts(1).option("token", "SECRET-TOKEN-42"));
        await().atMost(WAIT).until(() -> feed.state() == FeedState.POLLING);
        assertThat(events).filteredOn(e -> e instanceof FeedEvent.Error).isNotEmpty()
                .allSatisfy(e -> assertThat(((FeedEvent.Error) e).message()).doesNotContain("SECRET-TOKEN-42"));
        assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("SECRET-TOKEN-42"));
    }

    @Test
    @DisplayName("a channel the plugin does not offer is rejected when the feed is built")
    void unsupportedChannel() {
        PriceFeed.Builder builder = builder().channels(dev.pricefeed.Channel.BALANCES).credentials("key", "c2VjcmV0");
        assertThatThrownBy(builder::build).isInstanceOf(dev.pricefeed.config.ConfigException.class)
                .hasMessageContaining("does not support the balances channel");
    }

    @Test
    @DisplayName("close() ends in CLOSED, closes the socket and stops the feed's threads")
    void closeStopsEverything() {
        List<String> before = RuntimeThreads.live();
        start(builder());
        awaitSubscribed(BTC, 1);
        EmulatorConnection connection = simulator.server().awaitConnection(1, WAIT);
        feed.close();
        assertThat(feed.state()).isEqualTo(FeedState.CLOSED);
        await().atMost(WAIT).until(() -> !connection.isOpen());
        // gone when close() returned: the shared control and I/O threads, the listener thread, the HTTP client's
        assertThat(RuntimeThreads.live()).isEqualTo(before);
    }
}
