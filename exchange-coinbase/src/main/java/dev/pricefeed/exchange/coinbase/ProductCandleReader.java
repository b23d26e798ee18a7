package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Coinbase Exchange {@code /products/{id}/candles} answer: an array of rows {@code [time, low, high, open,
 * close, volume]} of JSON numbers, time in epoch seconds, newest first. Each number is read from its JSON text into a
 * {@link BigDecimal}, never through a double. Coinbase gives neither a trade count (so -1) nor a quote volume (so no
 * VWAP).
 */
final class ProductCandleReader {

    private ProductCandleReader() {
    }

    /**
     * The candles of an answer in the order Coinbase sends them; those whose interval is not over at {@code now} are
     * marked not closed.
     */
    static List<Candle> read(String body, Instrument instrument, Duration interval, Instant now) {
        List<Candle> candles = new ArrayList<>();
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != Event.START_ARRAY) {
                throw new IllegalStateException("a Coinbase candles answer is a JSON array");
            }
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.START_ARRAY) {
                    throw new IllegalStateException("a Coinbase candle is an array, got " + event);
                }
                candles.add(row(parser, instrument, interval, now));
            }
        }
        return candles;
    }

    private static Candle row(JsonParser parser, Instrument instrument, Duration interval, Instant now) {
        Long time = null;
        BigDecimal[] values = new BigDecimal[5];
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i == 0) {
                time = Wire.whole(parser, event);
            } else if (i <= 5) {
                values[i - 1] = JsonFrames.decimal(parser, event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
        if (time == null || i < 6) {
            throw new IllegalStateException("a Coinbase candle has " + i + " fields, expected 6");
        }
        Instant open = Instant.ofEpochSecond(time);
        // the row is time, low, high, open, close, volume
        return new Candle(CoinbaseParser.EXCHANGE, instrument, interval, open, values[2], values[1], values[0],
                values[3], values[4], -1, null, !open.plus(interval).isAfter(now));
    }
}
