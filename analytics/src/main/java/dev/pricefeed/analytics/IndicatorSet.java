package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBar;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.DecimalNum;
import org.ta4j.core.num.Num;

/**
 * Indicators computed with ta4j on {@link DecimalNum} (exact decimals, computed with 32 significant digits) over closed candles.
 * Each {@link #add} appends one closed candle and returns every indicator's value at it, leaving out those that have
 * not seen enough candles yet (their period; MACD's signal line 34). Not thread-safe.
 */
public final class IndicatorSet {

    /** Candles kept for ta4j; far more than the longest period, so recursive indicators stay settled. */
    private static final int MAX_BARS = 10 * IndicatorSpec.MAX_PERIOD;
    /** Significant digits of every value handed to ta4j (its DecimalNum default). */
    private static final int PRECISION = 32;
    private static final Num BOLLINGER_K = DecimalNum.valueOf(BigDecimal.valueOf(2), PRECISION);

    private final List<IndicatorSpec> specs;
    private final BarSeries series;
    private final List<Output> outputs = new ArrayList<>();
    private long bars;

    private record Output(String name, Indicator<Num> indicator, int warmUp) {
    }

    /**
     * Creates the indicators for candles of one interval.
     *
     * @param specs the indicators, in output order
     * @param interval the candle length (for {@code vwap}, which spans one day of candles)
     */
    public IndicatorSet(List<IndicatorSpec> specs, Duration interval) {
        this.specs = List.copyOf(specs);
        Objects.requireNonNull(interval, "interval is null");
        this.series = new BaseBarSeriesBuilder().withNumTypeOf(DecimalNum.class).withMaxBarCount(MAX_BARS).build();
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        for (IndicatorSpec spec : this.specs) {
            int n = spec.period();
            switch (spec.kind()) {
                case SMA -> outputs.add(new Output(spec.name(), new SMAIndicator(close, n), n));
                case EMA -> outputs.add(new Output(spec.name(), new EMAIndicator(close, n), n));
                case RSI -> outputs.add(new Output(spec.name(), new RSIIndicator(close, n), n));
                case ATR -> outputs.add(new Output(spec.name(), new ATRIndicator(series, n), n));
                case BOLLINGER -> {
                    BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, n));
                    StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, n);
                    outputs.add(new Output(spec.name() + ".upper",
                            new BollingerBandsUpperIndicator(middle, deviation, BOLLINGER_K), n));
                    outputs.add(new Output(spec.name() + ".middle", middle, n));
                    outputs.add(new Output(spec.name() + ".lower",
                            new BollingerBandsLowerIndicator(middle, deviation, BOLLINGER_K), n));
                }
                case MACD -> {
                    MACDIndicator macd = new MACDIndicator(close, 12, 26);
                    EMAIndicator signal = new EMAIndicator(macd, 9);
                    outputs.add(new Output(spec.name(), macd, 26));
                    outputs.add(new Output(spec.name() + ".signal", signal, 26 + 9 - 1));
                    outputs.add(new Output(spec.name() + ".histogram", new Difference(macd, signal), 26 + 9 - 1));
                }
                case VWAP -> {
                    int count = n > 0 ? n : candlesPerDay(interval);
                    outputs.add(new Output(spec.name(), new VWAPIndicator(series, count), n > 0 ? n : 1));
                }
                default -> throw new IllegalStateException("unhandled indicator " + spec.kind());
            }
        }
    }

    /** The indicators, as asked for. */
    public List<IndicatorSpec> specs() {
        return specs;
    }

    /** How many closed candles every value needs before it is given (the history worth fetching). */
    public int warmUpCandles() {
        return outputs.stream().mapToInt(Output::warmUp).max().orElse(0);
    }

    /**
     * Appends a closed candle and computes every indicator at it.
     *
     * @return the values by output name ({@code sma20}, {@code bb20.upper}, {@code macd.signal}, ...) in the order
     *     asked for; an indicator still warming up, or without a value (VWAP over candles without volume), is left out
     * @throws IllegalArgumentException when the candle is not closed
     */
    public Map<String, BigDecimal> add(Candle candle) {
        if (!candle.closed()) {
            throw new IllegalArgumentException("indicators take closed candles only; " + candle.openTime()
                    + " is unfinished");
        }
        BigDecimal amount = candle.vwap() != null ? candle.vwap().multiply(candle.volume()) : BigDecimal.ZERO;
        series.addBar(new BaseBar(candle.interval(), candle.closeTime().atZone(ZoneOffset.UTC),
                num(candle.open()), num(candle.high()), num(candle.low()), num(candle.close()),
                num(candle.volume()), num(amount), Math.max(0, candle.trades())));
        bars++;
        int index = series.getEndIndex();
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Output output : outputs) {
            if (bars < output.warmUp()) {
                continue;
            }
            Num value = output.indicator().getValue(index);
            if (value != null && !value.isNaN()) {
                values.put(output.name(), value.bigDecimalValue());
            }
        }
        return values;
    }

    private static Num num(BigDecimal value) {
        // DecimalNum computes with the precision of the left operand: a price read as "44.34" would otherwise carry
        // 4 digits into every sum and quotient that starts from it (ta4j's typical price, for one)
        return DecimalNum.valueOf(value, Math.max(PRECISION, value.precision()));
    }

    private static int candlesPerDay(Duration interval) {
        long perDay = Duration.ofDays(1).toSeconds() / Math.max(1, interval.toSeconds());
        return (int) Math.max(1, Math.min(MAX_BARS, perDay));
    }

    /** The MACD histogram: MACD minus its signal line. */
    private static final class Difference implements Indicator<Num> {
        private final Indicator<Num> minuend;
        private final Indicator<Num> subtrahend;

        Difference(Indicator<Num> minuend, Indicator<Num> subtrahend) {
            this.minuend = minuend;
            this.subtrahend = subtrahend;
        }

        @Override
        public Num getValue(int index) {
            return minuend.getValue(index).minus(subtrahend.getValue(index));
        }

        @Override
        public int getUnstableBars() {
            return Math.max(minuend.getUnstableBars(), subtrahend.getUnstableBars());
        }

        @Override
        public BarSeries getBarSeries() {
            return minuend.getBarSeries();
        }
    }
}
