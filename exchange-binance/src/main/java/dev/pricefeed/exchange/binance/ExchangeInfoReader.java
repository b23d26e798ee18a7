package dev.pricefeed.exchange.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code GET /api/v3/exchangeInfo} into symbol to instrument ({@code BTCUSDT} to {@code BTC/USDT}) from each
 * symbol's {@code baseAsset} and {@code quoteAsset}, streaming through the large answer. Symbols whose assets are not
 * plain upper-case letters and digits (Binance allows other UTF-8 characters) cannot be written as an
 * {@link Instrument} and are left out.
 */
final class ExchangeInfoReader {

    private ExchangeInfoReader() {
    }

    /** The symbols of an exchangeInfo body. */
    static Map<String, Instrument> read(String body) {
        Map<String, Instrument> symbols = new HashMap<>();
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalStateException("Binance exchangeInfo answer is not a JSON object");
            }
            while (parser.next() != JsonParser.Event.END_OBJECT) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if ("symbols".equals(key) && value == JsonParser.Event.START_ARRAY) {
                    readSymbols(parser, symbols);
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        }
        return symbols;
    }

    private static void readSymbols(JsonParser parser, Map<String, Instrument> symbols) {
        JsonParser.Event event;
        while ((event = parser.next()) != JsonParser.Event.END_ARRAY) {
            if (event != JsonParser.Event.START_OBJECT) {
                JsonFrames.skip(parser, event);
                continue;
            }
            String symbol = null;
            String base = null;
            String quote = null;
            while (parser.next() != JsonParser.Event.END_OBJECT) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                switch (key) {
                    case "symbol" -> symbol = JsonFrames.text(parser, value);
                    case "baseAsset" -> base = JsonFrames.text(parser, value);
                    case "quoteAsset" -> quote = JsonFrames.text(parser, value);
                    default -> JsonFrames.skip(parser, value);
                }
            }
            if (symbol != null && plainAsset(base) && plainAsset(quote)) {
                symbols.put(symbol, new Instrument(base, quote));
            }
        }
    }

    private static boolean plainAsset(String asset) {
        if (asset == null || asset.isEmpty() || asset.length() > 20) {
            return false;
        }
        for (int i = 0; i < asset.length(); i++) {
            char c = asset.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }
}
