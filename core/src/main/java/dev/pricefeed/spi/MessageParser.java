package dev.pricefeed.spi;

import java.nio.ByteBuffer;

/**
 * Reads text frames of one connection. Called on the socket's read thread, one frame at a time, so it must be quick:
 * read with the streaming {@code JsonParser}, never build a tree, and use no regex or {@code String.format} per frame.
 */
@FunctionalInterface
public interface MessageParser {

    /**
     * Reports what one frame holds to the sink; unknown message types go to {@link ParseSink#unknown(String)}, and a
     * malformed frame may throw any runtime exception (the runtime logs, counts and skips it).
     */
    void parse(String frame, ParseSink sink);

    /**
     * What the runtime calls for each text frame. The characters are valid only during this call (a transport may
     * reuse its buffer), so keep no reference to {@code frame}. The default copies it into a String for
     * {@link #parse(String, ParseSink)}; a parser that reads a {@code CharSequence} overrides this and saves the copy.
     */
    default void parse(CharSequence frame, ParseSink sink) {
        parse(frame.toString(), sink);
    }

    /**
     * Reads one binary frame (legal in RFC 6455; some exchanges send compressed payloads this way) and reports what it
     * holds like {@link #parse}. The default skips it. Either way the runtime counts every binary frame
     * ({@code FeedMetrics.binaryFrames()}) and never reconnects for one; an exception counts as a parse error.
     *
     * @param frame the payload, positioned at its start; read it here, the buffer is not kept
     * @return whether the frame was read; {@code false} means it was skipped
     */
    default boolean parseBinary(ByteBuffer frame, ParseSink sink) {
        return false;
    }
}
