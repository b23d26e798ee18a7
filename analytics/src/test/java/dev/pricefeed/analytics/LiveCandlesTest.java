package dev.pricefeed.analytics;

import static dev.pricefeed.analytics.Trades.BTC_USD;
import static dev.pricefeed.analytics.Trades.MINUTE;
import static dev.pricefeed.analytics.Trades.at;
import static dev.pricefeed.analytics.Trades.candle;
import static dev.pricefeed.analytics.Trades.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Live candles stitched to a hand-written history, with the clock and scheduling in the test's hands. */
class LiveCandlesTest {

    private final TestClock clock = new TestClock(at("10:05:30"));
    private final ManualScheduling scheduling = new ManualScheduling();
    private final List<CandleEvent> events = new CopyOnWriteArrayList<>();

    /** The history the exchange serves: 10:02 and 10:04 traded nothing (left out, as Coinbase does), 10:05 runs. */
    private final CandleHistory history = new CandleHistory() {
        @Override
        public List<Duration> intervals() {
            return List.of(MINUTE);
        }

        @Override
        public List<Candle> candles(Instrument instrument, Duration interval, Instant from, Instant to) {
            requested.add(from + ".." + to);
            return List.of(
                    candle("10:00:00", "100", "102", "99", "101", "2", 4, "100.5", true),
                    candle("10:01:00", "101", "103", "101", "103", "1", 2, "102", true),
                    candle("10:03:00", "103", "103", "98", "99", "3", 6, "100", true),
                    candle("10:05:00", "99", "100", "97", "98", "1.5", 3, "98.5", false));
        }
    };
    private final List<String> requested = new ArrayList<>();

    private LiveCandles candles(String indicators) {
        return LiveCandles.builder("kraken", BTC_USD, MINUTE)
                .history(history, Duration.ofMinutes(5))
                .indicators(IndicatorSpec.parseList(indicators))
                .clock(clock)
                .scheduling(scheduling)
                .onCandle(events::add)
                .build();
    }

    @Test
    void historyThenLiveWithoutGapsOrDoublesWhenTheTradeStreamOverlapsTheHistory()
            throws IOException, InterruptedException {
        try (LiveCandles candles = candles("sma3")) {
            // the feed streams before the history is read: these wait, and are sorted out against it
            candles.accept(trade("10:04:59", "500", "1"));   // in the history's closed part: covered
            candles.accept(trade("10:05:10", "500", "1"));   // in the unfinished row, before it was read: covered
            candles.accept(trade("10:05:31", "96", "0.5"));  // after it was read: added to the row

            candles.start();

            assertThat(requested).containsExactly("2024-05-01T10:00:00Z..2024-05-01T10:06:30Z");
            assertThat(events).extracting(e -> e.source()).containsOnly(CandleSource.HISTORY);
            assertThat(events).map(e -> Trades.text(e.candle())).containsExactly(
                    "2024-05-01T10:00:00Z o=100 h=102 l=99 c=101 v=2 n=4 vwap=100.5",
                    "2024-05-01T10:01:00Z o=101 h=103 l=101 c=103 v=1 n=2 vwap=102",
                    "2024-05-01T10:02:00Z o=103 h=103 l=103 c=103 v=0 n=0 vwap=-",
                    "2024-05-01T10:03:00Z o=103 h=103 l=98 c=99 v=3 n=6 vwap=100",
                    "2024-05-01T10:04:00Z o=99 h=99 l=99 c=99 v=0 n=0 vwap=-");
            // warmed by history: the SMA is there from the third candle on
            assertThat(events.get(1).indicators()).isEmpty();
            assertThat(events.get(4).indicators()).containsOnlyKeys("sma3");
            assertThat(events.get(4).indicators().get("sma3"))
                    .isCloseTo(new java.math.BigDecimal("100.3333333333333333"), org.assertj.core.api.Assertions.within(new java.math.BigDecimal("1e-10")));

            candles.accept(trade("10:05:50", "97.5", "1"));
            candles.accept(trade("10:06:01", "97", "1"));

            assertThat(events).hasSize(6);
            assertThat(events.get(5).source()).isEqualTo(CandleSource.LIVE);
            assertThat(Trades.text(events.get(5).candle()))
                    .isEqualTo("2024-05-01T10:05:00Z o=99 h=100 l=96 c=97.5 v=3.0 n=5 vwap=97.75");
            assertThat(candles.coveredTrades()).isEqualTo(2);
            assertThat(candles.lateTrades()).isZero();
            assertThat(events).map(e -> e.candle().openTime()).doesNotHaveDuplicates()
                    .isSortedAccordingTo(Instant::compareTo);
        }
    }

