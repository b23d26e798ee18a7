package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a REST {@code /0/public/OHLC} answer: {@code result} holds the pair's rows under its result key (such as
 * {@code XXBTZUSD}) and {@code last}. Each row is {@code [time, open, high, low, close, vwap, volume, count]}, time in
 * epoch seconds, decimals as strings (numbers are read exactly too). The last row is the unfinished candle.
 */
final class KrakenOhlcReader {

    private KrakenOhlcReader() {
    }

    /**
     * The candles of an answer, oldest first as Kraken sends them; the last one and any whose interval is not over at
     * {@code now} are marked not closed.
     *
     * @throws IOException when Kraken reports an error or the answer is not its OHLC shape
     */
    static List<Candle> read(String body, Instrument instrument, Duration interval, Instant now) throws IOException {
        List<Candle> candles = new ArrayList<>();
        KrakenRestResponse.read(body, "OHLC", parser -> {
            while (parser.next() != Event.END_OBJECT) {
                String key = parser.getString();
                Event value = parser.next();
                if (value == Event.START_ARRAY && !key.equals("last") && candles.isEmpty()) {
                    readRows(parser, instrument, interval, now, candles);
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        });
        if (!candles.isEmpty()) {
            Candle newest = candles.get(candles.size() - 1);
            if (newest.closed()) {
                candles.set(candles.size() - 1, unfinished(newest));
            }
        }
        return candles;
    }

    private static void readRows(JsonParser parser, Instrument instrument, Duration interval, Instant now,
            List<Candle> candles) {
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event != Event.START_ARRAY) {
                throw new IllegalStateException("an OHLC row is an array, got " + event);
            }
            candles.add(row(parser, instrument, interval, now));
        }
    }

    private static Candle row(JsonParser parser, Instrument instrument, Duration interval, Instant now) {
        Long time = null;
        BigDecimal[] values = new BigDecimal[6];
        long count = -1;
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i == 0) {
                time = whole(parser, event);
            } else if (i <= 6) {
                values[i - 1] = JsonFrames.decimal(parser, event);
            } else if (i == 7) {
                count = whole(parser, event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
        if (time == null || i < 7) {
            throw new IllegalStateException("an OHLC row has " + i + " fields, expected 8");
        }
        Instant open = Instant.ofEpochSecond(time);
        BigDecimal volume = values[5];
        // Kraken writes a vwap of 0 for an interval without trades; the candle then has none.
        BigDecimal vwap = volume.signum() == 0 ? null : values[4];
        return new Candle(KrakenProvider.ID, instrument, interval, open, values[0], values[1], values[2], values[3],
                volume, count, vwap, !open.plus(interval).isAfter(now));
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

    private static Candle unfinished(Candle c) {
        return new Candle(c.exchange(), c.instrument(), c.interval(), c.openTime(), c.open(), c.high(), c.low(),
                c.close(), c.volume(), c.trades(), c.vwap(), false);
    }
}
