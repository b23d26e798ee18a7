package dev.pricefeed.cli;

import dev.pricefeed.FeedState;
import java.time.Duration;

/**
 * One feed's line under the price table.
 *
 * @param exchange the exchange id
 * @param state the feed's state
 * @param frameRateTenths frames per second in tenths (123 means 12.3 frames/s)
 * @param reconnects connections opened after the first
 * @param lastFrameAge time since the last frame, or {@code null} before the first
 * @param lastEvent the newest state change in a few words, or {@code null}
 * @param why the newest error since the feed last streamed, in plain words, or {@code null}
 */
record FeedStatus(String exchange, FeedState state, long frameRateTenths, long reconnects, Duration lastFrameAge,
        String lastEvent, String why) {
}
