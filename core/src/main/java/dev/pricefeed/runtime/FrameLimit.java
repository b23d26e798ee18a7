package dev.pricefeed.runtime;

import java.util.Locale;

/** The largest WebSocket message the runtime accepts, and how a refusal is worded; shared by every transport. */
final class FrameLimit {

    /** Messages larger than this close the connection (code 1009) and the feed reconnects. */
    static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private FrameLimit() {
    }

    /**
     * The text's size in UTF-8 bytes when it may be over the limit, else its length in chars (a lower bound that is
     * within the limit): the exact count is only paid for frames of at least a third of the limit.
     */
    static long utf8BytesIfOver(String text) {
        int chars = text.length();
        if ((long) chars * 3 <= MAX_FRAME_BYTES) {
            return chars;
        }
        return utf8Bytes(text);
    }

    /**
     * The exact UTF-8 size of {@code text}; each half of a surrogate pair counts 2 (also when fragments split it). A
     * decoded frame holds no unpaired surrogate.
     */
    static long utf8Bytes(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /** {@code frame of 9.4 MB over the 8 MB limit}. */
    static String describe(long bytes) {
        return "frame of " + megabytes(bytes) + " over the " + megabytes(MAX_FRAME_BYTES) + " limit";
    }

    /** {@code frame over 16 MB (the 8 MB limit)}, when only a lower bound of the size is known. */
    static String describeOver(long bytes) {
        return "frame over " + megabytes(bytes) + " (the limit is " + megabytes(MAX_FRAME_BYTES) + ")";
    }

    /** Mebibytes with one decimal where it matters: {@code 8 MB}, {@code 9.4 MB}. */
    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        String text = String.format(Locale.ROOT, "%.1f", mb);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " MB";
    }
}
