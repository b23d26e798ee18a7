package dev.pricefeed.spi.support;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The volume-weighted average price of a candle from its quote volume (the sum of price × size) and base volume, for
 * exchanges that send both but no VWAP (Binance quote volume, KuCoin turnover).
 */
public final class CandleVwap {

    /**
     * 34 significant digits, rounded half-even (IEEE 754 decimal128): the quotient is usually not a finite decimal,
     * and this keeps every digit a price or size on these exchanges can carry.
     */
    public static final MathContext PRECISION = MathContext.DECIMAL128;

    private CandleVwap() {
    }

    /** {@code quoteVolume / volume} to {@link #PRECISION}, or {@code null} when either is missing or nothing traded. */
    public static BigDecimal of(BigDecimal quoteVolume, BigDecimal volume) {
        if (quoteVolume == null || volume == null || volume.signum() == 0) {
            return null;
        }
        return quoteVolume.divide(volume, PRECISION);
    }
}
