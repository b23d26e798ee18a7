package dev.pricefeed;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of a feed's counters.
 *
 * @param frames WebSocket text frames received
 * @param ticks ticks applied to the cache (WebSocket and REST)
 * @param trades trades received
 * @param parseErrors frames that could not be parsed (logged and skipped)
 * @param unknownMessages well-formed frames of a type the parser does not know (skipped)
 * @param binaryFrames binary WebSocket frames received (handed to the connector's binary hook, by default skipped)
 * @param reconnects connections opened after the first
 * @param conflated tick updates replaced by a newer one before a conflating listener saw them
 * @param dropped updates a queued listener could not take because its queue was full
 * @param listenerErrors exceptions thrown by listeners (logged; the listener stays registered)
 * @param sequenceGaps sequence gaps detected
 * @param polls REST fallback polls done
 * @param timeInState time spent in each state so far
 * @param lastFrameAge time since the last frame, or {@code null} if none arrived yet
 */
public record FeedMetrics(
        long frames,
        long ticks,
        long trades,
        long parseErrors,
        long unknownMessages,
        long binaryFrames,
        long reconnects,
        long conflated,
        long dropped,
        long listenerErrors,
        long sequenceGaps,
        long polls,
        Map<FeedState, Duration> timeInState,
        Duration lastFrameAge) {
}
