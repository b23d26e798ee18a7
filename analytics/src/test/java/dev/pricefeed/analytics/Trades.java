package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Trade;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** Test data: trades and candles written briefly. */
final class Trades {

    static final Instrument BTC_USD = Instrument.of("BTC/USD");
    static final Duration MINUTE = Duration.ofMinutes(1);

    private Trades() {
    }

    /** A Kraken BTC/USD trade at an exchange time such as {@code 10:00:05}, received a little later. */
    static Trade trade(String time, String price, String size) {
        Instant at = at(time);
        return new Trade("kraken", BTC_USD, new BigDecimal(price), new BigDecimal(size), Side.BUY, null, at,
                at.plusMillis(40));
    }

    /** 2024-05-01 at {@code HH:mm:ss[.SSS]} UTC. */
    static Instant at(String time) {
        return Instant.parse("2024-05-01T" + time + "Z");
    }

    /** A Kraken BTC/USD one-minute candle. */
    static Candle candle(String openTime, String o, String h, String l, String c, String v, long trades, String vwap,
            boolean closed) {
        return new Candle("kraken", BTC_USD, MINUTE, at(openTime), new BigDecimal(o), new BigDecimal(h),
                new BigDecimal(l), new BigDecimal(c), new BigDecimal(v), trades, vwap == null ? null
                        : new BigDecimal(vwap), closed);
    }

    /** A candle as one line, every decimal as its exact text, for exact comparisons. */
    static String text(Candle c) {
        return c.openTime() + " o=" + c.open().toPlainString() + " h=" + c.high().toPlainString() + " l="
                + c.low().toPlainString() + " c=" + c.close().toPlainString() + " v=" + c.volume().toPlainString()
                + " n=" + c.trades() + " vwap=" + (c.vwap() == null ? "-" : c.vwap().toPlainString())
                + (c.closed() ? "" : " open");
    }
}
