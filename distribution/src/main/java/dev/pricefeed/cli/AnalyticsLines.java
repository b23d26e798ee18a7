package dev.pricefeed.cli;

import dev.pricefeed.Candle;
import dev.pricefeed.analytics.ArbitrageEvent;
import dev.pricefeed.analytics.CandleEvent;
import dev.pricefeed.analytics.Intervals;
import dev.pricefeed.analytics.Opportunity;
import dev.pricefeed.analytics.Quote;
import dev.pricefeed.json.JsonObjectWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The JSON Lines of the analytics commands: {@code candle} and {@code arbitrage} objects, decimals as strings like
 * every other line.
 */
final class AnalyticsLines {

    /** Indicator values are computed with 32 significant digits and printed with at most this many decimals. */
    static final int INDICATOR_DECIMALS = 10;

    private AnalyticsLines() {
    }

    /** One candle with its source and indicator values. */
    static String candle(CandleEvent event) {
        Candle candle = event.candle();
        JsonObjectWriter json = new JsonObjectWriter()
                .string("type", "candle")
                .string("exchange", candle.exchange())
                .text("instrument", candle.instrument())
                .string("interval", Intervals.format(candle.interval()))
                .text("openTime", candle.openTime())
                .text("closeTime", candle.closeTime())
                .decimal("open", candle.open())
                .decimal("high", candle.high())
                .decimal("low", candle.low())
                .decimal("close", candle.close())
                .decimal("volume", candle.volume());
        if (candle.trades() >= 0) {
            json.number("trades", candle.trades());
        }
        json.decimal("vwap", candle.vwap())
                .bool("closed", candle.closed())
                .string("source", event.source().wireName());
        if (!event.indicators().isEmpty()) {
            JsonObjectWriter indicators = new JsonObjectWriter();
            for (Map.Entry<String, BigDecimal> value : event.indicators().entrySet()) {
                indicators.decimal(value.getKey(), indicator(value.getValue()));
            }
            json.object("indicators", indicators);
        }
        return json.end();
    }

    /** An arbitrage opportunity opening, changing or closing. */
    static String arbitrage(ArbitrageEvent event) {
        Opportunity o = event.opportunity();
        return new JsonObjectWriter()
                .string("type", "arbitrage")
                .text("instrument", o.market())
                .object("buy", quote(o.buy()))
                .object("sell", quote(o.sell()))
                .decimal("size", o.size())
                .decimal("netSpread", o.netSpread())
                .decimal("netSpreadBps", o.netSpreadBps())
                .string("state", event.state().wireName())
                .text("at", o.at())
                .end();
    }

    private static JsonObjectWriter quote(Quote quote) {
        return new JsonObjectWriter()
                .string("exchange", quote.exchange())
                .text("instrument", quote.instrument())
                .decimal("price", quote.price())
                .decimal("size", quote.size());
    }

    /** An indicator value for display: at most {@link #INDICATOR_DECIMALS} decimals, no trailing zeros. */
    static BigDecimal indicator(BigDecimal value) {
        BigDecimal rounded = value.scale() > INDICATOR_DECIMALS
                ? value.setScale(INDICATOR_DECIMALS, RoundingMode.HALF_EVEN) : value;
        rounded = rounded.stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
