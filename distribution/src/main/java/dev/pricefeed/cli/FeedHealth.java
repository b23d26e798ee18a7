package dev.pricefeed.cli;

import dev.pricefeed.FeedState;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a feed is healthy for {@code /health}: streaming, or polling REST with fresh data (every instrument fresh
 * and the newest tick younger than {@code feed.stale-after}).
 */
final class FeedHealth {

    private FeedHealth() {
    }

    /** Why the feed is not healthy, or empty when it is. */
    static Optional<String> problem(PriceFeed feed, Instant now) {
        FeedState state = feed.state();
        if (state == FeedState.STREAMING) {
            return Optional.empty();
        }
        if (state != FeedState.POLLING) {
            return Optional.of("state " + state);
        }
        if (!feed.staleInstruments().isEmpty()) {
            return Optional.of("polling, stale: " + feed.staleInstruments());
        }
        Instant newest = feed.cache().all().stream().map(Tick::receivedAt).max(Instant::compareTo).orElse(null);
        Duration limit = feed.config().staleAfter();
        if (newest == null) {
            return Optional.of("polling, no data yet");
        }
        if (Duration.between(newest, now).compareTo(limit) > 0) {
            return Optional.of("polling, newest data older than " + limit.toSeconds() + " s");
        }
        return Optional.empty();
    }
}
