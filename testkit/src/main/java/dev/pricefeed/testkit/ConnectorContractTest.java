package dev.pricefeed.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.UnknownInstrumentException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connector contract (TCK): every exchange module and third-party plugin extends this class, supplies a simulator
 * of its exchange, and so proves that its connector subscribes, parses exactly, survives drops and silence, falls back
 * to REST and comes back, like every other connector, and runs the {@link ConnectorFaultMatrix fault matrix}. Each test
 * builds its own feed with fast timings against a fresh simulator.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class ConnectorContractTest extends ConnectorFaultMatrix {

    /** How long any single expectation may take before the test fails. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A fresh, started simulator; each test closes the one it gets. */
    @Override
    protected abstract ExchangeSimulator newSimulator();

    /** Two instruments the simulator lists, written {@code BASE/QUOTE}. */
    @Override
    protected abstract List<String> instruments();

    /** A hook to set exchange-specific options on every feed the tests build; returns the builder. */
    protected PriceFeed.Builder tune(PriceFeed.Builder builder) {
        return builder;
    }

    /**
     * The WebSocket transport every feed of the kit uses: {@code tyrus} (the default). A module runs the whole kit on
     * the JDK client too with a subclass that returns {@code jdk}.
     */
    protected String transport() {
        return "tyrus";
    }

    /** Whether the connector lists instruments over REST, so that unknown ones are rejected at start. */
    protected boolean listsInstruments() {
        return true;
    }

    /**
     * A builder pointed at the simulator with the contract's fast timings and no outside configuration (neither the
     * machine's environment nor system properties leak in).
     */
    @Override
    protected PriceFeed.Builder feedBuilder(ExchangeSimulator simulator) {
        PriceFeed.Builder builder = PriceFeed.builder()
                .exchange(simulator.exchangeId())
                .instruments(instruments())
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200))
                .maxReconnectAttempts(2)
                .healthyAfter(Duration.ofMillis(200))
                .livenessTimeout(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(100))
                .probeInterval(Duration.ofMillis(500))
                .environment(Map.of())
                .systemProperties(new Properties())
                .websocketTransport(transport());
        return tune(simulator.pointAt(builder));
    }

    @Test
    @DisplayName("subscribes the ticker of every instrument and delivers exact last, bid and ask")
    void subscribesAndDeliversTicksForEveryInstrument() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            feed.start();
            List<Instrument> instruments = instrumentList();
            for (int i = 0; i < instruments.size(); i++) {
                awaitTickerSubscriptions(simulator, instruments.get(i), 1);
                publish(simulator, instruments.get(i), quote(i, 1));
            }
            for (int i = 0; i < instruments.size(); i++) {
                awaitQuoteInCache(feed, simulator, instruments.get(i), quote(i, 1));
            }
            assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
        }
    }

    @Test
    @DisplayName("delivers trades with exact price, size, side and trade id")
    void deliversTradesWithExactValuesAndSide() {
        try (ExchangeSimulator simulator = newSimulator();
                PriceFeed feed = feedBuilder(simulator).channels(Channel.TRADES).build()) {
            List<Trade> trades = new CopyOnWriteArrayList<>();
            feed.onTrade(trades::add);
            feed.start();
            List<Instrument> instruments = instrumentList();
            Instrument first = instruments.get(0);
            Instrument second = instruments.get(1);
            // The simulator cannot tell when the trade subscription is in place, so each poll publishes again.
            within().untilAsserted(() -> {
                simulator.publishTrade(first, "1001.5", "0.25", Side.BUY, "10101");
                assertThat(trades).anySatisfy(trade -> assertTrade(trade, simulator, first,
                        "1001.5", "0.25", Side.BUY, "10101"));
            });
            within().untilAsserted(() -> {
                simulator.publishTrade(second, "2002.25", "1.5", Side.SELL, "20202");
                assertThat(trades).anySatisfy(trade -> assertTrade(trade, simulator, second,
                        "2002.25", "1.5", Side.SELL, "20202"));
            });
        }
    }

    @Test
    @DisplayName("reconnects after an abrupt drop, subscribes again and keeps delivering")
    void reconnectsAndResubscribesAfterDrop() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            feed.start();
            Instrument instrument = instrumentList().get(0);
            awaitTickerSubscriptions(simulator, instrument, 1);
            publish(simulator, instrument, quote(0, 1));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 1));

            simulator.server().dropAll();

            awaitTickerSubscriptions(simulator, instrument, 2);
            publish(simulator, instrument, quote(0, 2));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 2));
            assertThat(simulator.server().connectionsAccepted()).isGreaterThanOrEqualTo(2);
            assertThat(feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("judges a silent socket dead after the liveness timeout and reconnects")
    void detectsSilentSocketAndReconnects() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            List<FeedEvent> events = new CopyOnWriteArrayList<>();
            feed.onEvent(events::add);
            feed.start();
            Instrument instrument = instrumentList().get(0);
            awaitTickerSubscriptions(simulator, instrument, 1);
            publish(simulator, instrument, quote(0, 1));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 1));
            int before = simulator.server().connectionsAccepted();

            simulator.server().silenceAll();

            within().until(() -> simulator.server().connectionsAccepted() > before);
            awaitTickerSubscriptions(simulator, instrument, 2);
            publish(simulator, instrument, quote(0, 2));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 2));
            assertThat(feed.metrics().reconnects()).isGreaterThanOrEqualTo(1);
            // judged dead by the missing frames, or by the missing pong where the connector pings
            assertThat(events).filteredOn(FeedEvent.Error.class::isInstance)
                    .map(e -> ((FeedEvent.Error) e).message())
                    .anySatisfy(m -> assertThat(m).contains("closed by us"));
        }
    }

    @Test
    @DisplayName("falls back to REST polling when the WebSocket is refused and returns to streaming when it is back")
    void fallsBackToRestAndReturnsToWebSocket() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            Instrument instrument = instrumentList().get(0);
            Quote rest = quote(0, 7);
            simulator.setRestTicker(instrument, rest.last(), rest.bid(), rest.ask());
            feed.start();
            awaitTickerSubscriptions(simulator, instrument, 1);
            publish(simulator, instrument, quote(0, 1));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 1));

            simulator.server().refuseConnections(true);
            simulator.server().dropAll();

            within().untilAsserted(() -> assertThat(feed.state()).isEqualTo(FeedState.POLLING));
            awaitLastInCache(feed, simulator, instrument, rest.last());

            simulator.server().refuseConnections(false);
            Quote back = quote(0, 3);
            // Publishing on every poll reaches the probe's connection as soon as it has subscribed.
            within().untilAsserted(() -> {
                publish(simulator, instrument, back);
                assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
                assertQuote(feed, simulator, instrument, back);
            });
        }
    }

    @Test
    @DisplayName("with the WebSocket disabled polls REST only and never opens a WebSocket")
    void restOnlyModeNeverOpensWebSocket() {
        try (ExchangeSimulator simulator = newSimulator();
                PriceFeed feed = feedBuilder(simulator).websocketEnabled(false).build()) {
            Instrument instrument = instrumentList().get(0);
            Quote rest = quote(0, 7);
            simulator.setRestTicker(instrument, rest.last(), rest.bid(), rest.ask());
            feed.start();

            within().untilAsserted(() -> assertThat(feed.state()).isEqualTo(FeedState.POLLING));
            awaitLastInCache(feed, simulator, instrument, rest.last());
            // Several poll intervals, longer than the probe interval, pass without any WebSocket attempt.
            within().until(() -> feed.metrics().polls() >= 6);
            assertThat(simulator.server().connectionsAccepted()).isZero();
            assertThat(simulator.server().httpCalls()).isNotEmpty();
            assertThat(feed.state()).isEqualTo(FeedState.POLLING);
        }
    }

    @Test
    @DisplayName("counts and skips a malformed frame and keeps streaming on the same connection")
    void skipsMalformedFramesAndKeepsStreaming() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            feed.start();
            Instrument instrument = instrumentList().get(0);
            awaitTickerSubscriptions(simulator, instrument, 1);
            publish(simulator, instrument, quote(0, 1));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 1));

            simulator.server().broadcast("}{ not json");

            within().until(() -> feed.metrics().parseErrors() >= 1);
            publish(simulator, instrument, quote(0, 2));
            awaitQuoteInCache(feed, simulator, instrument, quote(0, 2));
            assertThat(simulator.tickerSubscriptions(instrument)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a listener that throws neither stops the feed nor other listeners")
    void listenerThatThrowsDoesNotStopTheFeed() {
        try (ExchangeSimulator simulator = newSimulator(); PriceFeed feed = feedBuilder(simulator).build()) {
            Instrument instrument = instrumentList().get(0);
            List<Tick> seen = new CopyOnWriteArrayList<>();
            feed.onTick(instrument.toString(), tick -> {
                throw new IllegalStateException("listener failure the feed must survive");
            });
            feed.onTick(instrument.toString(), seen::add);
            feed.start();
            awaitTickerSubscriptions(simulator, instrument, 1);

            publish(simulator, instrument, quote(0, 1));
            within().untilAsserted(() -> assertThat(seen).anySatisfy(
                    tick -> assertThat(tick.last()).isEqualTo(new BigDecimal(quote(0, 1).last()))));
            publish(simulator, instrument, quote(0, 2));
            within().untilAsserted(() -> assertThat(seen).anySatisfy(
                    tick -> assertThat(tick.last()).isEqualTo(new BigDecimal(quote(0, 2).last()))));

            assertThat(feed.metrics().listenerErrors()).isGreaterThanOrEqualTo(1);
            assertQuote(feed, simulator, instrument, quote(0, 2));
            assertThat(feed.state()).isEqualTo(FeedState.STREAMING);
        }
    }

    @Test
    @DisplayName("closing the feed closes its WebSocket connections")
    void closingTheFeedClosesItsConnections() {
        try (ExchangeSimulator simulator = newSimulator()) {
            PriceFeed feed = feedBuilder(simulator).build();
            feed.start();
            awaitTickerSubscriptions(simulator, instrumentList().get(0), 1);

            feed.close();

            assertThat(feed.state()).isEqualTo(FeedState.CLOSED);
            within().untilAsserted(() -> assertThat(simulator.server().connections()).isEmpty());
        }
    }

    @Test
    @DisplayName("rejects at start an instrument the exchange does not list, naming it")
    void rejectsUnknownInstrumentAtStart() {
        Assumptions.assumeTrue(listsInstruments(), "this connector does not list instruments");
        try (ExchangeSimulator simulator = newSimulator();
                PriceFeed feed = feedBuilder(simulator).instruments("ZZZ/QQQ").build()) {
            assertThatThrownBy(feed::start)
                    .isInstanceOf(UnknownInstrumentException.class)
                    .hasMessageContaining("ZZZ/QQQ");
        }
    }

    // ---- helpers for subclasses' own tests ----

    /** An Awaitility condition with the contract's timeout and a short poll interval. */
    protected static ConditionFactory within() {
        return await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }

    /** Waits until the simulator counted at least that many ticker subscriptions of the instrument. */
    protected static void awaitTickerSubscriptions(ExchangeSimulator simulator, Instrument instrument, int atLeast) {
        within().untilAsserted(() -> assertThat(simulator.tickerSubscriptions(instrument))
                .as("ticker subscriptions of %s", instrument)
                .isGreaterThanOrEqualTo(atLeast));
    }

    /**
     * Test prices: each instrument and round gets its own, with different scales so that exactness is checked.
     *
     * @param last last price text
     * @param bid best bid text
     * @param ask best ask text
     */
    protected record Quote(String last, String bid, String ask) {
    }

    /** Distinct prices for an instrument index and a round. */
    protected static Quote quote(int instrumentIndex, int round) {
        int base = 1000 * (instrumentIndex + 1) + 10 * round;
        return new Quote(base + ".25", base + ".2", base + ".3");
    }

    private static void publish(ExchangeSimulator simulator, Instrument instrument, Quote quote) {
        simulator.publishTicker(instrument, quote.last(), quote.bid(), quote.ask());
    }

    private static void awaitQuoteInCache(PriceFeed feed, ExchangeSimulator simulator, Instrument instrument,
            Quote quote) {
        within().untilAsserted(() -> assertQuote(feed, simulator, instrument, quote));
    }

    private static void assertQuote(PriceFeed feed, ExchangeSimulator simulator, Instrument instrument, Quote quote) {
        assertThat(feed.cache().latest(simulator.exchangeId(), instrument))
                .as("cached tick of %s", instrument)
                .hasValueSatisfying(tick -> {
                    assertThat(tick.last()).as("last").isEqualTo(new BigDecimal(quote.last()));
                    assertThat(tick.bid()).as("bid").isEqualTo(new BigDecimal(quote.bid()));
                    assertThat(tick.ask()).as("ask").isEqualTo(new BigDecimal(quote.ask()));
                });
    }

    private static void awaitLastInCache(PriceFeed feed, ExchangeSimulator simulator, Instrument instrument,
            String last) {
        within().untilAsserted(() -> assertThat(feed.cache().latest(simulator.exchangeId(), instrument))
                .as("cached tick of %s", instrument)
                .hasValueSatisfying(tick -> assertThat(tick.last()).as("last").isEqualTo(new BigDecimal(last))));
    }

    private static void assertTrade(Trade trade, ExchangeSimulator simulator, Instrument instrument, String price,
            String size, Side side, String tradeId) {
        assertThat(trade.tradeId()).isEqualTo(tradeId);
        assertThat(trade.exchange()).isEqualTo(simulator.exchangeId());
        assertThat(trade.instrument()).isEqualTo(instrument);
        assertThat(trade.price()).isEqualTo(new BigDecimal(price));
        assertThat(trade.size()).isEqualTo(new BigDecimal(size));
        assertThat(trade.side()).isEqualTo(side);
    }

    private List<Instrument> instrumentList() {
        List<Instrument> list = instruments().stream().map(Instrument::of).toList();
        assertThat(list).as("instruments() must give two instruments the simulator lists").hasSizeGreaterThanOrEqualTo(2);
        return list;
    }
}
