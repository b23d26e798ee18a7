package dev.pricefeed.spi.support;

import org.eclipse.parsson.api.BufferPool;

/**
 * A small buffer pool for the parsers of one {@link FrameReader}: each frame's parser takes a buffer an earlier one
 * gave back, with no shared queue (Parsson's default pool costs a lock-free queue operation and a node per parser).
 * It keeps a few, not one, since a parser may open a second pass over a frame while the first is still open (Kraken v1
 * trades). One thread at a time, as its reader.
 */
final class SpareBuffer implements BufferPool {

    /** Parsson's own buffer size. */
    private static final int SIZE = 4096;
    /** A buffer Parsson grew for a huge token is not kept, so one frame does not pin its size for good. */
    private static final int MAX_KEPT = 1 << 16;

    /** Buffers given back, {@link #count} of them from index 0; more parsers than this open at once are not kept. */
    private final char[][] spares = new char[4][];
    private int count;

    @Override
    public char[] take() {
        if (count == 0) {
            return new char[SIZE];
        }
        char[] buffer = spares[--count];
        spares[count] = null;
        return buffer;
    }

    @Override
    public void recycle(char[] buffer) {
        if (buffer.length <= MAX_KEPT && count < spares.length) {
            spares[count++] = buffer;
        }
    }
}
