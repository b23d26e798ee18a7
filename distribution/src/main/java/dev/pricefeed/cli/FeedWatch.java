package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.PriceFeed;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * What the dashboard remembers about one feed beyond its own counters: since when it is in its state and why, and its
 * recent frame rates for the sparkline.
 */
final class FeedWatch {

    /** How many rate samples the sparkline shows. */
    static final int HISTORY = 120;

    private final PriceFeed feed;
    private final Deque<Double> rates = new ArrayDeque<>(HISTORY);
    private FeedState lastState;
    private Instant since;
    private String reason;
    private long lastFrames = -1;
    private long lastSampleNanos;

    FeedWatch(PriceFeed feed, Instant now) {
        this.feed = Objects.requireNonNull(feed, "feed is null");
        this.lastState = feed.state();
        this.since = now;
    }

    /** The feed watched. */
    PriceFeed feed() {
        return feed;
    }

    /** Notes a state change of this feed. */
    synchronized void event(FeedEvent event) {
        if (event instanceof FeedEvent.StateChanged change) {
            lastState = change.to();
            since = change.at();
            reason = change.reason();
        }
    }

    /** Takes a frame-rate sample: frames per second since the previous sample. */
    synchronized void sample(long nanos) {
        long frames = feed.metrics().frames();
        if (lastFrames >= 0 && nanos > lastSampleNanos) {
            if (rates.size() == HISTORY) {
                rates.removeFirst();
            }
            rates.addLast((frames - lastFrames) * 1e9 / (nanos - lastSampleNanos));
        }
        lastFrames = frames;
        lastSampleNanos = nanos;
    }

    /** The recent frame rates, oldest first. */
    synchronized List<Double> rates() {
        return new ArrayList<>(rates);
    }

    /** The newest frame rate, 0 before two samples. */
    synchronized double rate() {
        return rates.isEmpty() ? 0 : rates.getLast();
    }

    /** When the feed entered the given state, if the state change has been seen; {@code now} otherwise. */
    synchronized Instant since(FeedState state, Instant now) {
        return state == lastState ? since : now;
    }

    /** Why the feed entered its newest seen state, or {@code null}. */
    synchronized String reason() {
        return reason;
    }
}
