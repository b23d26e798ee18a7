package dev.pricefeed.runtime;

import java.nio.charset.StandardCharsets;

/** Close reasons that fit a WebSocket close frame, whatever text the caller had. */
final class CloseReasons {

    /** RFC 6455 5.5: a control frame carries at most 125 bytes, two of which are the close code. */
    static final int MAX_REASON_BYTES = 123;

    private CloseReasons() {
    }

    /**
     * The reason cut to at most 123 bytes of UTF-8 on a character boundary (a surrogate pair is never split), so a
     * close never fails because the reason was long; {@code null} becomes empty.
     */
    static String fit(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.length() * 3 <= MAX_REASON_BYTES
                || reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int codePoint = reason.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (Character.isSurrogate(reason.charAt(end)) && Character.charCount(codePoint) == 1) {
                size = 3; // UTF-8 writes a lone surrogate as '?'; counting 3 bytes errs on the safe side
            }
            if (bytes + size > MAX_REASON_BYTES) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return reason.substring(0, end);
    }

    /**
     * Who closed and why, for events and logs: {@code closed by us: frame of 9.4 MB over the 8 MB limit},
     * {@code closed by the server (code 1001, going away)}, {@code connection lost without a close frame (code 1006,
     * abnormal closure)}. The server's reason is cut to 123 bytes, as a close frame carries no more.
     */
    static String describe(boolean byUs, int code, String reason) {
        String text = reason == null ? "" : reason.strip();
        if (byUs) {
            return "closed by us: " + (text.isEmpty() ? name(code) + " (code " + code + ")" : text);
        }
        String detail = "code " + code + ", " + name(code) + (text.isEmpty() ? "" : ": " + fit(text));
        if (code == 1006) {
            return "connection lost without a close frame (" + detail + ")";
        }
        return "closed by the server (" + detail + ")";
    }

    /** The RFC 6455 / IANA name of a close code in a few words. */
    static String name(int code) {
        return switch (code) {
            case 1000 -> "normal closure";
            case 1001 -> "going away";
            case 1002 -> "protocol error";
            case 1003 -> "unsupported data";
            case 1005 -> "no status";
            case 1006 -> "abnormal closure";
            case 1007 -> "invalid payload";
            case 1008 -> "policy violation";
            case 1009 -> "message too big";
            case 1010 -> "extension required";
            case 1011 -> "internal error";
            case 1012 -> "service restart";
            case 1013 -> "try again later";
            case 1014 -> "bad gateway";
            default -> code >= 4000 && code <= 4999 ? "application code" : "unknown code";
        };
    }
}
