package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The scalar fields of one Binance event, kept as wire text until the event type is known (Binance reuses letters:
 * {@code q} is a quantity in a trade and the quote volume in a ticker, {@code a} the ask or an aggregate trade id).
 * Read from a WebSocket frame, a field whose meaning is already fixed by the event type ({@code e} comes first in
 * Binance's events) is converted at once from the frame's characters instead (its {@code ...Value} slot), so a ticker
 * costs no {@code String} per price. Reused frame after frame by one parser; not thread-safe.
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
    /** Values converted while reading (see the class comment); {@code null} when kept as text or absent. */
    BigDecimal aValue;
    BigDecimal bigAValue;
    BigDecimal bValue;
    BigDecimal bigBValue;
    BigDecimal pValue;
    BigDecimal qValue;
    BigDecimal bigQValue;
    BigDecimal cValue;
    BigDecimal oValue;
    BigDecimal hValue;
    BigDecimal lValue;
    BigDecimal vValue;
    BigDecimal wValue;
    Long eventMillis;
    Long bigTMillis;
    private boolean any;

    /** Forgets the previous event. */
    void clear() {
        e = eventTime = s = u = t = a = bigA = b = bigB = p = q = bigQ = bigT = m = c = o = h = l = v = w = null;
        aValue = bigAValue = bValue = bigBValue = pValue = qValue = bigQValue = cValue = oValue = hValue = lValue = null;
        vValue = wValue = null;
        eventMillis = bigTMillis = null;
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

    /** Reads every field of an event object whose START_OBJECT was just consumed, from a frame reader. */
    void readObject(FrameReader reader, JsonParser parser) {
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            read(reader.key(), reader, parser.next());
        }
    }

    /**
     * Keeps one field's value from a frame reader: the keys of the event's type convert at once, any other is kept
     * as text as {@link #read(String, JsonParser, JsonParser.Event)} keeps it.
     */
    void read(String key, FrameReader reader, JsonParser.Event value) {
        any = true;
        if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
            reader.skip(value);
            return;
        }
        boolean ticker = "24hrTicker".equals(e) || "24hrMiniTicker".equals(e);
        boolean trade = "trade".equals(e) || "aggTrade".equals(e);
        switch (key) {
            case "e" -> e = reader.text(value);
            case "E" -> eventMillis = reader.whole(value);
            case "s" -> s = reader.text(value);
            case "c" -> cValue = decimalOrText(ticker, key, reader, value);
            case "o" -> oValue = decimalOrText(ticker, key, reader, value);
            case "h" -> hValue = decimalOrText(ticker, key, reader, value);
            case "l" -> lValue = decimalOrText(ticker, key, reader, value);
            case "v" -> vValue = decimalOrText(ticker, key, reader, value);
            case "w" -> wValue = decimalOrText(ticker, key, reader, value);
            case "Q" -> bigQValue = decimalOrText(ticker, key, reader, value);
            case "b" -> bValue = decimalOrText(ticker, key, reader, value);
            case "B" -> bigBValue = decimalOrText(ticker, key, reader, value);
            case "A" -> bigAValue = decimalOrText(ticker, key, reader, value);
            case "a" -> aValue = decimalOrText(ticker, key, reader, value);
            case "q" -> qValue = decimalOrText(ticker || trade, key, reader, value);
            case "p" -> pValue = decimalOrText(trade, key, reader, value);
            case "T" -> {
                if (trade) {
                    bigTMillis = reader.whole(value);
                } else {
                    read(key, reader.parser(), value);
                }
            }
            default -> read(key, reader.parser(), value);
        }
    }

    /**
     * The field's exact decimal when the event type says it is one, else {@code null} with the wire text kept (a
     * bookTicker has no type; an aggregate trade's {@code a} is its id).
     */
    private BigDecimal decimalOrText(boolean convert, String key, FrameReader reader, JsonParser.Event value) {
        if (convert) {
            return reader.decimal(value);
        }
        read(key, reader.parser(), value);
        return null;
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

    /** A converted value, else the value of its wire text. */
    static BigDecimal decimal(BigDecimal value, String text) {
        return value != null ? value : WireText.decimal(text);
    }

    /** The event time ({@code E}), converted or from its text. */
    Instant eventTime() {
        return eventMillis != null ? Instant.ofEpochMilli(eventMillis) : millis(eventTime);
    }

    /** The trade time ({@code T}), converted or from its text. */
    Instant tradeTime() {
        return bigTMillis != null ? Instant.ofEpochMilli(bigTMillis) : millis(bigT);
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
