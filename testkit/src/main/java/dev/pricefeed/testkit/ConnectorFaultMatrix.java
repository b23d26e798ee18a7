package dev.pricefeed.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix of the connector contract, inherited by every plugin through {@link ConnectorContractTest}: for
 * each fault the feed gets back to STREAMING (or keeps POLLING where that is the design), every numbered tick
 * published outside the outage reaches a {@link Delivery#queue()} listener, and events and metrics say what
 * happened. Each case takes seconds with the contract's fast timings.
 */
public abstract class ConnectorFaultMatrix {

    /** How long any single expectation of the matrix may take. */
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** A fresh, started simulator; each test closes the one it gets. */
    protected abstract ExchangeSimulator newSimulator();

    /** Two instruments the simulator lists, written {@code BASE/QUOTE}. */
    protected abstract List<String> instruments();

    /** A builder pointed at the simulator with the contract's fast timings. */
    protected abstract PriceFeed.Builder feedBuilder(ExchangeSimulator simulator);

    /** Close codes of the exchange's own to test besides 1000, 1001, 1008 and 1011 (none by default). */
    protected List<Integer> exchangeCloseCodes() {
        return List.of();
    }

    /** HTTP statuses the exchange's REST API answers when polled too fast, with Retry-After (429; Binance adds 418). */
    protected List<Integer> rateLimitStatuses() {
        return List.of(429);
    }

    /**
     * Makes the simulator hand out an expired token on the next bootstrap (KuCoin); returns false when the exchange's
     * public feed uses no tokens, which skips that case.
     */
    protected boolean issueExpiredToken(ExchangeSimulator simulator) {
        return false;
    }

    /**
     * Makes the simulator refuse the ticker subscription of the instrument from now on; returns false when it cannot,
     * which skips that case.
     */
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        return false;
    }

    // ---------------------------------------------------------------- the matrix

    @Test
    @DisplayName("fault matrix: a close with 1000, 1001, 1008, 1011 (and the exchange's own) or a drop (1006) is "
            + "reported as the server's close, and the feed streams again without losing a tick")
    void serverClosesWithEveryCode() {
        try (Harness h = new Harness()) {
            List<Integer> codes = new java.util.ArrayList<>(List.of(1000, 1001, 1008, 1011));
            codes.addAll(exchangeCloseCodes());
            for (int code : codes) {
                int before = h.simulator.server().connectionsAccepted();
                h.simulator.server().connections().forEach(c -> c.close(code, "fault matrix " + code));
                h.awaitNewConnectionStreaming(before);
                assertThat(h.errors()).as("events after a close with %d", code)
                        .anySatisfy(m -> assertThat(m).contains("closed by the server (code " + code));
            }
            int before = h.simulator.server().connectionsAccepted();
            h.simulator.server().dropAll();
            h.awaitNewConnectionStreaming(before);
            assertThat(h.errors()).as("events after a drop")
                    .anySatisfy(m -> assertThat(m).contains("connection lost without a close frame"));
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(codes.size() + 1);
        }
    }

    @Test
    @DisplayName("fault matrix: a truncated frame (the peer died inside it) costs one reconnect and no tick after it")
    void truncatedFrameCostsOneReconnect() {
        try (Harness h = new Harness()) {
            int before = h.simulator.server().connectionsAccepted();
            h.simulator.server().connections()
                    .forEach(c -> c.sendTruncatedAndDrop("{\"truncated\":\"" + "x".repeat(500) + "\"}", 100));
            h.awaitNewConnectionStreaming(before);
            assertThat(h.errors()).as("events after a truncated frame").isNotEmpty();
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(h.feed.metrics().parseErrors()).as("the half frame is never parsed").isZero();
        }
    }

    @Test
    @DisplayName("fault matrix: garbage and binary frames are counted and skipped on the same connection")
    void garbageAndBinaryFramesAreSkipped() {
        try (Harness h = new Harness()) {
            h.simulator.server().connections().forEach(c -> {
                c.sendGarbage();
                c.sendBinary(new byte[] {0, 1, 2, 3});
            });
            within().until(() -> h.feed.metrics().parseErrors() >= 1 && h.feed.metrics().binaryFrames() >= 1);
            h.publishAndAwaitNumbered();
            assertThat(h.simulator.server().connectionsAccepted()).isEqualTo(1);
            assertThat(h.feed.metrics().reconnects()).isZero();
        }
    }

    @Test
    @DisplayName("fault matrix: a frame over the 8 MB limit costs one reconnect, reported as our close with its size")
    void oversizedFrameCostsOneReconnect() {
        try (Harness h = new Harness()) {
            int before = h.simulator.server().connectionsAccepted();
            h.simulator.server().connections().forEach(c -> c.sendOversized(9_856_000));
            h.awaitNewConnectionStreaming(before);
            // the size is reported where the frame arrives before the contract's 1 s liveness timeout (TransportFaultsTest
            // checks the words); on a loaded machine the silence while it arrives may be judged first
            assertThat(h.errors()).anySatisfy(m -> assertThat(m).contains("closed by us"));
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("fault matrix: handshakes refused with 403 and 500 are retried with backoff until one is accepted")
    void refusedHandshakesAreRetried() {
        try (Harness h = new Harness()) {
            for (int status : List.of(403, 500)) {
                // a connection up for the contract's healthy-after (200 ms) is retried at once and resets the attempts
                await().pollDelay(Duration.ofMillis(400)).until(() -> true);
                int before = h.simulator.server().connectionsAccepted();
                h.simulator.server().refuseConnections(status);
                h.simulator.server().dropAll();
                within().untilAsserted(() -> assertThat(h.errors())
                        .anySatisfy(m -> assertThat(m).contains(Integer.toString(status))));
                h.simulator.server().refuseConnections(0);
                h.awaitNewConnectionStreaming(before);
            }
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    @DisplayName("fault matrix: a handshake the server never answers fails after websocket.handshake-timeout, is "
            + "reported as such, and is retried until the server answers again")
    void hungHandshakeTimesOutAndIsRetried() {
        Duration timeout = Duration.ofMillis(500);
        try (Harness h = new Harness(builder -> builder.handshakeTimeout(timeout))) {
            int before = h.simulator.server().connectionsAccepted();
            h.simulator.server().hangHandshakes(true);
            h.simulator.server().dropAll();
            within().untilAsserted(() -> assertThat(h.errors()).anySatisfy(m -> assertThat(m)
                    .contains("no WebSocket handshake").contains("within " + timeout.toMillis() + " ms")));
            assertThat(h.simulator.server().connectionsAccepted()).isEqualTo(before);
            h.simulator.server().hangHandshakes(false);
            h.awaitNewConnectionStreaming(before);
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("fault matrix: REST answers 429 (and the exchange's other rate-limit codes) with Retry-After: the "
            + "poller waits, says so, and keeps polling")
    void restRateLimitIsHonoured() {
        try (ExchangeSimulator simulator = newSimulator();
                PriceFeed feed = feedBuilder(simulator).websocketEnabled(false).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            Instrument instrument = Instrument.of(instruments().get(0));
            simulator.setRestTicker(instrument, "501.5", "501.4", "501.6");
            feed.start();
            awaitLast(feed, simulator, instrument, "501.5");
            int round = 0;
            for (int status : rateLimitStatuses()) {
                round++;
                simulator.server().failHttp("/", status, "{\"error\":\"rate limited\"}", Duration.ofSeconds(2), 1);
                within().untilAsserted(() -> assertThat(events).anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(FeedEvent.Error.class,
                                error -> assertThat(error.message()).contains(Integer.toString(status)))));
                int calls = simulator.server().httpCalls().size();
                // polls run every 100 ms in the contract; for the Retry-After seconds none may go out
                await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                        .until(() -> simulator.server().httpCalls().size() <= calls);
                String last = "50" + round + ".25";
                simulator.setRestTicker(instrument, last, "500.1", "509.9");
                awaitLast(feed, simulator, instrument, last);
                assertThat(feed.state()).isEqualTo(FeedState.POLLING);
            }
            assertThat(feed.metrics().polls()).isGreaterThanOrEqualTo(rateLimitStatuses().size() + 1L);
            assertThat(feed.metrics().reconnects()).isZero();
        }
    }

    @Test
    @DisplayName("fault matrix: an expired token at the bootstrap is replaced by a fresh one on the next attempt")
    void expiredTokenIsRenewed() {
        try (Harness h = new Harness()) {
            Assumptions.assumeTrue(issueExpiredToken(h.simulator), "this exchange's public feed uses no tokens");
            int before = h.simulator.server().connectionsAccepted();
            h.simulator.server().dropAll();
            h.awaitNewConnectionStreaming(before);
            assertThat(h.errors()).isNotEmpty();
            assertThat(h.feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("fault matrix: a refused subscription is one SubscriptionFailed event; the other instrument streams")
    void refusedSubscriptionIsReportedOnce() {
        try (ExchangeSimulator simulator = newSimulator()) {
            Instrument refused = Instrument.of(instruments().get(1));
            Assumptions.assumeTrue(refuseTickerSubscription(simulator, refused),
                    "this simulator cannot refuse a subscription");
            try (Harness h = new Harness(simulator)) {
                within().untilAsserted(() -> assertThat(h.events).filteredOn(FeedEvent.SubscriptionFailed.class::isInstance)
                        .singleElement().satisfies(e -> assertThat(((FeedEvent.SubscriptionFailed) e).instrument())
                                .isEqualTo(refused)));
                h.publishAndAwaitNumbered();
                // a drop resubscribes what is still wanted: the refused one is not asked again, nor reported twice
                int before = h.simulator.server().connectionsAccepted();
                h.simulator.server().dropAll();
                h.awaitNewConnectionStreaming(before);
                assertThat(h.events).filteredOn(FeedEvent.SubscriptionFailed.class::isInstance).hasSize(1)
                        .allSatisfy(e -> assertThat(((FeedEvent.SubscriptionFailed) e).reason()).isNotBlank());
                assertThat(h.feed.metrics().reconnects()).as("reconnects: the drop only").isEqualTo(1);
                assertThat(h.simulator.server().connectionsAccepted()).isEqualTo(before + 1);
            }
        }
    }

    @Test
    @DisplayName("fault matrix: a slow listener stalls neither the socket, the cache nor a queued listener")
    void slowListenerLosesNothing() {
        try (Harness h = new Harness()) {
            AtomicLong slowCalls = new AtomicLong();
            h.feed.onTick(tick -> {
                slowCalls.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            });
            for (int i = 0; i < 5; i++) {
                h.publishAndAwaitNumbered();
            }
            assertThat(slowCalls.get()).isGreaterThanOrEqualTo(1);
            assertThat(h.simulator.server().connectionsAccepted()).isEqualTo(1);
            assertThat(h.feed.metrics().reconnects()).isZero();
            assertThat(h.feed.metrics().dropped()).as("updates the queued listener lost").isZero();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static ConditionFactory within() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }

    private static void awaitLast(PriceFeed feed, ExchangeSimulator simulator, Instrument instrument, String last) {
        within().untilAsserted(() -> assertThat(feed.cache().latest(simulator.exchangeId(), instrument))
                .hasValueSatisfying(tick -> assertThat(tick.last()).isEqualTo(new BigDecimal(last))));
    }

    /**
     * A streaming feed on a fresh simulator with a {@link Delivery#queue()} listener that records every tick, and
     * numbered ticks: each is published until it arrives, and every one published after the feed streams again must
     * arrive once.
     */
    private final class Harness implements AutoCloseable {
        final ExchangeSimulator simulator;
        final PriceFeed feed;
        final List<FeedEvent> events = new CopyOnWriteArrayList<>();
        final List<Tick> queued = new CopyOnWriteArrayList<>();
        final Instrument instrument = Instrument.of(instruments().get(0));
        private final boolean ownsSimulator;
        private int number;

        Harness() {
            this(newSimulator(), true, UnaryOperator.identity());
        }

        Harness(UnaryOperator<PriceFeed.Builder> tuning) {
            this(newSimulator(), true, tuning);
        }

        Harness(ExchangeSimulator simulator) {
            this(simulator, false, UnaryOperator.identity());
        }

        private Harness(ExchangeSimulator simulator, boolean ownsSimulator, UnaryOperator<PriceFeed.Builder> tuning) {
            this.simulator = simulator;
            this.ownsSimulator = ownsSimulator;
            this.feed = tuning.apply(feedBuilder(simulator)).build();
            feed.onEvent(events::add);
            feed.onTick(queued::add, Delivery.queue());
            feed.start();
            within().until(() -> simulator.tickerSubscriptions(instrument) >= 1);
            publishAndAwaitNumbered();
        }

        List<String> errors() {
            return events.stream().filter(FeedEvent.Error.class::isInstance)
                    .map(e -> ((FeedEvent.Error) e).message()).toList();
        }

        /** Publishes the next numbered tick until the queue listener has it (it may take a resubscription). */
        void publishAndAwaitNumbered() {
            number++;
            String last = number + "000.5";
            within().untilAsserted(() -> {
                simulator.publishTicker(instrument, last, number + "000.4", number + "000.6");
                assertThat(queued).anyMatch(t -> new BigDecimal(last).equals(t.last()));
            });
        }

        /**
         * Waits for a new connection to stream, then checks that every numbered tick published from then on reaches
         * the queue listener (a merged partial update may deliver one number twice).
         */
        void awaitNewConnectionStreaming(int connectionsBefore) {
            within().until(() -> simulator.server().connectionsAccepted() > connectionsBefore
                    && feed.state() == FeedState.STREAMING);
            publishAndAwaitNumbered();
            for (int i = 0; i < 3; i++) {
                number++;
                String last = number + "000.5";
                simulator.publishTicker(instrument, last, number + "000.4", number + "000.6");
                within().untilAsserted(() -> assertThat(queued).filteredOn(t -> new BigDecimal(last).equals(t.last()))
                        .as("numbered tick %s after the outage", last).isNotEmpty());
            }
            assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
        }

        @Override
        public void close() {
            feed.close();
            if (ownsSimulator) {
                simulator.close();
            }
        }
    }
}
