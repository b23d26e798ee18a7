package dev.pricefeed.exchange.binance;

import dev.pricefeed.Tick;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import java.util.Map;

/**
 * Reads REST ticker answers ({@code /api/v3/ticker/bookTicker}, {@code /api/v3/ticker/24hr} and
 * {@code /api/v3/ticker/price}, a single object or an
 * array of them) into the tick builders of the symbols asked for; other symbols and unknown fields are skipped.
 */
final class RestTickerReader {

    private RestTickerReader() {
    }

    /** Applies every ticker object of a body to the builder of its symbol. */
    static void read(String body, Map<String, Tick.Builder> bySymbol) {
        try (JsonParser parser = JsonFrames.parser(body)) {
            JsonParser.Event first = parser.next();
            if (first == JsonParser.Event.START_OBJECT) {
                readTicker(parser, bySymbol);
            } else if (first == JsonParser.Event.START_ARRAY) {
                JsonParser.Event event;
                while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
                    if (event == JsonParser.Event.START_OBJECT) {
                        readTicker(parser, bySymbol);
                    } else {
                        JsonFrames.skip(parser, event);
                    }
                }
            } else {
                throw new IllegalStateException("Binance ticker answer is neither an object nor an array: " + first);
            }
        }
    }

    private static void readTicker(JsonParser parser, Map<String, Tick.Builder> bySymbol) {
        // field order is not guaranteed, so values are kept until the symbol is known
        EventFields f = new EventFields();
        String symbol = null;
        String lastQty = null;
        String closeTime = null;
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
                JsonFrames.skip(parser, value);
                continue;
            }
            String text = JsonFrames.text(parser, value);
            switch (key) {
                case "symbol" -> symbol = text;
                case "bidPrice" -> f.b = text;
                case "bidQty" -> f.bigB = text;
                case "askPrice" -> f.a = text;
                case "askQty" -> f.bigA = text;
                case "lastPrice", "price" -> f.c = text;
                case "lastQty" -> lastQty = text;
                case "openPrice" -> f.o = text;
                case "highPrice" -> f.h = text;
                case "lowPrice" -> f.l = text;
                case "volume" -> f.v = text;
                case "quoteVolume" -> f.q = text;
                case "weightedAvgPrice" -> f.w = text;
                case "closeTime" -> closeTime = text;
                default -> {
                    // priceChange, counts, ids and fields added later are not part of a tick
                }
            }
        }
        Tick.Builder tick = symbol == null ? null : bySymbol.get(symbol);
        if (tick == null) {
            return;
        }
        // a field absent from this answer must not erase what the other answer set
        if (f.b != null) {
            tick.bid(EventFields.decimal(f.b));
        }
        if (f.bigB != null) {
            tick.bidSize(EventFields.decimal(f.bigB));
        }
        if (f.a != null) {
            tick.ask(EventFields.decimal(f.a));
        }
        if (f.bigA != null) {
            tick.askSize(EventFields.decimal(f.bigA));
        }
        if (f.c != null) {
            tick.last(EventFields.decimal(f.c));
        }
        if (lastQty != null) {
            tick.lastSize(EventFields.decimal(lastQty));
        }
        if (f.o != null) {
            tick.open(EventFields.decimal(f.o));
        }
        if (f.h != null) {
            tick.high(EventFields.decimal(f.h));
        }
        if (f.l != null) {
            tick.low(EventFields.decimal(f.l));
        }
        if (f.v != null) {
            tick.volume(EventFields.decimal(f.v));
        }
        if (f.q != null) {
            tick.quoteVolume(EventFields.decimal(f.q));
        }
        if (f.w != null) {
            tick.vwap(EventFields.decimal(f.w));
        }
        if (closeTime != null) {
            tick.exchangeTime(EventFields.millis(closeTime));
        }
    }
}
