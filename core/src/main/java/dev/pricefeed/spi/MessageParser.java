package dev.pricefeed.spi;

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
}
