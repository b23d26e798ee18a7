package dev.pricefeed.spi.support;

import java.io.Reader;
import java.nio.CharBuffer;

/**
 * The characters of one frame at a time as a {@code char[]} range, and a {@link Reader} over them for JSON-P (a
 * {@code StringReader} per frame is garbage on the hottest path). A frame that arrives as an array-backed
 * {@code CharBuffer} (the JDK WebSocket's own buffer) is read in place; any other is copied into an array reused from
 * frame to frame. The range is what {@link FrameReader} scans for keys and values: indexing a {@code char[]} is
 * cheaper than a {@code charAt} call per character. Closing it does nothing: the next {@link #reset} starts over, and
 * a parser closed after a second pass over the same frame began must not disturb it. One thread at a time.
 */
final class FrameChars extends Reader {

    /** Longer frames (depth snapshots) get an array of their own, so one does not pin its size for good. */
    private static final int MAX_KEPT = 1 << 16;

    /** Grown to the longest copied frame up to {@link #MAX_KEPT}; a ticker frame is a few hundred characters. */
    private char[] kept = new char[1024];
    /** The current frame's characters from {@link #base}: {@link #kept}, a one-off array, or the sender's buffer. */
    private char[] chars = kept;
    private int base;
    private int length;
    private int next;

    /** Takes {@code frame}'s characters (in place or copied) and starts reading from its first one. */
    FrameChars reset(CharSequence frame) {
        int size = frame.length();
        if (frame instanceof CharBuffer buffer && buffer.hasArray()) {
            // valid for the parse call, which is all a reader's frame needs to live
            chars = buffer.array();
            base = buffer.arrayOffset() + buffer.position();
        } else {
            chars = room(size);
            base = 0;
            if (frame instanceof String text) {
                text.getChars(0, size, chars, 0);
            } else if (frame instanceof StringBuilder builder) {
                builder.getChars(0, size, chars, 0);
            } else {
                for (int i = 0; i < size; i++) {
                    chars[i] = frame.charAt(i);
                }
            }
        }
        length = size;
        next = 0;
        return this;
    }

    /** An array for a copied frame of {@code size} characters. */
    private char[] room(int size) {
        if (size <= kept.length) {
            return kept;
        }
        if (size <= MAX_KEPT) {
            kept = new char[Math.min(MAX_KEPT, Math.max(size, kept.length * 2))];
            return kept;
        }
        return new char[size];
    }

    /** The array holding the current frame from {@link #base()}, valid until the next {@link #reset}. */
    char[] chars() {
        return chars;
    }

    /** Where the current frame's first character is in {@link #chars()}. */
    int base() {
        return base;
    }

    /** How many characters the current frame has. */
    int length() {
        return length;
    }

    @Override
    public int read(char[] into, int offset, int count) {
        if (count == 0) {
            return 0;
        }
        int left = length - next;
        if (left <= 0) {
            return -1;
        }
        int n = Math.min(left, count);
        System.arraycopy(chars, base + next, into, offset, n);
        next += n;
        return n;
    }

    @Override
    public int read() {
        return next < length ? chars[base + next++] : -1;
    }

    @Override
    public void close() {
        // nothing to release: the frame is let go at the next reset
    }
}
