package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.CandleVwap;
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
 * Reads a REST {@code /api/v1/market/candles} answer: {@code data} holds rows of strings {@code [time, open, close,
 * high, low, volume, turnover]}, time in epoch seconds, newest first. KuCoin gives no trade count (so -1); the VWAP is
 * turnover / volume ({@link CandleVwap}).
 */
final class KlineRows {

    private KlineRows() {
    }

    /**
     * The candles of an answer in the order KuCoin sends them; those whose interval is not over at {@code now} are
     * marked not closed.
     *
     * @throws IOException when KuCoin answers a code other than 200000 or the body is not its shape
     */
    static List<Candle> read(String body, Instrument instrument, Duration interval, Instant now) throws IOException {
        List<Candle> candles = new ArrayList<>();
        RestReplies.envelope(body, "market/candles", (parser, value) -> {
            if (value != Event.START_ARRAY) {
                JsonFrames.skip(parser, value);
                return null;
            }
            Event event;
            while ((event = parser.next()) != Event.END_ARRAY) {
                if (event != Event.START_ARRAY) {
                    throw new IllegalStateException("a KuCoin kline is an array, got " + event);
                }
                candles.add(row(parser, instrument, interval, now));
            }
            return null;
        });
        return candles;
    }

    private static Candle row(JsonParser parser, Instrument instrument, Duration interval, Instant now) {
        String time = null;
        BigDecimal[] values = new BigDecimal[6];
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i == 0) {
                time = JsonFrames.text(parser, event);
            } else if (i <= 6) {
                values[i - 1] = JsonFrames.decimal(parser, event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
        if (time == null || i < 7) {
            throw new IllegalStateException("a KuCoin kline has " + i + " fields, expected 7");
        }
        Instant open = Instant.ofEpochSecond(Long.parseLong(time));
        // the row is time, open, close, high, low, volume, turnover
        return new Candle(KuCoinProvider.ID, instrument, interval, open, values[0], values[2], values[3], values[1],
                values[4], -1, CandleVwap.of(values[5], values[4]), !open.plus(interval).isAfter(now));
    }
}
