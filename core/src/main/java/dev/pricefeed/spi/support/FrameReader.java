package dev.pricefeed.spi.support;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A JSON-P parser over one frame at a time that reads keys and string values from the frame's own characters, so a
 * field a parser only compares or converts costs no {@code String}. Parsson still tokenizes and validates every frame;
 * this class only looks up, through {@link JsonParser#getLocation()} (which points just past the current token), where
 * the current string lies in the frame. Keys and short repeated values (event types, symbols, sides) come from a small
 * per-reader cache of the strings seen before, so {@code switch (reader.key())} works as on {@code getString()};
 * cheaper still, {@link #key(NameTable)} gives the key's index in a fixed table with no {@code String} at all. A
 * string with escapes is read through {@code getString()}, decoded as JSON-P decodes it. The frame is scanned as a
 * {@code char[]} range: in place for an array-backed {@code CharBuffer}, else copied once into an array the reader
 * keeps. One instance per parser, used by one thread at a time.
 */
public final class FrameReader {

    /** Cache slots (a power of two): room for the keys and repeated values of a few message types. */
    private static final int SLOTS = 512;
    /** Longer values are not cached: they are ids and times, new in every frame. */
    private static final int MAX_CACHED = 32;

    /** Allocated on first use: a reader {@link #over} a parser of its own never fills it. */
    private String[] cache;
    private final FrameChars chars = new FrameChars();
    /** The current frame's characters ({@link FrameChars#chars}); {@code null} for a reader {@link #over} a parser. */
    private char[] frame;
    /** Where the current frame starts in {@link #frame} (a sender's buffer may hold it at an offset). */
    private int base;
    private int frameLength;
    /** Made on first {@link #open}: a factory whose parsers take their buffer from this reader, not a shared pool. */
    private JsonParserFactory factory;
    private JsonParser parser;
    /** The current string's characters in {@link #frame}, valid after {@link #locate()} returned true. */
    private int start;
    private int end;

    /**
     * A reader over a parser made elsewhere (a REST answer read from a stream): it has no frame text, so every key
     * and value comes from JSON-P's {@code getString()}; for code shared between frames and such answers.
     */
    public static FrameReader over(JsonParser parser) {
        FrameReader reader = new FrameReader();
        reader.parser = java.util.Objects.requireNonNull(parser, "parser is null");
        return reader;
    }

    /** A streaming parser over this frame; the reader reads the frame's strings until the next {@code open}. */
    public JsonParser open(String frame) {
        return open((CharSequence) frame);
    }

    /**
     * A streaming parser over this frame, read in place when it is an array-backed {@code CharBuffer} (what the JDK
     * WebSocket hands over), else copied once; the frame must stay unchanged until the next {@code open}.
     */
    public JsonParser open(CharSequence frame) {
        chars.reset(frame);
        this.frame = chars.chars();
        this.base = chars.base();
        this.frameLength = chars.length();
        if (factory == null) {
            factory = JsonFrames.factory(new SpareBuffer());
        }
        this.parser = factory.createParser(chars);
        return parser;
    }

    /** The parser {@link #open} made for the current frame. */
    public JsonParser parser() {
        return parser;
    }

    /** The key of the current {@code KEY_NAME} event; the same {@code String} instance for a key seen before. */
    public String key() {
        return cached();
    }

    /**
     * The index of the current {@code KEY_NAME} event's key in {@code names}, or -1 when it is none of them; no
     * {@code String} is made for the key (unless it holds an escape).
     */
    public int key(NameTable names) {
        char[] f = frame;
        if (f != null) {
            long offset = parser.getLocation().getStreamOffset();
            if (offset >= 2 && offset <= frameLength) {
                int first = base;
                int close = first + (int) offset - 1;
                if (f[close] == '"') {
                    char only = f[close - 1];
                    if (close - 2 >= first && f[close - 2] == '"' && only != '\\' && only != '"'
                            && (close - 3 < first || f[close - 3] != '\\')) {
                        // a one-character key, as all of Binance's event keys are
                        return names.indexOf(only);
                    }
                    // one backward pass finds the opening quote and sums String.hashCode's terms on the way
                    int hash = 0;
                    int power = 1;
                    for (int i = close - 1; i >= first; i--) {
                        char c = f[i];
                        if (c == '"') {
                            if (i > first && f[i - 1] == '\\') {
                                break;
                            }
                            return names.indexOf(f, i + 1, close, hash);
                        }
                        if (c == '\\') {
                            break;
                        }
                        hash += c * power;
                        power *= 31;
                    }
                }
            }
        }
        // an escape, or no frame text: the decoded key
        return names.indexOf(parser.getString());
    }

    /**
     * The index of the current string value in {@code names}, or -1 when it is none of them or the value is not a
     * string; no {@code String} is made for it (unless it holds an escape).
     */
    public int text(Event event, NameTable names) {
        if (event != Event.VALUE_STRING) {
            return -1;
        }
        return key(names);
    }

    /**
     * The current scalar as text, or {@code null} for JSON null; a short string seen before comes back as the same
     * instance (no allocation). Numbers and booleans give their text, as {@link JsonFrames#text} does.
     */
    public String text(Event event) {
        if (event == Event.VALUE_STRING) {
            return cached();
        }
        return JsonFrames.text(parser, event);
    }

    /** Whether the current string value is exactly {@code expected} (no allocation); false for any other event. */
    public boolean textIs(Event event, String expected) {
        if (event != Event.VALUE_STRING) {
            return false;
        }
        if (!locate()) {
            return expected.equals(parser.getString());
        }
        int length = expected.length();
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (frame[start + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The current value as an exact decimal, as {@link JsonFrames#decimal} reads it, but a string value is read
     * from the frame's characters without a {@code String} in between.
     *
     * @throws NumberFormatException when a string does not hold a number
     */
    public BigDecimal decimal(Event event) {
        if (event != Event.VALUE_STRING) {
            return JsonFrames.decimal(parser, event);
        }
        BigDecimal plain = plainDecimal();
        if (plain != null) {
            return plain;
        }
        if (locate()) {
            return WireText.decimal(frame, start, end);
        }
        return JsonFrames.decimal(parser, event);
    }

    /**
     * The current string value when it is a plain decimal of at most 18 digits ({@code "67523.10"}, {@code "-0.5"}),
     * read backward in the one pass that finds its opening quote; {@code null} for any other form (exponents, long
     * or empty numbers, escapes, text), which the caller reads the general way with the same result or error.
     */
    private BigDecimal plainDecimal() {
        char[] f = frame;
        if (f == null) {
            return null;
        }
        long offset = parser.getLocation().getStreamOffset();
        if (offset < 2 || offset > frameLength) {
            return null;
        }
        int first = base;
        int close = first + (int) offset - 1;
        if (f[close] != '"') {
            return null;
        }
        long unscaled = 0;
        long power = 1;
        int digits = 0;
        int scale = -1;
        for (int i = close - 1; i >= first; i--) {
            char c = f[i];
            int digit = c - '0';
            if (digit >= 0 && digit <= 9) {
                if (++digits > 18) {
                    return null;
                }
                unscaled += digit * power;
                power *= 10;
            } else if (c == '.' && scale < 0) {
                scale = digits;
            } else if (c == '"') {
                // the opening quote, unless it is an escaped one inside the text
                boolean opening = digits > 0 && (i == first || f[i - 1] != '\\');
                return opening ? BigDecimal.valueOf(unscaled, Math.max(scale, 0)) : null;
            } else if ((c == '-' || c == '+') && digits > 0 && i > first && f[i - 1] == '"'
                    && (i - 1 == first || f[i - 2] != '\\')) {
                // a sign right after the opening quote
                return BigDecimal.valueOf(c == '-' ? -unscaled : unscaled, Math.max(scale, 0));
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * The current value as a whole number (a JSON number, or a string of digits such as {@code "1612844051653"}), or
     * {@code null} for JSON null or an empty string.
     *
     * @throws NumberFormatException when a string does not hold a whole number
     * @throws ArithmeticException when a number has a fraction or does not fit a long
     */
    public Long whole(Event event) {
        switch (event) {
            case VALUE_NUMBER:
                if (locateNumber()) {
                    return whole(frame, start, end);
                }
                // a fraction or an exponent: whole only if its value is (2.0, 1e3)
                return parser.getBigDecimal().longValueExact();
            case VALUE_STRING:
                if (locate()) {
                    return start == end ? null : whole(frame, start, end);
                }
                String text = parser.getString();
                return text.isEmpty() ? null : Long.parseLong(text);
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("expected a whole number, got " + event);
        }
    }

    /**
     * The current string value as an RFC 3339 time ({@code 2023-09-25T09:04:31.742648Z}), read from the frame's
     * characters, or {@code null} for JSON null or an empty string.
     *
     * @throws java.time.format.DateTimeParseException when the string is not such a time
     */
    public Instant instant(Event event) {
        if (event == Event.VALUE_NULL) {
            return null;
        }
        if (event != Event.VALUE_STRING) {
            throw new IllegalStateException("expected a time string, got " + event);
        }
        if (locate()) {
            return WireText.instant(frame, start, end);
        }
        return WireText.instant(parser.getString());
    }

    /** Skips the value whose first event was just read, as {@link JsonFrames#skip} does. */
    public void skip(Event event) {
        JsonFrames.skip(parser, event);
    }

    /** The current key or string value, from the cache when it was seen before. */
    private String cached() {
        if (!locate()) {
            return parser.getString();
        }
        int length = end - start;
        if (length > MAX_CACHED) {
            return new String(frame, start, length);
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + frame[i];
        }
        if (cache == null) {
            cache = new String[SLOTS];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        String seen = cache[slot];
        if (seen != null && seen.length() == length && sameChars(seen, start, length)) {
            return seen;
        }
        String text = new String(frame, start, length);
        cache[slot] = text;
        return text;
    }

    /** Whether the current string's characters are those of {@code text}, which has {@code length} of them. */
    private boolean sameChars(String text, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (frame[from + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The whole number in {@code chars[from, to)}, as {@code Long.parseLong} reads it (an optional sign, then
     * digits), without a {@code String}; more than 18 digits go through {@code Long.parseLong} for its range check.
     *
     * @throws NumberFormatException when the range is not a whole number or does not fit a long
     */
    static long whole(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        if (i == to || to - i > 18) {
            return Long.parseLong(new String(chars, from, to - from));
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                throw new NumberFormatException("For input string: \"" + new String(chars, from, to - from) + "\"");
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /**
     * Finds the current number token, a plain integer ({@code -123}), in the frame: it ends just before the parser's
     * location. False when the number has a fraction or an exponent, or the location does not fit.
     */
    private boolean locateNumber() {
        if (frame == null) {
            return false;
        }
        long offset = parser.getLocation().getStreamOffset();
        if (offset < 1 || offset > frameLength) {
            return false;
        }
        char[] f = frame;
        int first = base;
        int close = first + (int) offset;
        int i = close - 1;
        while (i >= first && f[i] >= '0' && f[i] <= '9') {
            i--;
        }
        if (i >= first && f[i] == '-') {
            i--;
        }
        if (i == close - 1 || (i >= first && (f[i] == '.' || f[i] == 'e' || f[i] == 'E' || f[i] == '+'))) {
            return false;
        }
        start = i + 1;
        end = close;
        return true;
    }

    /**
     * Finds the current string token (key or value) in the frame: it ends with the quote just before the parser's
     * location. False, so the caller asks JSON-P for the decoded text, when the token holds an escape or the location
     * does not point just past a quote.
     */
    private boolean locate() {
        if (frame == null) {
            return false;
        }
        long offset = parser.getLocation().getStreamOffset();
        if (offset < 2 || offset > frameLength) {
            return false;
        }
        char[] f = frame;
        int first = base;
        int close = first + (int) offset - 1;
        if (f[close] != '"') {
            return false;
        }
        for (int i = close - 1; i >= first; i--) {
            char c = f[i];
            if (c == '\\') {
                return false;
            }
            if (c == '"') {
                // a quote before any backslash opens the token, unless it is itself escaped
                if (i > first && f[i - 1] == '\\') {
                    return false;
                }
                start = i + 1;
                end = close;
                return true;
            }
        }
        return false;
    }
}
