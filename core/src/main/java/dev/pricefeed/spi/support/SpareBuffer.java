package dev.pricefeed.spi.support;

import org.eclipse.parsson.api.BufferPool;

/**
 * A buffer pool of one, for the parsers of one {@link FrameReader}: each frame's parser takes the buffer the previous
 * one gave back, with no shared queue (Parsson's default pool costs a lock-free queue operation and a node per
 * parser). One thread at a time, as its reader.
 */
final class SpareBuffer implements BufferPool {

    /** Parsson's own buffer size. */
    private static final int SIZE = 4096;
    /** A buffer Parsson grew for a huge token is not kept, so one frame does not pin its size for good. */
    private static final int MAX_KEPT = 1 << 16;

    private char[] spare;

    @Override
    public char[] take() {
        char[] buffer = spare;
        if (buffer == null) {
            return new char[SIZE];
        }
        spare = null;
        return buffer;
    }

    @Override
    public void recycle(char[] buffer) {
        if (buffer.length <= MAX_KEPT) {
            spare = buffer;
        }
    }
}