    @Test
    void theClockClosesACandleAtItsEndPlusTheGraceAndKeepsTimeContinuous() throws IOException, InterruptedException {
        try (LiveCandles candles = candles("")) {
            candles.start();
            events.clear();
            candles.accept(trade("10:05:40", "95", "1"));

            clock.set(at("10:06:01.999"));
            scheduling.runAll();
            assertThat(events).isEmpty();
            clock.set(at("10:08:02"));
            scheduling.runAll();

            assertThat(events).map(e -> Trades.text(e.candle())).containsExactly(
                    "2024-05-01T10:05:00Z o=99 h=100 l=95 c=95 v=2.5 n=4 vwap=97.1",
                    "2024-05-01T10:06:00Z o=95 h=95 l=95 c=95 v=0 n=0 vwap=-",
                    "2024-05-01T10:07:00Z o=95 h=95 l=95 c=95 v=0 n=0 vwap=-");
            candles.accept(trade("10:07:59", "1", "1"));
            assertThat(candles.lateTrades()).isEqualTo(1);
            assertThat(candles.current()).map(Candle::openTime).hasValue(at("10:08:00"));
        }
    }

    @Test
    void withoutHistoryLiveCandlesStartAtTheFirstTrade() throws IOException, InterruptedException {
        try (LiveCandles candles = LiveCandles.builder("kraken", BTC_USD, MINUTE).clock(clock)
                .scheduling(scheduling).onCandle(events::add).build()) {
            candles.start();
            candles.accept(trade("10:05:40", "95", "1"));
            candles.accept(trade("10:06:00", "96", "1"));

            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.source()).isEqualTo(CandleSource.LIVE);
                assertThat(Trades.text(e.candle())).isEqualTo("2024-05-01T10:05:00Z o=95 h=95 l=95 c=95 v=1 n=1 vwap=95");
            });
        }
    }

    @Test
    void aThrowingListenerIsCountedAndTheCandlesGoOn() throws IOException, InterruptedException {
        List<CandleEvent> seen = new ArrayList<>();
        try (LiveCandles candles = LiveCandles.builder("kraken", BTC_USD, MINUTE).clock(clock).scheduling(scheduling)
                .onCandle(event -> {
                    seen.add(event);
                    throw new IllegalStateException("listener bug");
                }).build()) {
            candles.start();
            candles.accept(trade("10:05:40", "95", "1"));
            candles.accept(trade("10:06:00", "96", "1"));
            candles.accept(trade("10:07:00", "97", "1"));

            assertThat(seen).hasSize(2);
            assertThat(candles.listenerErrors()).isEqualTo(2);
        }
    }

    @Test
    void closingStopsTheClockTaskAndLaterTradesAreIgnored() throws IOException, InterruptedException {
        LiveCandles candles = candles("");
        candles.start();
        assertThat(scheduling.registered()).isEqualTo(1);

        candles.close();
        candles.accept(trade("10:05:40", "95", "1"));

        assertThat(scheduling.registered()).isZero();
        assertThat(scheduling.stopped()).isEqualTo(1);
        assertThat(candles.current()).map(Candle::close).hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("98"));
        assertThatThrownBy(candles::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDefaultClockThreadIsStoppedByClose() throws IOException, InterruptedException {
        LiveCandles candles = LiveCandles.builder("kraken", BTC_USD, MINUTE).build();
        candles.start();
        assertThat(threadNamed("pricefeed-candles-kraken-BTC/USD")).isTrue();

        candles.close();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !threadNamed("pricefeed-candles-kraken-BTC/USD"));
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }
}
