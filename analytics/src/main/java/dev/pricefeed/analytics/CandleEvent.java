package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * A candle with where it came from and the indicator values computed on it.
 *
 * @param candle the candle
 * @param source history, live or replay
 * @param indicators indicator values by name ({@code rsi14}, {@code bb20.upper}, ...), in the order asked for; empty
 *     for an unfinished candle and while an indicator is still warming up
 */
public record CandleEvent(Candle candle, CandleSource source, Map<String, BigDecimal> indicators) {

    public CandleEvent {
        Objects.requireNonNull(candle, "candle is null");
        Objects.requireNonNull(source, "source is null");
        indicators = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(indicators));
    }
}
