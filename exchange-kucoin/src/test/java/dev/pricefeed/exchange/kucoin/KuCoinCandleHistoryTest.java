package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.io.IOException;
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

/** KuCoin's REST candles history: the reader on literal rows, and paging against the emulator. */
class KuCoinCandleHistoryTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Instant NOW = Instant.parse("2026-12-07T10:02:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KuCoinSimulator simulator = KuCoinSimulator.start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CandleHistory history() {
        simulator.candles().clock(CLOCK);
        return new KuCoinProvider().create(new TestExchangeContext(KuCoinProvider.ID, "BTC/USDT").clock(CLOCK)
                .endpoint("rest", simulator.server().httpUri("/"))).history().orElseThrow();
    }

    private List<HttpCall> candleCalls() {
        return simulator.server().httpCalls().stream().filter(c -> c.path().equals("/api/v1/market/candles"))
                .toList();
    }

    @Test
    @DisplayName("the reader maps time, open, close, high, low, volume, turnover exactly; no trade count")
    void readsRowsInKuCoinsOrder() throws IOException {
        String body = "{\"code\":\"200000\",\"data\":["
                + "[\"1729839600\",\"67644.9\",\"67437.6\",\"67724.8\",\"67243.8\",\"44.88321441\",\"3027558.991928447\"],"
                + "[\"1729839540\",\"67650.0\",\"67644.9\",\"67650.0\",\"67640.10\",\"0\",\"0\"]]}";

        List<Candle> candles = KlineRows.read(body, BTC_USDT, Duration.ofMinutes(1), Instant.ofEpochSecond(1729839630));

        assertThat(candles).hasSize(2);
        Candle newest = candles.get(0);
        assertThat(newest.openTime()).isEqualTo(Instant.ofEpochSecond(1729839600));
        assertThat(newest.open()).isEqualTo(new BigDecimal("67644.9"));
        assertThat(newest.close()).isEqualTo(new BigDecimal("67437.6"));
        assertThat(newest.high()).isEqualTo(new BigDecimal("67724.8"));
        assertThat(newest.low()).isEqualTo(new BigDecimal("67243.8"));
        assertThat(newest.volume()).isEqualTo(new BigDecimal("44.88321441"));
        assertThat(newest.trades()).isEqualTo(-1);
        assertThat(newest.vwap()).isEqualTo(new BigDecimal("3027558.991928447")
                .divide(new BigDecimal("44.88321441"), MathContext.DECIMAL128));
        assertThat(newest.closed()).as("the minute is not over at the call").isFalse();
        assertThat(candles.get(1).low()).isEqualTo(new BigDecimal("67640.10"));
        assertThat(candles.get(1).vwap()).as("nothing traded").isNull();
        assertThat(candles.get(1).closed()).isTrue();
    }

    @Test
    @DisplayName("a KuCoin error code is an IOException with KuCoin's code and message")
    void errorCodeIsReported() {
        assertThatThrownBy(() -> KlineRows.read("{\"code\":\"400100\",\"msg\":\"Unsupported candle type\"}", BTC_USDT,
                Duration.ofMinutes(1), NOW)).isInstanceOf(IOException.class).hasMessageContaining("400100")
                .hasMessageContaining("Unsupported candle type");
    }

    @Test
    @DisplayName("4,000 one-minute candles take three requests of at most 1,500, put oldest first, no gaps or doubles")
    void pagesFifteenHundredAtATime() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        Instant from = Instant.parse("2026-12-01T00:00:00Z");
        Instant to = from.plus(minute.multipliedBy(4000));

        List<Candle> candles = history().candles(BTC_USDT, minute, from, to);

        assertThat(candles).hasSize(4000).allMatch(Candle::closed);
        for (int i = 0; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isEqualTo(from.plus(minute.multipliedBy(i)));
        }
        List<CandleSeries.Row> expected = simulator.candles().rows("BTC/USDT", minute, from, to.minusSeconds(1));
        for (int i : new int[] {0, 1499, 1500, 3999}) {
            assertMatches(candles.get(i), expected.get(i));
        }
        assertThat(candleCalls()).extracting(c -> c.queryParams().get("startAt")).containsExactly(
                String.valueOf(from.getEpochSecond()), String.valueOf(from.plus(minute.multipliedBy(1500)).getEpochSecond()),
                String.valueOf(from.plus(minute.multipliedBy(3000)).getEpochSecond()));
        assertThat(candleCalls()).allSatisfy(c -> assertThat(c.queryParams()).containsEntry("symbol", "BTC-USDT")
                .containsEntry("type", "1min"));
    }

    @Test
    @DisplayName("a range past now ends with the current 4-hour candle, not closed")
    void rangePastNowEndsWithTheUnfinishedCandle() throws Exception {
        List<Candle> candles = history().candles(BTC_USDT, Duration.ofHours(4), Instant.parse("2026-12-06T00:00:00Z"),
                NOW.plus(Duration.ofDays(1)));

        assertThat(candles).hasSize(9);
        assertThat(candles.get(8).openTime()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(candles.get(8).closed()).isFalse();
        assertThat(candles.subList(0, 8)).allMatch(Candle::closed);
    }

    @Test
    @DisplayName("an unsupported interval is refused before any request, naming the supported ones")
    void unsupportedIntervalListsSupported() {
        assertThatThrownBy(() -> history().candles(BTC_USDT, Duration.ofSeconds(30), NOW.minusSeconds(600), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kucoin has no 30s candles; supported intervals: 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 8h, "
                        + "12h, 1d");
        assertThat(candleCalls()).isEmpty();
    }

    private static void assertMatches(Candle candle, CandleSeries.Row row) {
        assertThat(candle.exchange()).isEqualTo("kucoin");
        assertThat(candle.openTime()).isEqualTo(row.openTime());
        assertThat(candle.open()).isEqualTo(row.open());
        assertThat(candle.high()).isEqualTo(row.high());
        assertThat(candle.low()).isEqualTo(row.low());
        assertThat(candle.close()).isEqualTo(row.close());
        assertThat(candle.volume()).isEqualTo(row.volume());
        assertThat(candle.trades()).isEqualTo(-1);
        assertThat(candle.vwap()).isEqualByComparingTo(row.vwap());
    }
}
