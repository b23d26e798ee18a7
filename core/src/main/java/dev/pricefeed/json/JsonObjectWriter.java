package dev.pricefeed.json;

import java.math.BigDecimal;

/**
 * Writes one JSON object on one line, member by member; strings are escaped as RFC 8259 requires. Not thread-safe: one
 * writer per object.
 */
public final class JsonObjectWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder line = new StringBuilder(256).append('{');
    private boolean first = true;

    /** Starts an empty object. */
    public JsonObjectWriter() {
    }

    /** Adds a string member; a {@code null} value leaves the member out. */
    public JsonObjectWriter string(String name, String value) {
        if (value != null) {
            name(name);
            quote(value);
        }
        return this;
    }

    /**
     * Adds a decimal as a JSON string in plain notation (never an exponent), which is the exact value received and,
     * for the plain decimal text exchanges send, the very same characters; {@code null} leaves the member out.
     */
    public JsonObjectWriter decimal(String name, BigDecimal value) {
        return value == null ? this : string(name, value.toPlainString());
    }

    /** Adds any value by its {@code toString()} as a JSON string; {@code null} leaves the member out. */
    public JsonObjectWriter text(String name, Object value) {
        return value == null ? this : string(name, value.toString());
    }

    /** Adds a JSON boolean. */
    public JsonObjectWriter bool(String name, boolean value) {
        name(name);
        line.append(value);
        return this;
    }

    /** Adds a nested object built by another writer; {@code null} leaves the member out. */
    public JsonObjectWriter object(String name, JsonObjectWriter value) {
        if (value != null) {
            name(name);
            line.append(value.end());
        }
        return this;
    }

    /** Adds a JSON number. */
    public JsonObjectWriter number(String name, long value) {
        name(name);
        line.append(value);
        return this;
    }

    /** Closes the object and returns it as one line without the line break. */
    public String end() {
        return line.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            line.append(',');
        }
        first = false;
        quote(name);
        line.append(':');
    }

    private void quote(String value) {
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                default -> {
                    // other control characters, and the two separators JavaScript treats as line breaks
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        line.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
