package dev.pricefeed;

import java.time.Instant;

/** Receives every raw text frame with its receive time (for recording); runs on the dispatcher, never the socket. */
@FunctionalInterface
public interface FrameListener {

    /** One frame as received. */
    void onFrame(Instant receivedAt, String frame);
}
