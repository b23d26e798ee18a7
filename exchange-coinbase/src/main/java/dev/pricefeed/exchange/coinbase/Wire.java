package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Side;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Small readers for Coinbase's JSON values that {@link JsonFrames} does not cover. */
final class Wire {

    private Wire() {
    }

    /** The current scalar as text, or {@code null} for null; an object or array is skipped and read as null. */
    static String text(JsonParser json, Event event) {
        if (event == Event.START_OBJECT || event == Event.START_ARRAY) {
            JsonFrames.skip(json, event);
            return null;
        }
        return JsonFrames.text(json, event);
    }

    /** The current value as a whole number from a JSON number or a string of digits, or {@code null} for null. */
    static Long whole(JsonParser json, Event event) {
        switch (event) {
            case VALUE_NUMBER:
                return json.isIntegralNumber() ? json.getLong() : json.getBigDecimal().longValueExact();
            case VALUE_STRING:
                String text = json.getString();
                return text.isEmpty() ? null : Long.parseLong(text);
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("expected a whole number, got " + event);
        }
    }

    /** An RFC 3339 time such as {@code 2022-10-19T23:28:22.061769Z}, or {@code null} when absent. */
    static Instant instant(String text) {
        return WireText.instant(text);
    }

    /** {@code buy}/{@code BUY} or {@code sell}/{@code SELL} as written; anything else makes the frame malformed. */
    static Side side(String text) {
        if ("buy".equalsIgnoreCase(text)) {
            return Side.BUY;
        }
        if ("sell".equalsIgnoreCase(text)) {
            return Side.SELL;
        }
        throw new IllegalArgumentException("trade side '" + text + "' is neither buy nor sell");
    }

    /**
     * Reads a subscription listing into channel name to product ids. Accepts the Exchange form (an array of channel
     * names or {@code {"name":…,"product_ids":[…]}} objects) and the Advanced Trade form
     * ({@code {"ticker":["BTC-USD"],…}}).
     */
    static Map<String, Set<String>> subscriptions(JsonParser json, Event event, Map<String, Set<String>> into) {
        Map<String, Set<String>> result = into != null ? into : new HashMap<>();
        if (event == Event.START_ARRAY) {
            Event e;
            while ((e = json.next()) != Event.END_ARRAY) {
                if (e == Event.VALUE_STRING) {
                    result.computeIfAbsent(json.getString(), k -> new HashSet<>());
                } else if (e == Event.START_OBJECT) {
                    exchangeChannel(json, result);
                } else {
                    JsonFrames.skip(json, e);
                }
            }
        } else if (event == Event.START_OBJECT) {
            Event e;
            while ((e = json.next()) != Event.END_OBJECT) {
                String name = json.getString();
                Event value = json.next();
                if (value == Event.START_ARRAY) {
                    strings(json, result.computeIfAbsent(name, k -> new HashSet<>()));
                } else {
                    JsonFrames.skip(json, value);
                }
            }
        } else {
            JsonFrames.skip(json, event);
        }
        return result;
    }

    private static void exchangeChannel(JsonParser json, Map<String, Set<String>> result) {
        String name = null;
        Set<String> products = new HashSet<>();
        Event e;
        while ((e = json.next()) != Event.END_OBJECT) {
            String key = json.getString();
            Event value = json.next();
            if ("name".equals(key)) {
                name = text(json, value);
            } else if ("product_ids".equals(key) && value == Event.START_ARRAY) {
                strings(json, products);
            } else {
                JsonFrames.skip(json, value);
            }
        }
        if (name != null) {
            result.computeIfAbsent(name, k -> new HashSet<>()).addAll(products);
        }
    }

    private static void strings(JsonParser json, Set<String> into) {
        Event e;
        while ((e = json.next()) != Event.END_ARRAY) {
            if (e == Event.VALUE_STRING) {
                into.add(json.getString());
            } else {
                JsonFrames.skip(json, e);
            }
        }
    }
}
