package dev.pricefeed.exchange.binance;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.CandleVwap;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a REST {@code /api/v3/klines} answer: an array of rows {@code [openTime, "open", "high", "low", "close",
 * "volume", closeTime, "quoteVolume", trades, "takerBuyBase", "takerBuyQuote", "ignore"]}, times in epoch
 * milliseconds, oldest first. The VWAP is quote volume / volume ({@link CandleVwap}).
 */
final class KlineReader {

    private KlineReader() {
    }

    /** The candles of an answer; those whose interval is not over at {@code now} are marked not closed. */
    static List<Candle> read(String body, Instrument instrument, Duration interval, Instant now) {
        List<Candle> candles = new ArrayList<>();
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != Event.START_ARRAY) {
                throw new IllegalStateException("a Binance klines answer is a JSON array");
            }
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.START_ARRAY) {
                    throw new IllegalStateException("a kline is an array, got " + event);
                }
                candles.add(row(parser, instrument, interval, now));
            }
        }
        return candles;
    }

    private static Candle row(JsonParser parser, Instrument instrument, Duration interval, Instant now) {
        Long openTime = null;
        BigDecimal[] ohlcv = new BigDecimal[5];
        BigDecimal quoteVolume = null;
        long trades = -1;
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            switch (i) {
                case 0 -> openTime = whole(parser, event);
                case 1, 2, 3, 4, 5 -> ohlcv[i - 1] = JsonFrames.decimal(parser, event);
                case 7 -> quoteVolume = JsonFrames.decimal(parser, event);
                case 8 -> trades = whole(parser, event);
                default -> JsonFrames.skip(parser, event);
            }
            i++;
        }
        if (openTime == null || i < 9) {
            throw new IllegalStateException("a kline has " + i + " fields, expected 12");
        }
        Instant open = Instant.ofEpochMilli(openTime);
        return new Candle(BinanceProvider.ID, instrument, interval, open, ohlcv[0], ohlcv[1], ohlcv[2], ohlcv[3],
                ohlcv[4], trades, CandleVwap.of(quoteVolume, ohlcv[4]), !open.plus(interval).isAfter(now));
    }

    private static long whole(JsonParser parser, Event event) {
        if (event == Event.VALUE_NUMBER) {
            return parser.getBigDecimal().longValueExact();
        }
        if (event == Event.VALUE_STRING) {
            return Long.parseLong(parser.getString());
        }
        throw new IllegalStateException("expected a whole number, got " + event);
    }
}
