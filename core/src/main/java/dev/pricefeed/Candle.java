package dev.pricefeed;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV candle of an instrument over one interval, boundaries in UTC by exchange time.
 *
 * @param exchange exchange id
 * @param instrument the instrument
 * @param interval the candle's length, such as one minute
 * @param openTime start of the interval (inclusive)
 * @param open exact first trade price (for an interval without trades: the previous close)
 * @param high exact highest trade price
 * @param low exact lowest trade price
 * @param close exact last trade price
 * @param volume exact traded size in the base asset
 * @param trades number of trades, or {@code -1} when the source does not say
 * @param vwap exact volume-weighted average price, or {@code null} when unknown or when nothing traded
 * @param closed whether the interval is over and the candle final ({@code false} for the unfinished one)
 */
public record Candle(
        String exchange,
        Instrument instrument,
        Duration interval,
        Instant openTime,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume,
        long trades,
        BigDecimal vwap,
        boolean closed) {

    public Candle {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(instrument, "instrument is null");
        Objects.requireNonNull(interval, "interval is null");
        Objects.requireNonNull(openTime, "openTime is null");
        Objects.requireNonNull(open, "open is null");
        Objects.requireNonNull(high, "high is null");
        Objects.requireNonNull(low, "low is null");
        Objects.requireNonNull(close, "close is null");
        Objects.requireNonNull(volume, "volume is null");
    }

    /** End of the interval (exclusive): {@code openTime + interval}. */
    public Instant closeTime() {
        return openTime.plus(interval);
    }
}
