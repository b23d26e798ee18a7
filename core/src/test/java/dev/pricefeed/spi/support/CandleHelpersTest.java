package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The shared parts of a candle history: interval names, request windows, collecting pages, VWAP. */
class CandleHelpersTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    @DisplayName("intervals come shortest first; an unknown one is refused with the served ones listed")
    void intervalsAndTheirNames() {
        CandleIntervals intervals = CandleIntervals.of("acme", Map.of(Duration.ofDays(1), "D", MINUTE, "M1",
                Duration.ofHours(4), "H4"));

        assertThat(intervals.intervals()).containsExactly(MINUTE, Duration.ofHours(4), Duration.ofDays(1));
        assertThat(intervals.code(Duration.ofHours(4))).isEqualTo("H4");
        assertThatThrownBy(() -> intervals.code(Duration.ofMinutes(90)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acme has no 90m candles; supported intervals: 1m, 4h, 1d");
        assertThat(CandleIntervals.label(Duration.ofSeconds(30))).isEqualTo("30s");
        assertThat(CandleIntervals.label(Duration.ofHours(24))).isEqualTo("1d");
        assertThat(CandleIntervals.label(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }

    @Test
    @DisplayName("windows start at the first aligned open time, hold one page each, and end at 'to'")
    void windowsSplitTheRangeByPage() {
        List<CandleWindows.Window> windows = CandleWindows.split(T0.plusSeconds(10), T0.plus(MINUTE.multipliedBy(7)),
                MINUTE, 3);

        assertThat(windows).containsExactly(
                new CandleWindows.Window(T0.plus(MINUTE), T0.plus(MINUTE.multipliedBy(4))),
                new CandleWindows.Window(T0.plus(MINUTE.multipliedBy(4)), T0.plus(MINUTE.multipliedBy(7))));
        assertThat(CandleWindows.split(T0.plusSeconds(1), T0.plusSeconds(59), MINUTE, 3)).isEmpty();
        assertThat(CandleWindows.split(T0, T0, MINUTE, 3)).isEmpty();
        assertThat(CandleWindows.alignDown(Instant.parse("2026-12-07T10:59:59Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(CandleWindows.alignUp(T0, MINUTE)).isEqualTo(T0);
        assertThatThrownBy(() -> CandleWindows.split(T0, T0.plusSeconds(600), MINUTE, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("the collector keeps [from, to), one candle per open time (the later page wins), oldest first")
    void collectorFiltersDeduplicatesAndOrders() {
        CandleCollector collector = new CandleCollector(T0, T0.plus(MINUTE.multipliedBy(3)));

        assertThat(collector.add(candle(2, "3", false))).isTrue();
        assertThat(collector.add(candle(0, "1", true))).isTrue();
        assertThat(collector.add(candle(-1, "0", true))).as("before from").isFalse();
        assertThat(collector.add(candle(3, "4", true))).as("at to").isFalse();
        assertThat(collector.add(candle(2, "3.5", true))).isTrue();
        assertThat(collector.add(candle(1, "2", true))).isTrue();

        assertThat(collector.candles()).extracting(Candle::close).containsExactly(new BigDecimal("1"),
                new BigDecimal("2"), new BigDecimal("3.5"));
        assertThat(collector.candles().get(2).closed()).isTrue();
        assertThat(collector.size()).isEqualTo(3);
        assertThat(collector.newest()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
    }

    @Test
    @DisplayName("pages are fetched oldest window first, merged in order, and none after the window holding now")
    void pagesStopAfterNow() throws Exception {
        List<CandleWindows.Window> asked = new ArrayList<>();
        Clock clock = Clock.fixed(T0.plus(MINUTE.multipliedBy(4)).plusSeconds(30), ZoneOffset.UTC);

        List<Candle> candles = CandlePages.fetch(T0, T0.plus(MINUTE.multipliedBy(20)), MINUTE, 2, clock,
                new PacedRequests("test", Duration.ZERO, Duration.ZERO, 0), window -> {
                    asked.add(window);
                    // newest first, as some exchanges answer, and one candle beyond the window
                    List<Candle> page = new ArrayList<>();
                    for (int m = 2; m >= 0; m--) {
                        int minute = (int) Duration.between(T0, window.start()).toMinutes() + m;
                        if (minute <= 4) {
                            page.add(candle(minute, String.valueOf(minute), minute < 4));
                        }
                    }
                    return page;
                });

        assertThat(asked).extracting(CandleWindows.Window::start).containsExactly(T0, T0.plus(MINUTE.multipliedBy(2)),
                T0.plus(MINUTE.multipliedBy(4)));
        assertThat(candles).extracting(Candle::openTime).containsExactly(T0, T0.plus(MINUTE),
                T0.plus(MINUTE.multipliedBy(2)), T0.plus(MINUTE.multipliedBy(3)), T0.plus(MINUTE.multipliedBy(4)));
        assertThat(candles.get(4).closed()).isFalse();
    }

    @Test
    @DisplayName("VWAP is quote volume / volume to 34 digits, and none when nothing traded")
    void vwapFromQuoteVolume() {
        assertThat(CandleVwap.of(new BigDecimal("10"), new BigDecimal("3")))
                .isEqualTo(new BigDecimal("3.333333333333333333333333333333333"));
        assertThat(CandleVwap.of(new BigDecimal("200.50"), new BigDecimal("2"))).isEqualTo(new BigDecimal("100.25"));
        assertThat(CandleVwap.of(BigDecimal.ZERO, new BigDecimal("0.000"))).isNull();
        assertThat(CandleVwap.of(null, BigDecimal.ONE)).isNull();
    }

    private static Candle candle(int minute, String close, boolean closed) {
        BigDecimal price = new BigDecimal(close);
        return new Candle("acme", Instrument.of("BTC/USD"), MINUTE, T0.plus(MINUTE.multipliedBy(minute)), price, price,
                price, price, BigDecimal.ONE, 1, price, closed);
    }
}
