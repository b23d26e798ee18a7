package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The scalar fields of one Binance event, kept as wire text until the event type is known (Binance reuses letters:
 * {@code q} is a quantity in a trade and the quote volume in a ticker, {@code a} the ask or an aggregate trade id).
 * Reused frame after frame by one parser; not thread-safe.
 */
final class EventFields {

    String e;
    String eventTime;
    String s;
    String u;
    String t;
    String a;
    String bigA;
    String b;
    String bigB;
    String p;
    String q;
    String bigQ;
    String bigT;
    String m;
    String c;
    String o;
    String h;
    String l;
    String v;
    String w;
    private boolean any;

    /** Forgets the previous event. */
    void clear() {
        e = eventTime = s = u = t = a = bigA = b = bigB = p = q = bigQ = bigT = m = c = o = h = l = v = w = null;
        any = false;
    }

    /** Whether any field of an event was read. */
    boolean isEmpty() {
        return !any;
    }

    /** Reads every field of an event object whose START_OBJECT was just consumed. */
    void readObject(JsonParser parser) {
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            read(key, parser, parser.next());
        }
    }

    /** Keeps one field's value (scalars only; nested values such as depth levels are skipped). */
    void read(String key, JsonParser parser, JsonParser.Event value) {
        any = true;
        if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return;
        }
        switch (key) {
            case "e" -> e = JsonFrames.text(parser, value);
            case "E" -> eventTime = JsonFrames.text(parser, value);
            case "s" -> s = JsonFrames.text(parser, value);
            case "u" -> u = JsonFrames.text(parser, value);
            case "t" -> t = JsonFrames.text(parser, value);
            case "a" -> a = JsonFrames.text(parser, value);
            case "A" -> bigA = JsonFrames.text(parser, value);
            case "b" -> b = JsonFrames.text(parser, value);
            case "B" -> bigB = JsonFrames.text(parser, value);
            case "p" -> p = JsonFrames.text(parser, value);
            case "q" -> q = JsonFrames.text(parser, value);
            case "Q" -> bigQ = JsonFrames.text(parser, value);
            case "T" -> bigT = JsonFrames.text(parser, value);
            case "m" -> m = JsonFrames.text(parser, value);
            case "c" -> c = JsonFrames.text(parser, value);
            case "o" -> o = JsonFrames.text(parser, value);
            case "h" -> h = JsonFrames.text(parser, value);
            case "l" -> l = JsonFrames.text(parser, value);
            case "v" -> v = JsonFrames.text(parser, value);
            case "w" -> w = JsonFrames.text(parser, value);
            default -> {
                // fields this connector does not use (P, x, O, C, F, L, n, M, f, ...) are skipped
            }
        }
    }

    /** An exact decimal from wire text, or {@code null} when absent or empty. */
    static BigDecimal decimal(String text) {
        return WireText.decimal(text);
    }

    /** An epoch-millisecond time from wire text, or {@code null} when absent. */
    static Instant millis(String text) {
        return text == null ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }
}
