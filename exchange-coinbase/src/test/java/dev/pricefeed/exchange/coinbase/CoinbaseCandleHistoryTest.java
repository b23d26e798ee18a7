package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.support.RestCalls;
import dev.pricefeed.testkit.CandleSeries;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Coinbase Exchange's REST candles history: the reader on literal rows, and paging against the emulator. */
class CoinbaseCandleHistoryTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instant NOW = Instant.parse("2026-12-07T10:02:30Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final CoinbaseSimulator simulator = CoinbaseSimulator.builder().clock(CLOCK).start();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private CandleHistory history() {
        return new CoinbaseProvider().create(new TestExchangeContext(CoinbaseParser.EXCHANGE, "BTC/USD").clock(CLOCK)
                .endpoint("rest", simulator.server().httpUri("/"))).history().orElseThrow();
    }

    private List<HttpCall> candleCalls() {
        return simulator.server().httpCalls().stream().filter(c -> c.path().equals("/products/BTC-USD/candles"))
                .toList();
    }

    @Test
    @DisplayName("numbers are read from their JSON text: every digit kept, no double in between")
    void readsNumbersExactly() {
        String body = "[[1765101660,97040.00000001,97100.1,97050.5,97060.12345678,0.1],"
                + "[1765101600,0.1,0.30000000000000004,0.2,0.3,1.5E-8]]";

        List<Candle> candles = ProductCandleReader.read(body, BTC_USD, Duration.ofMinutes(1),
                Instant.ofEpochSecond(1765101700));

        assertThat(candles).hasSize(2);
        Candle newest = candles.get(0);
        assertThat(newest.openTime()).isEqualTo(Instant.ofEpochSecond(1765101660));
        assertThat(newest.low()).isEqualTo(new BigDecimal("97040.00000001"));
        assertThat(newest.high()).isEqualTo(new BigDecimal("97100.1"));
        assertThat(newest.open()).isEqualTo(new BigDecimal("97050.5"));
        assertThat(newest.close()).isEqualTo(new BigDecimal("97060.12345678"));
        assertThat(newest.volume()).isEqualTo(new BigDecimal("0.1"));
        assertThat(newest.trades()).isEqualTo(-1);
        assertThat(newest.vwap()).isNull();
        assertThat(newest.closed()).isFalse();
        Candle older = candles.get(1);
        assertThat(older.high()).isEqualTo(new BigDecimal("0.30000000000000004"));
        assertThat(older.volume()).isEqualTo(new BigDecimal("1.5E-8"));
        assertThat(older.closed()).isTrue();
    }

    @Test
    @DisplayName("a 1,000-minute range takes four requests of at most 300 candles, put oldest first, no gaps or doubles")
    void pagesThreeHundredAtATime() throws Exception {
        Duration minute = Duration.ofMinutes(1);
        Instant from = Instant.parse("2026-12-06T12:00:00Z");
        Instant to = from.plus(minute.multipliedBy(1000));

        List<Candle> candles = history().candles(BTC_USD, minute, from, to);

        assertThat(candles).hasSize(1000).allMatch(Candle::closed);
        for (int i = 0; i < candles.size(); i++) {
            assertThat(candles.get(i).openTime()).isEqualTo(from.plus(minute.multipliedBy(i)));
        }
        List<CandleSeries.Row> expected = simulator.candles().rows("BTC/USD", minute, from, to.minusSeconds(1));
        for (int i : new int[] {0, 299, 300, 999}) {
            Candle candle = candles.get(i);
            CandleSeries.Row row = expected.get(i);
            assertThat(candle.openTime()).isEqualTo(row.openTime());
            assertThat(candle.open()).isEqualTo(row.open());
            assertThat(candle.high()).isEqualTo(row.high());
            assertThat(candle.low()).isEqualTo(row.low());
            assertThat(candle.close()).isEqualTo(row.close());
            assertThat(candle.volume()).isEqualTo(row.volume());
        }
        assertThat(candleCalls()).extracting(c -> c.queryParams().get("start")).containsExactly(
                "2026-12-06T12:00:00Z", "2026-12-06T17:00:00Z", "2026-12-06T22:00:00Z", "2026-12-07T03:00:00Z");
        assertThat(candleCalls()).allSatisfy(c -> assertThat(c.queryParams()).containsEntry("granularity", "60"));
        assertThat(candleCalls()).extracting(c -> c.queryParams().get("end")).first()
                .isEqualTo("2026-12-06T16:59:59Z");
    }

    @Test
    @DisplayName("a six-hour range up to now ends with the current candle, not closed")
    void rangeUpToNowEndsUnfinished() throws Exception {
        List<Candle> candles = history().candles(BTC_USD, Duration.ofHours(6), Instant.parse("2026-12-06T00:00:00Z"),
                NOW);

        assertThat(candles).extracting(Candle::openTime).containsExactly(Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-06T06:00:00Z"), Instant.parse("2026-12-06T12:00:00Z"),
                Instant.parse("2026-12-06T18:00:00Z"), Instant.parse("2026-12-07T00:00:00Z"),
                Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(candles.get(5).closed()).isFalse();
    }

    @Test
    @DisplayName("the emulator refuses more than 300 candles per request, as Coinbase does")
    void emulatorRefusesTooLongARange() {
        assertThatThrownBy(() -> RestCalls.get(HttpClient.newHttpClient(),
                simulator.server().httpUri("/products/BTC-USD/candles?granularity=60&start=2026-12-06T00:00:00Z"
                        + "&end=2026-12-06T05:01:00Z")))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("exceeds 300");
    }

    @Test
    @DisplayName("4h is not a Coinbase granularity: refused before any request, naming the supported ones")
    void fourHoursIsUnsupported() {
        assertThatThrownBy(() -> history().candles(BTC_USD, Duration.ofHours(4), NOW.minus(Duration.ofDays(1)), NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("coinbase has no 4h candles; supported intervals: 1m, 5m, 15m, 1h, 6h, 1d");
        assertThat(candleCalls()).isEmpty();
    }
}
