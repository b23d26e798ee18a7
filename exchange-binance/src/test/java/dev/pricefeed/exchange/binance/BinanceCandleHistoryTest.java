package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Binance's REST klines history: the reader on the documented row, and paging against the emulator. */
class BinanceCandleHistoryTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Instant NOW = Instant.parse("2026-12-07T10:02:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final BinanceSimulator simulator = BinanceSimulator.builder().noPings().start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CandleHistory history() {
        simulator.candles().clock(CLOCK);
        return new BinanceProvider().create(new TestExchangeContext(BinanceProvider.ID, "BTC/USDT").clock(CLOCK)
                .endpoint("rest", simulator.server().httpUri("/"))).history().orElseThrow();
    }

    private List<HttpCall> klineCalls() {
        return simulator.server().httpCalls().stream().filter(c -> c.path().equals("/api/v3/klines")).toList();
    }

    @Test
    @DisplayName("the documented kline row is read exactly; vwap is quote volume / volume to 34 digits")
    void readsTheDocumentedRow() {
        String body = "[[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\",\"0.01577100\",\"148976.11427815\","
                + "1499644799999,\"2434.19055334\",308,\"1756.87402397\",\"28.46694368\",\"17928899.62484339\"]]";

        List<Candle> candles = KlineReader.read(body, BTC_USDT, Duration.ofDays(7),
                Instant.ofEpochMilli(1499644800000L));

        assertThat(candles).singleElement().satisfies(c -> {
            assertThat(c.openTime()).isEqualTo(Instant.ofEpochMilli(1499040000000L));
            assertThat(c.open()).isEqualTo(new BigDecimal("0.01634790"));
            assertThat(c.high()).isEqualTo(new BigDecimal("0.80000000"));
            assertThat(c.low()).isEqualTo(new BigDecimal("0.01575800"));
            assertThat(c.close()).isEqualTo(new BigDecimal("0.01577100"));
            assertThat(c.volume()).isEqualTo(new BigDecimal("148976.11427815"));
            assertThat(c.trades()).isEqualTo(308);
            assertThat(c.vwap()).isEqualTo(new BigDecimal("0.01633946868016155117734554775687958"));
            assertThat(c.vwap().precision()).isEqualTo(34);
            assertThat(c.closed()).isTrue();
        });
    }

    @Test
    @DisplayName("2,500 one-minute candles take three requests of at most 1,000, oldest first, without gaps or doubles")
    void pagesAThousandAtATime() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        Instant from = Instant.parse("2026-12-05T00:00:00Z");
        Instant to = from.plus(minute.multipliedBy(2500));

        List<Candle> candles = history().candles(BTC_USDT, minute, from, to);

        assertThat(candles).hasSize(2500).allMatch(Candle::closed);
        for (int i = 0; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isEqualTo(from.plus(minute.multipliedBy(i)));
        }
        List<CandleSeries.Row> expected = simulator.candles().rows("BTC/USDT", minute, from, to.minusMillis(1));
        for (int i : new int[] {0, 999, 1000, 2499}) {
            assertMatches(candles.get(i), expected.get(i));
        }
        assertThat(klineCalls()).extracting(c -> c.queryParams().get("startTime")).containsExactly(
                String.valueOf(from.toEpochMilli()), String.valueOf(from.plus(minute.multipliedBy(1000)).toEpochMilli()),
                String.valueOf(from.plus(minute.multipliedBy(2000)).toEpochMilli()));
        assertThat(klineCalls()).allSatisfy(c -> assertThat(c.queryParams()).containsEntry("symbol", "BTCUSDT")
                .containsEntry("interval", "1m").containsEntry("limit", "1000"));
    }

    @Test
    @DisplayName("a range past now stops at the current candle, which is not closed")
    void rangePastNowEndsWithTheUnfinishedCandle() throws Exception {
        Duration hour = Duration.ofHours(1);

        List<Candle> candles = history().candles(BTC_USDT, hour, NOW.minus(Duration.ofHours(5)), NOW.plus(Duration.ofDays(90)));

        assertThat(candles).extracting(Candle::openTime).containsExactly(Instant.parse("2026-12-07T06:00:00Z"),
                Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-07T08:00:00Z"),
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(candles.subList(0, 4)).allMatch(Candle::closed);
        assertThat(candles.get(4).closed()).isFalse();
        assertThat(klineCalls()).hasSize(1);
    }

    @Test
    @DisplayName("a 429 with a short Retry-After is waited out and the page fetched again")
    void rateLimitIsWaitedOut() throws Exception {
        CandleHistory history = history();
        simulator.rateLimitRest(429, Duration.ofMillis(200), 1);

        List<Candle> candles = history.candles(BTC_USDT, Duration.ofMinutes(15), Instant.parse("2026-12-07T09:00:00Z"),
                Instant.parse("2026-12-07T10:00:00Z"));

        assertThat(candles).hasSize(4);
        assertThat(simulator.server().httpCalls()).hasSize(2);
    }

    @Test
    @DisplayName("a Retry-After longer than the history waits is thrown to the caller")
    void longRateLimitIsThrown() {
        CandleHistory history = history();
        simulator.rateLimitRest(418, Duration.ofMinutes(2), 1);

        assertThatThrownBy(() -> history.candles(BTC_USDT, Duration.ofMinutes(15),
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-07T10:00:00Z")))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("418");
    }

    @Test
    @DisplayName("an unsupported interval is refused before any request, naming the supported ones")
    void unsupportedIntervalListsSupported() {
        assertThatThrownBy(() -> history().candles(BTC_USDT, Duration.ofDays(7), NOW.minus(Duration.ofDays(30)), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("binance has no 7d candles; supported intervals: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, "
                        + "12h, 1d");
        assertThat(klineCalls()).isEmpty();
    }

    private static void assertMatches(Candle candle, CandleSeries.Row row) {
        assertThat(candle.exchange()).isEqualTo("binance");
        assertThat(candle.instrument()).isEqualTo(BTC_USDT);
        assertThat(candle.openTime()).isEqualTo(row.openTime());
        assertThat(candle.open()).isEqualTo(row.open());
        assertThat(candle.high()).isEqualTo(row.high());
        assertThat(candle.low()).isEqualTo(row.low());
        assertThat(candle.close()).isEqualTo(row.close());
        assertThat(candle.volume()).isEqualTo(row.volume());
        assertThat(candle.trades()).isEqualTo(row.trades());
        assertThat(candle.vwap()).isEqualByComparingTo(row.vwap());
        assertThat(candle.vwap()).isEqualTo(row.quoteVolume().divide(row.volume(), MathContext.DECIMAL128));
    }
}
