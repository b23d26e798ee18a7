package dev.pricefeed.spi.support;

import java.io.Reader;

/**
 * A {@link Reader} over one frame at a time, reset for the next frame instead of built anew (a {@code StringReader}
 * per frame is garbage on the hottest path). Closing it does nothing: the next {@link #reset} starts over, and a
 * parser closed after a second pass over the same frame began must not disturb it. One thread at a time.
 */
final class FrameChars extends Reader {

    private String text = "";
    private int next;

    /** Starts reading {@code frame} from its first character. */
    FrameChars reset(String frame) {
        text = frame;
        next = 0;
        return this;
    }

    @Override
    public int read(char[] into, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int left = text.length() - next;
        if (left <= 0) {
            return -1;
        }
        int count = Math.min(left, length);
        text.getChars(next, next + count, into, offset);
        next += count;
        return count;
    }

    @Override
    public int read() {
        return next < text.length() ? text.charAt(next++) : -1;
    }

    @Override
    public void close() {
        // nothing to release: the frame is dropped at the next reset
    }
}
