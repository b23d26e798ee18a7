package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import dev.pricefeed.Trade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Candles and their indicators together: every candle the {@link CandleAggregator} closes goes through the
 * {@link IndicatorSet} and comes out as a {@link CandleEvent}. Not thread-safe.
 */
public final class CandleSeries {

    private final CandleAggregator candles;
    private final IndicatorSet indicators;

    /**
     * Creates the series.
     *
     * @param candles builds the candles
     * @param indicators computed on each closed candle
     */
    public CandleSeries(CandleAggregator candles, IndicatorSet indicators) {
        this.candles = Objects.requireNonNull(candles, "candles is null");
        this.indicators = Objects.requireNonNull(indicators, "indicators is null");
    }

    /** Applies the exchange's history ({@link CandleAggregator#history}); its closed candles warm the indicators. */
    public List<CandleEvent> history(List<Candle> rows, Instant asOf) {
        return events(candles.history(rows, asOf), CandleSource.HISTORY);
    }

    /** Adds a trade ({@link CandleAggregator#trade}); returns the candles it closed. */
    public List<CandleEvent> trade(Trade trade, CandleSource source) {
        return events(candles.trade(trade), source);
    }

    /** Closes the candles the clock has passed ({@link CandleAggregator#advance}). */
    public List<CandleEvent> advance(Instant now, CandleSource source) {
        return events(candles.advance(now), source);
    }

    /** The unfinished candle of the current interval, without indicator values. */
    public Optional<CandleEvent> current(CandleSource source) {
        return candles.current().map(candle -> new CandleEvent(candle, source, Map.of()));
    }

    /** The candle builder underneath (late and covered trade counts). */
    public CandleAggregator candles() {
        return candles;
    }

    /** The indicators. */
    public IndicatorSet indicators() {
        return indicators;
    }

    private List<CandleEvent> events(List<Candle> closed, CandleSource source) {
        if (closed.isEmpty()) {
            return List.of();
        }
        List<CandleEvent> events = new ArrayList<>(closed.size());
        for (Candle candle : closed) {
            events.add(new CandleEvent(candle, source, indicators.add(candle)));
        }
        return events;
    }
}
