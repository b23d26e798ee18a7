package dev.pricefeed.testkit.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.testkit.CandleSeries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The emulators' seeded candle series: repeatable, consistent candles, ending at the clock's current candle. */
class CandleSeriesTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:02:30Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final CandleSeries series = new CandleSeries(CandleSeries.DEFAULT_SEED, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("the same seed, symbol, interval and time give the same candle; another symbol another one")
    void repeatable() {
        CandleSeries again = new CandleSeries(CandleSeries.DEFAULT_SEED, Clock.systemUTC());
        Instant open = Instant.parse("2026-12-07T09:00:00Z");

        assertThat(again.row("BTC/USD", MINUTE, open)).isEqualTo(series.row("BTC/USD", MINUTE, open));
        assertThat(series.row("ETH/USD", MINUTE, open)).isNotEqualTo(series.row("BTC/USD", MINUTE, open));
        assertThat(new CandleSeries(7, Clock.systemUTC()).row("BTC/USD", MINUTE, open))
                .isNotEqualTo(series.row("BTC/USD", MINUTE, open));
    }

    @Test
    @DisplayName("every candle is consistent: low <= open, close, vwap <= high; quote volume = vwap x volume")
    void consistent() {
        List<CandleSeries.Row> rows = series.rows("BTC/USD", MINUTE, NOW.minus(Duration.ofHours(10)), NOW);

        assertThat(rows).hasSize(600).allSatisfy(row -> {
            assertThat(row.low()).isLessThanOrEqualTo(row.open()).isLessThanOrEqualTo(row.close().max(row.open()));
            assertThat(row.high()).isGreaterThanOrEqualTo(row.open()).isGreaterThanOrEqualTo(row.close());
            assertThat(row.low()).isLessThanOrEqualTo(row.close());
            assertThat(row.vwap()).isBetween(row.low(), row.high());
            assertThat(row.quoteVolume()).isEqualTo(row.vwap().multiply(row.volume()));
            assertThat(row.volume().signum()).isPositive();
            assertThat(row.trades()).isPositive();
        });
    }

    @Test
    @DisplayName("rows are aligned, inclusive at both ends, and stop at the current candle")
    void rowsEndAtTheCurrentCandle() {
        List<CandleSeries.Row> rows = series.rows("BTC/USD", MINUTE, Instant.parse("2026-12-07T09:58:10Z"),
                NOW.plus(Duration.ofHours(1)));

        assertThat(rows).extracting(CandleSeries.Row::openTime).containsExactly(
                Instant.parse("2026-12-07T09:59:00Z"), Instant.parse("2026-12-07T10:00:00Z"),
                Instant.parse("2026-12-07T10:01:00Z"), Instant.parse("2026-12-07T10:02:00Z"));
        assertThat(series.currentOpen(Duration.ofHours(4))).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(series.rows("BTC/USD", MINUTE, Instant.parse("2026-12-07T09:00:00Z"),
                Instant.parse("2026-12-07T09:02:00Z"))).hasSize(3);
    }
}
