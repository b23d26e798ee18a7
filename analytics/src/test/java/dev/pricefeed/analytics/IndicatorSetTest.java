package dev.pricefeed.analytics;

import static dev.pricefeed.analytics.Trades.BTC_USD;
import static dev.pricefeed.analytics.Trades.MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.pricefeed.Candle;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Indicator values against published and independently computed references. The published one is the worked example
 * of StockCharts ChartSchool, "Moving Averages - Simple and Exponential" (closes 11 to 17, five-day SMA 13, 14, 15).
 * The others follow ta4j 0.17's definitions (see TOOLING.md), written out here in plain BigDecimal arithmetic with 40
 * digits, over the closes of the RSI worked example in the same ChartSchool (article "Relative Strength Index (RSI)",
 * after Wilder's New Concepts in Technical Trading Systems, 1978), extended to 40 candles.
 */
class IndicatorSetTest {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-10");

    /** Closes of ChartSchool's RSI worked example, then seven more so MACD's signal line is warm. */
    private static final String[] CLOSES = {"44.34", "44.09", "44.15", "43.61", "44.33", "44.83", "45.10", "45.42",
        "45.84", "46.08", "45.89", "46.03", "45.61", "46.28", "46.28", "46.00", "46.03", "46.41", "46.22", "45.64",
        "46.21", "46.25", "45.71", "46.45", "45.78", "45.35", "44.03", "44.18", "44.22", "44.57", "43.42", "42.66",
        "43.13", "43.50", "44.02", "43.87", "44.30", "44.91", "45.12", "44.80"};

    private static List<Candle> candles(String... closes) {
        List<Candle> candles = new ArrayList<>();
        Instant open = Instant.parse("2024-05-01T00:00:00Z");
        BigDecimal previous = null;
        for (int i = 0; i < closes.length; i++) {
            BigDecimal close = new BigDecimal(closes[i]);
            BigDecimal o = previous == null ? close : previous;
            // highs and lows around the bar, varied so true ranges differ
            BigDecimal high = close.max(o).add(new BigDecimal("0.1" + (i % 7)));
            BigDecimal low = close.min(o).subtract(new BigDecimal("0.0" + (i % 5 + 1)));
            BigDecimal volume = new BigDecimal(100 + 17 * (i % 9) + "." + i);
            candles.add(new Candle("kraken", BTC_USD, MINUTE, open.plus(MINUTE.multipliedBy(i)), o, high, low,
                    close, volume, 10, null, true));
            previous = close;
        }
        return candles;
    }

    private static List<Map<String, BigDecimal>> run(String indicators, List<Candle> candles) {
        IndicatorSet set = new IndicatorSet(IndicatorSpec.parseList(indicators), MINUTE);
        List<Map<String, BigDecimal>> values = new ArrayList<>();
        candles.forEach(candle -> values.add(set.add(candle)));
        return values;
    }

    @Test
    void smaMatchesChartSchoolsWorkedExampleExactly() {
        List<Map<String, BigDecimal>> values = run("sma5", candles("11", "12", "13", "14", "15", "16", "17"));

        assertThat(values.subList(0, 4)).allSatisfy(v -> assertThat(v).isEmpty());
        assertThat(values.get(4).get("sma5")).isEqualByComparingTo("13");
        assertThat(values.get(5).get("sma5")).isEqualByComparingTo("14");
        assertThat(values.get(6).get("sma5")).isEqualByComparingTo("15");
    }

    @Test
    void emaRsiAtrBollingerMacdAndVwapMatchTheirDefinitionsWithin1e10() {
        List<Candle> candles = candles(CLOSES);
        List<Map<String, BigDecimal>> values = run("sma10,ema10,rsi14,atr14,bb20,macd,vwap5", candles);

        int n = candles.size();
        BigDecimal[] close = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            close[i] = candles.get(i).close();
        }
        BigDecimal[] ema10 = ema(close, 10);
        BigDecimal[] ema12 = ema(close, 12);
        BigDecimal[] ema26 = ema(close, 26);
        BigDecimal[] macd = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            macd[i] = ema12[i].subtract(ema26[i]);
        }
        BigDecimal[] signal = ema(macd, 9);
        BigDecimal[] rsi = rsi(close, 14);
        BigDecimal[] atr = atr(candles, 14);
        for (int i = 0; i < n; i++) {
            Map<String, BigDecimal> at = values.get(i);
            check(at, "sma10", i >= 9 ? sma(close, i, 10) : null);
            check(at, "ema10", i >= 9 ? ema10[i] : null);
            check(at, "rsi14", i >= 13 ? rsi[i] : null);
            check(at, "atr14", i >= 13 ? atr[i] : null);
            BigDecimal middle = i >= 19 ? sma(close, i, 20) : null;
            BigDecimal deviation = i >= 19 ? populationDeviation(close, i, 20) : null;
            check(at, "bb20.middle", middle);
            check(at, "bb20.upper", middle == null ? null : middle.add(deviation.multiply(BigDecimal.valueOf(2))));
            check(at, "bb20.lower", middle == null ? null : middle.subtract(deviation.multiply(BigDecimal.valueOf(2))));
            check(at, "macd", i >= 25 ? macd[i] : null);
            check(at, "macd.signal", i >= 33 ? signal[i] : null);
            check(at, "macd.histogram", i >= 33 ? macd[i].subtract(signal[i]) : null);
            check(at, "vwap5", i >= 4 ? vwap(candles, i, 5) : null);
        }
        // every value is there once warm
        assertThat(values.get(n - 1)).containsOnlyKeys("sma10", "ema10", "rsi14", "atr14", "bb20.upper",
                "bb20.middle", "bb20.lower", "macd", "macd.signal", "macd.histogram", "vwap5");
    }

    @Test
    void vwapOverCandlesWithoutVolumeIsLeftOutRatherThanDividedByZero() {
        IndicatorSet set = new IndicatorSet(IndicatorSpec.parseList("vwap2,sma1"), MINUTE);
        Map<String, BigDecimal> last = Map.of();
        for (int i = 0; i < 3; i++) {
            last = set.add(new Candle("kraken", BTC_USD, MINUTE, Instant.parse("2024-05-01T00:00:00Z").plus(
                    MINUTE.multipliedBy(i)), BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN,
                    BigDecimal.ZERO, 0, null, true));
        }

        assertThat(last).containsOnlyKeys("sma1");
    }

    @Test
    void unfinishedCandlesAreRefused() {
        Candle open = new Candle("kraken", BTC_USD, MINUTE, Instant.parse("2024-05-01T00:00:00Z"), BigDecimal.TEN,
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, BigDecimal.ONE, 1, BigDecimal.TEN, false);
        IndicatorSet set = new IndicatorSet(IndicatorSpec.parseList("sma1"), MINUTE);

        assertThatThrownBy(() -> set.add(open)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void warmUpIsTheLongestPeriodAndMacdsSignalLine() {
        assertThat(new IndicatorSet(IndicatorSpec.parseList("sma20,rsi14"), MINUTE).warmUpCandles()).isEqualTo(20);
        assertThat(new IndicatorSet(IndicatorSpec.parseList("sma20,macd"), MINUTE).warmUpCandles()).isEqualTo(34);
    }

    private static void check(Map<String, BigDecimal> values, String name, BigDecimal expected) {
        if (expected == null) {
            assertThat(values).as(name).doesNotContainKey(name);
        } else {
            assertThat(values).as(name).containsKey(name);
            assertThat(values.get(name)).as(name).isCloseTo(expected, within(TOLERANCE));
        }
    }

    private static BigDecimal sma(BigDecimal[] values, int end, int n) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = end - n + 1; i <= end; i++) {
            sum = sum.add(values[i]);
        }
        return sum.divide(BigDecimal.valueOf(n), MC);
    }

    /** Population standard deviation (divided by n), as Bollinger defined his bands. */
    private static BigDecimal populationDeviation(BigDecimal[] values, int end, int n) {
        BigDecimal mean = sma(values, end, n);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = end - n + 1; i <= end; i++) {
            BigDecimal d = values[i].subtract(mean);
            sum = sum.add(d.multiply(d));
        }
        return sum.divide(BigDecimal.valueOf(n), MC).sqrt(MC);
    }

    /** ta4j's EMA: starts at the first value, multiplier 2 / (n + 1). */
    private static BigDecimal[] ema(BigDecimal[] values, int n) {
        return smooth(values, BigDecimal.valueOf(2).divide(BigDecimal.valueOf(n + 1), MC));
    }

    /** Wilder's smoothing as ta4j's MMA: starts at the first value, multiplier 1 / n. */
    private static BigDecimal[] mma(BigDecimal[] values, int n) {
        return smooth(values, BigDecimal.ONE.divide(BigDecimal.valueOf(n), MC));
    }

    private static BigDecimal[] smooth(BigDecimal[] values, BigDecimal k) {
        BigDecimal[] out = new BigDecimal[values.length];
        out[0] = values[0];
        for (int i = 1; i < values.length; i++) {
            out[i] = values[i].subtract(out[i - 1]).multiply(k, MC).add(out[i - 1], MC);
        }
        return out;
    }

    private static BigDecimal[] rsi(BigDecimal[] close, int n) {
        BigDecimal[] gains = new BigDecimal[close.length];
        BigDecimal[] losses = new BigDecimal[close.length];
        gains[0] = BigDecimal.ZERO;
        losses[0] = BigDecimal.ZERO;
        for (int i = 1; i < close.length; i++) {
            BigDecimal change = close[i].subtract(close[i - 1]);
            gains[i] = change.max(BigDecimal.ZERO);
            losses[i] = change.negate().max(BigDecimal.ZERO);
        }
        BigDecimal[] averageGain = mma(gains, n);
        BigDecimal[] averageLoss = mma(losses, n);
        BigDecimal[] rsi = new BigDecimal[close.length];
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (int i = 0; i < close.length; i++) {
            if (averageLoss[i].signum() == 0) {
                rsi[i] = averageGain[i].signum() == 0 ? BigDecimal.ZERO : hundred;
            } else {
                BigDecimal rs = averageGain[i].divide(averageLoss[i], MC);
                rsi[i] = hundred.subtract(hundred.divide(BigDecimal.ONE.add(rs), MC));
            }
        }
        return rsi;
    }

    /** True range (the first is high minus low), smoothed by Wilder's MMA. */
    private static BigDecimal[] atr(List<Candle> candles, int n) {
        BigDecimal[] tr = new BigDecimal[candles.size()];
        for (int i = 0; i < tr.length; i++) {
            Candle c = candles.get(i);
            BigDecimal range = c.high().subtract(c.low());
            if (i > 0) {
                BigDecimal previous = candles.get(i - 1).close();
                range = range.max(c.high().subtract(previous).abs()).max(previous.subtract(c.low()).abs());
            }
            tr[i] = range;
        }
        return mma(tr, n);
    }

    /** Volume-weighted typical price, (high + low + close) / 3, over the last n candles. */
    private static BigDecimal vwap(List<Candle> candles, int end, int n) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        for (int i = end - n + 1; i <= end; i++) {
            Candle c = candles.get(i);
            BigDecimal typical = c.high().add(c.low()).add(c.close()).divide(BigDecimal.valueOf(3), MC);
            weighted = weighted.add(typical.multiply(c.volume(), MC));
            volume = volume.add(c.volume());
        }
        return weighted.divide(volume, MC);
    }
}
