package dev.pricefeed.spi.support;

import java.io.Reader;

/**
 * The characters of one frame at a time in an array reused from frame to frame, and a {@link Reader} over them for
 * JSON-P (a {@code StringReader} per frame is garbage on the hottest path). The array is what {@link FrameReader}
 * scans for keys and values: indexing a {@code char[]} is cheaper than a {@code String}'s {@code charAt}. Closing it
 * does nothing: the next {@link #reset} starts over, and a parser closed after a second pass over the same frame began
 * must not disturb it. One thread at a time.
 */
final class FrameChars extends Reader {

    /** Longer frames (depth snapshots) get an array of their own, so one does not pin its size for good. */
    private static final int MAX_KEPT = 1 << 16;

    /** Grown to the longest frame seen up to {@link #MAX_KEPT}; a ticker frame is a few hundred characters. */
    private char[] kept = new char[1024];
    /** The current frame's array: {@link #kept}, or one of its own for a frame longer than {@link #MAX_KEPT}. */
    private char[] chars = kept;
    private int length;
    private int next;

    /** Copies {@code frame} in and starts reading from its first character. */
    FrameChars reset(String frame) {
        int size = frame.length();
        if (size <= kept.length) {
            chars = kept;
        } else if (size <= MAX_KEPT) {
            kept = new char[Math.min(MAX_KEPT, Math.max(size, kept.length * 2))];
            chars = kept;
        } else {
            chars = new char[size];
        }
        frame.getChars(0, size, chars, 0);
        length = size;
        next = 0;
        return this;
    }

    /** The current frame's characters, valid from index 0 to {@link #length()} until the next {@link #reset}. */
    char[] chars() {
        return chars;
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
        System.arraycopy(chars, next, into, offset, n);
        next += n;
        return n;
    }

    @Override
    public int read() {
        return next < length ? chars[next++] : -1;
    }

    @Override
    public void close() {
        // nothing to release: the frame is overwritten at the next reset
    }
}
