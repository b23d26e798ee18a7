package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.NameTable;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The scalar fields of one Binance event, kept as wire text until the event type is known (Binance reuses letters:
 * {@code q} is a quantity in a trade and the quote volume in a ticker, {@code a} the ask or an aggregate trade id).
 * Read from a WebSocket frame, a field whose meaning is already fixed by the event type ({@code e} comes first in
 * Binance's events) is converted at once from the frame's characters instead (its {@code ...Value} slot), so a ticker
 * costs no {@code String} per price. Keys are looked up by index in {@link #KEYS}, not as Strings. Reused frame after
 * frame by one parser; not thread-safe.
 */
final class EventFields {

    /**
     * The keys of Binance's events, then those of the combined-stream envelope and of request replies (after
     * {@link #STREAM}): one table serves the frame's top level, where a raw event's keys and the envelope's meet.
     */
    static final NameTable KEYS = NameTable.of("e", "E", "s", "u", "t", "a", "A", "b", "B", "p", "q", "Q", "T", "m",
            "c", "o", "h", "l", "v", "w", "stream", "data", "result", "id", "code", "msg", "error");
    static final int TYPE = 0;
    static final int EVENT_TIME = 1;
    static final int SYMBOL = 2;
    static final int UPDATE_ID = 3;
    static final int TRADE_ID = 4;
    static final int ASK = 5;
    static final int ASK_SIZE = 6;
    static final int BID = 7;
    static final int BID_SIZE = 8;
    static final int PRICE = 9;
    static final int QUANTITY = 10;
    static final int LAST_SIZE = 11;
    static final int TRADE_TIME = 12;
    static final int MAKER = 13;
    static final int CLOSE = 14;
    static final int OPEN = 15;
    static final int HIGH = 16;
    static final int LOW = 17;
    static final int VOLUME = 18;
    static final int VWAP = 19;
    static final int STREAM = 20;
    static final int DATA = 21;
    static final int RESULT = 22;
    static final int ID = 23;
    static final int CODE = 24;
    static final int MSG = 25;
    static final int ERROR = 26;

    /** The event types whose fields convert at once, by index. */
    private static final NameTable TYPES = NameTable.of("24hrTicker", "24hrMiniTicker", "trade", "aggTrade");
    private static final int NO_TYPE = -1;
    private static final int TICKER = 0;
    private static final int MINI_TICKER = 1;
    private static final int TRADE = 2;
    private static final int AGG_TRADE = 3;

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
    /** {@code E} and a trade's {@code T} read from a frame, valid when their {@code has...} flag is set. */
    private long eventMillis;
    private boolean hasEventMillis;
    private long tradeMillis;
    private boolean hasTradeMillis;
    /** {@link #e} as an index in {@link #TYPES}, or {@link #NO_TYPE}. */
    private int type = NO_TYPE;
    private boolean any;

    /** Forgets the previous event. */
    void clear() {
        e = eventTime = s = u = t = a = bigA = b = bigB = p = q = bigQ = bigT = m = c = o = h = l = v = w = null;
        aValue = bigAValue = bValue = bigBValue = pValue = qValue = bigQValue = cValue = oValue = hValue = lValue = null;
        vValue = wValue = null;
        hasEventMillis = hasTradeMillis = false;
        type = NO_TYPE;
        any = false;
    }

    /** Whether any field of an event was read. */
    boolean isEmpty() {
        return !any;
    }

    /** Reads every field of an event object whose START_OBJECT was just consumed, from a frame reader. */
    void readObject(FrameReader reader, JsonParser parser) {
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            int key = reader.key(KEYS);
            read(key, reader, parser.next());
        }
    }

    /**
     * Keeps one field's value from a frame reader, the key given as its index in {@link #KEYS} (-1 for a key this
     * connector does not use): the fields of the event's type convert at once, any other is kept as text.
     */
    void read(int key, FrameReader reader, JsonParser.Event value) {
        any = true;
        if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
            reader.skip(value);
            return;
        }
        boolean ticker = type == TICKER || type == MINI_TICKER;
        boolean trade = type == TRADE || type == AGG_TRADE;
        switch (key) {
            case TYPE -> {
                e = reader.text(value);
                type = TYPES.indexOf(e);
            }
            case EVENT_TIME -> {
                Long millis = reader.whole(value);
                hasEventMillis = millis != null;
                eventMillis = hasEventMillis ? millis : 0;
            }
            case SYMBOL -> s = reader.text(value);
            case CLOSE -> cValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case OPEN -> oValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case HIGH -> hValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case LOW -> lValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case VOLUME -> vValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case VWAP -> wValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case LAST_SIZE -> bigQValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case BID -> bValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case BID_SIZE -> bigBValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case ASK_SIZE -> bigAValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case ASK -> aValue = ticker ? reader.decimal(value) : keep(key, reader, value);
            case QUANTITY -> qValue = ticker || trade ? reader.decimal(value) : keep(key, reader, value);
            case PRICE -> pValue = trade ? reader.decimal(value) : keep(key, reader, value);
            case TRADE_TIME -> {
                if (trade) {
                    Long millis = reader.whole(value);
                    hasTradeMillis = millis != null;
                    tradeMillis = hasTradeMillis ? millis : 0;
                } else {
                    keep(key, reader, value);
                }
            }
            default -> keep(key, reader, value);
        }
    }

    /** Keeps the field's wire text (the event type does not say what it is yet); {@code null}, for the value slot. */
    private BigDecimal keep(int key, FrameReader reader, JsonParser.Event value) {
        if (key >= 0 && key < STREAM) {
            keep(key, JsonFrames.text(reader.parser(), value));
        }
        return null;
    }

    /** Keeps one field's value (scalars only; nested values such as depth levels are skipped). */
    void read(String key, JsonParser parser, JsonParser.Event value) {
        any = true;
        if (value == JsonParser.Event.START_OBJECT || value == JsonParser.Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return;
        }
        int index = KEYS.indexOf(key);
        if (index >= 0 && index < STREAM) {
            keep(index, JsonFrames.text(parser, value));
        }
        // fields this connector does not use (P, x, O, C, F, L, n, M, f, ...) are skipped
    }

    /** Keeps the text of the event field at {@code key}, an index in {@link #KEYS} below {@link #STREAM}. */
    private void keep(int key, String text) {
        switch (key) {
            case TYPE -> {
                e = text;
                type = TYPES.indexOf(text);
            }
            case EVENT_TIME -> eventTime = text;
            case SYMBOL -> s = text;
            case UPDATE_ID -> u = text;
            case TRADE_ID -> t = text;
            case ASK -> a = text;
            case ASK_SIZE -> bigA = text;
            case BID -> b = text;
            case BID_SIZE -> bigB = text;
            case PRICE -> p = text;
            case QUANTITY -> q = text;
            case LAST_SIZE -> bigQ = text;
            case TRADE_TIME -> bigT = text;
            case MAKER -> m = text;
            case CLOSE -> c = text;
            case OPEN -> o = text;
            case HIGH -> h = text;
            case LOW -> l = text;
            case VOLUME -> v = text;
            case VWAP -> w = text;
            default -> throw new IllegalArgumentException("not an event field: " + key);
        }
    }

    /** A converted value, else the value of its wire text. */
    static BigDecimal decimal(BigDecimal value, String text) {
        return value != null ? value : WireText.decimal(text);
    }

    /** The event time ({@code E}), converted or from its text. */
    Instant eventTime() {
        return hasEventMillis ? Instant.ofEpochMilli(eventMillis) : millis(eventTime);
    }

    /** The trade time ({@code T}), converted or from its text. */
    Instant tradeTime() {
        return hasTradeMillis ? Instant.ofEpochMilli(tradeMillis) : millis(bigT);
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
