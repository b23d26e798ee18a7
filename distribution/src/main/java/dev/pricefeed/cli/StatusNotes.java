package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the status line says about each feed besides its numbers: the newest state change, and why the feed is not
 * streaming (the newest error, in the runtime's plain words) until it streams again.
 */
final class StatusNotes {

    private final Map<String, String> lastChange = new ConcurrentHashMap<>();
    private final Map<String, String> why = new ConcurrentHashMap<>();

    /** Takes note of an event. */
    void record(FeedEvent event) {
        String exchange = event.exchange();
        if (event instanceof FeedEvent.StateChanged change) {
            lastChange.put(exchange, change.from() + " -> " + change.to()
                    + (change.reason() == null ? "" : " (" + change.reason() + ")"));
            if (change.to() == FeedState.STREAMING) {
                why.remove(exchange);
            }
        } else if (event instanceof FeedEvent.Error error) {
            why.put(exchange, error.message());
        } else if (event instanceof FeedEvent.SubscriptionFailed failed) {
            why.put(exchange, "subscription refused: " + failed.instrument() + " " + failed.reason());
        }
    }

    /** The newest state change of a feed, or {@code null}. */
    String lastChange(String exchange) {
        return lastChange.get(exchange);
    }

    /** The newest error since the feed last streamed, or {@code null}. */
    String why(String exchange) {
        return why.get(exchange);
    }
}
