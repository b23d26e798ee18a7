package dev.pricefeed.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The binder against real feeds on the exchange emulators, over a real WebSocket on 127.0.0.1. */
class PriceFeedMetricsTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final KrakenSimulator kraken = KrakenSimulator.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private BinanceSimulator binance;
    private PriceFeed feed;
    private MarketDataService service;
    private AutoCloseable binder;

    @AfterEach
    void tearDown() throws Exception {
        if (binder != null) {
            binder.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (service != null) {
            service.close();
        }
        kraken.close();
        if (binance != null) {
            binance.close();
        }
        registry.close();
    }

    private PriceFeed.Builder krakenFeed() {
        return kraken.pointAt(PriceFeed.builder().exchange("kraken").instruments("BTC/USD", "ETH/USD")
                .channels(dev.pricefeed.Channel.TICKER, dev.pricefeed.Channel.TRADES)
                .environment(Map.of())
                .reconnectDelay(Duration.ofMillis(50))
                .maxReconnectDelay(Duration.ofMillis(200)));
    }

    private PriceFeedMetrics bind(PriceFeed feed, io.micrometer.core.instrument.MeterRegistry registry) {
        PriceFeedMetrics metrics = new PriceFeedMetrics(feed);
        metrics.bindTo(registry);
        binder = metrics;
        return metrics;
    }

    private double counter(String name, String exchange) {
        FunctionCounter counter = registry.get("pricefeed." + name).tag("exchange", exchange).functionCounter();
        return counter.count();
    }

    private void awaitSubscribed(int times) {
        await().atMost(WAIT).until(() -> kraken.tickerSubscriptions(BTC_USD) >= times
                && kraken.tickerSubscriptions(ETH_USD) >= times && state(FeedState.STREAMING) == 1);
    }

    private double state(FeedState state) {
        return registry.get(PriceFeedMetrics.STATE).tag("exchange", "kraken").tag("state", state.name()).gauge()
                .value();
    }

    @Test
    @DisplayName("counters and the state gauges follow a live feed: frames, ticks, trades, parse errors, reconnects")
    void countersAndStateFollowTheFeed() {
        feed = krakenFeed().build();
        bind(feed, registry);
        assertThat(state(FeedState.IDLE)).isEqualTo(1);
        assertThat(state(FeedState.STREAMING)).isZero();
        assertThat(registry.get(PriceFeedMetrics.LAST_FRAME_AGE).tag("exchange", "kraken").timeGauge()
                .value(TimeUnit.SECONDS)).isNaN();

        feed.start();
        awaitSubscribed(1);
        assertThat(state(FeedState.IDLE)).isZero();
        kraken.publishTicker(BTC_USD, "67523.1", "67523.0", "67523.2");
        kraken.publishTrade(ETH_USD, "3421.55", "0.0125", dev.pricefeed.Side.SELL, "4665901");
        kraken.server().broadcast("this is not JSON");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(counter("ticks", "kraken")).isGreaterThanOrEqualTo(1);
            assertThat(counter("trades", "kraken")).isGreaterThanOrEqualTo(1);
            assertThat(counter("parse.errors", "kraken")).isEqualTo(1);
        });
        assertThat(counter("frames", "kraken")).isGreaterThanOrEqualTo(3);
        assertThat(counter("reconnects", "kraken")).isZero();
        assertThat(registry.get(PriceFeedMetrics.LAST_FRAME_AGE).tag("exchange", "kraken").timeGauge()
                .value(TimeUnit.SECONDS)).isBetween(0.0, WAIT.toSeconds() * 1.0);

        kraken.server().dropAll();
        await().atMost(WAIT).until(() -> counter("reconnects", "kraken") >= 1);
        awaitSubscribed(2);
        double sum = 0;
        for (FeedState state : FeedState.values()) {
            sum += state(state);
        }
        assertThat(sum).as("exactly one state is current").isEqualTo(1);
    }

    @Test
    @DisplayName("every counter is registered with the exchange tag, and no meter without it")
    void everyMeterCarriesTheExchangeTag() {
        feed = krakenFeed().build();
        bind(feed, registry);

        for (String name : List.of("frames", "ticks", "trades", "parse.errors", "unknown.messages", "binary.frames",
                "reconnects", "conflated", "dropped", "listener.errors", "sequence.gaps", "rest.polls")) {
            assertThat(counter(name, "kraken")).as(name).isZero();
        }
        assertThat(registry.getMeters()).allSatisfy(meter ->
                assertThat(meter.getId().getTag("exchange")).as(meter.getId().toString()).isEqualTo("kraken"));
        assertThat(registry.getMeters()).filteredOn(meter -> meter.getId().getTag("instrument") != null)
                .extracting(meter -> meter.getId().getName()).containsOnly(PriceFeedMetrics.INSTRUMENT_STALE,
                        PriceFeedMetrics.TICK_AGE);
    }

    @Test
    @DisplayName("latency timers time exchange timestamp to receipt and receipt to listener, as histograms")
    void latencyTimersRecordTicks() {
        feed = krakenFeed().build();
        PriceFeedMetrics metrics = bind(feed, registry);
        feed.start();
        awaitSubscribed(1);

        for (int i = 0; i < 5; i++) {
            kraken.publishTicker(BTC_USD, "6752" + i + ".1", "67520.0", "67530.2");
        }

        Timer delivery = metrics.deliveryLatency(registry).orElseThrow();
        Timer exchange = metrics.exchangeLatency(registry).orElseThrow();
        await().atMost(WAIT).until(() -> delivery.count() >= 1 && exchange.count() >= 1);
        assertThat(delivery.max(TimeUnit.SECONDS)).isBetween(0.0, WAIT.toSeconds() * 1.0);
        assertThat(exchange.takeSnapshot().percentileValues()).hasSize(2);
    }

    @Test
    @DisplayName("stale instruments are counted per feed and flagged per instrument")
    void staleInstrumentsAreGauged() {
        feed = krakenFeed().staleAfter(Duration.ofMillis(300)).build();
        bind(feed, registry);
        feed.start();
        await().atMost(WAIT).until(() -> state(FeedState.STREAMING) == 1);

        Gauge stale = registry.get(PriceFeedMetrics.STALE_INSTRUMENTS).tag("exchange", "kraken").gauge();
        Gauge ethStale = registry.get(PriceFeedMetrics.INSTRUMENT_STALE).tag("exchange", "kraken")
                .tag("instrument", "ETH/USD").gauge();
        await().atMost(WAIT).until(() -> stale.value() >= 1 && ethStale.value() == 1);

        kraken.publishTicker(ETH_USD, "3421.55", "3421.50", "3421.60");
        await().atMost(WAIT).until(() -> registry.get(PriceFeedMetrics.TICK_AGE).tag("instrument", "ETH/USD")
                .timeGauge().value(TimeUnit.SECONDS) >= 0);
    }

    @Test
    @DisplayName("Prometheus text names the meters pricefeed_*_total, pricefeed_state, pricefeed_last_frame_age_seconds")
    void prometheusExposition() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            feed = krakenFeed().build();
            bind(feed, prometheus);
            feed.start();
            await().atMost(WAIT).until(() -> kraken.tickerSubscriptions(BTC_USD) >= 1);
            await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus.scrape())
                    .contains("pricefeed_state{exchange=\"kraken\",state=\"STREAMING\"} 1"));
            kraken.publishTicker(BTC_USD, "67523.1", "67523.0", "67523.2");
            await().atMost(WAIT).untilAsserted(() -> assertThat(prometheus.scrape())
                    .containsPattern("pricefeed_exchange_latency_seconds_count\\{exchange=\"kraken\"} [1-9]"));

            String text = prometheus.scrape();
            assertThat(text).contains("# TYPE pricefeed_frames_total counter",
                    "pricefeed_frames_total{exchange=\"kraken\"}",
                    "pricefeed_reconnects_total{exchange=\"kraken\"} 0",
                    "pricefeed_rest_polls_total{exchange=\"kraken\"} 0",
                    "pricefeed_state{exchange=\"kraken\",state=\"BACKOFF\"} 0",
                    "pricefeed_last_frame_age_seconds{exchange=\"kraken\"}",
                    "pricefeed_stale_instruments{exchange=\"kraken\"} 0",
                    "pricefeed_tick_age_seconds{exchange=\"kraken\",instrument=\"BTC/USD\"}",
                    "pricefeed_exchange_latency_seconds_bucket{exchange=\"kraken\",le=",
                    "pricefeed_delivery_latency_seconds_bucket{exchange=\"kraken\",le=");
        } finally {
            prometheus.close();
        }
    }

    @Test
    @DisplayName("a service's binder registers each feed's meters under its exchange, and close removes them")
    void serviceBinderCoversEveryFeedAndCloseRemovesTheMeters() {
        binance = BinanceSimulator.start();
        service = MarketDataService.builder()
                .feed(krakenFeed())
                .feed(binance.pointAt(PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                        .environment(Map.of())))
                .build();
        MarketDataServiceMetrics metrics = new MarketDataServiceMetrics(service);
        metrics.bindTo(registry);
        binder = metrics;
        service.start();

        await().atMost(WAIT).until(() -> registry.get(PriceFeedMetrics.STATE).tag("exchange", "binance")
                .tag("state", "STREAMING").gauge().value() == 1 && state(FeedState.STREAMING) == 1);
        assertThat(metrics.feeds()).containsOnlyKeys("kraken", "binance");
        assertThat(registry.find("pricefeed.frames").functionCounters()).extracting(m -> m.getId().getTag("exchange"))
                .containsExactlyInAnyOrder("kraken", "binance");

        metrics.close();
        assertThat(registry.getMeters()).extracting(Meter::getId).isEmpty();
    }
}
