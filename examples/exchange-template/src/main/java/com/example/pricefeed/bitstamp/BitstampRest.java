package com.example.pricefeed.bitstamp;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Reads Bitstamp's REST answers with the streaming parser. */
final class BitstampRest {

    private BitstampRest() {
    }

    /**
     * The instruments of {@code GET /api/v2/trading-pairs-info/}: an array of objects whose {@code name} is written
     * {@code BTC/USD}; pairs whose {@code trading} is not {@code Enabled} are left out.
     */
    static Set<Instrument> tradingPairs(String body) {
        Set<Instrument> pairs = new HashSet<>();
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != JsonParser.Event.START_ARRAY) {
                throw new IllegalArgumentException("trading-pairs-info is not a JSON array");
            }
            for (JsonParser.Event item = parser.next(); item != JsonParser.Event.END_ARRAY; item = parser.next()) {
                if (item != JsonParser.Event.START_OBJECT) {
                    JsonFrames.skip(parser, item);
                    continue;
                }
                String name = null;
                String trading = "Enabled";
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    JsonParser.Event value = parser.next();
                    if (key.equals("name")) {
                        name = JsonFrames.text(parser, value);
                    } else if (key.equals("trading")) {
                        trading = JsonFrames.text(parser, value);
                    } else {
                        JsonFrames.skip(parser, value);
                    }
                }
                // a name outside BASE/QUOTE cannot be asked for anyway, so it need not be listed
                if (name != null && "Enabled".equals(trading) && isBaseSlashQuote(name)) {
                    pairs.add(Instrument.of(name));
                }
            }
        }
        return pairs;
    }

    private static boolean isBaseSlashQuote(String name) {
        int slash = name.indexOf('/');
        if (slash <= 0 || slash == name.length() - 1 || name.indexOf('/', slash + 1) >= 0) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i != slash && !((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The tick of {@code GET /api/v2/ticker/<pair>/}: last, bid, ask and 24 h statistics as decimal strings. */
    static Tick ticker(Instrument instrument, String body, Instant receivedAt) {
        Tick.Builder tick = Tick.builder(BitstampProvider.ID, instrument).receivedAt(receivedAt);
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("a Bitstamp ticker is a JSON object");
            }
            for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                switch (key) {
                    case "last" -> tick.last(JsonFrames.decimal(parser, value));
                    case "bid" -> tick.bid(JsonFrames.decimal(parser, value));
                    case "ask" -> tick.ask(JsonFrames.decimal(parser, value));
                    case "open" -> tick.open(JsonFrames.decimal(parser, value));
                    case "high" -> tick.high(JsonFrames.decimal(parser, value));
                    case "low" -> tick.low(JsonFrames.decimal(parser, value));
                    case "volume" -> tick.volume(JsonFrames.decimal(parser, value));
                    case "vwap" -> tick.vwap(JsonFrames.decimal(parser, value));
                    case "timestamp" -> {
                        String seconds = JsonFrames.text(parser, value);
                        if (seconds != null) {
                            tick.exchangeTime(Instant.ofEpochSecond(Long.parseLong(seconds)));
                        }
                    }
                    default -> JsonFrames.skip(parser, value);
                }
            }
        }
        return tick.build();
    }
}
