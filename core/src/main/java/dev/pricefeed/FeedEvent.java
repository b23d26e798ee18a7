package dev.pricefeed;

import java.time.Duration;
import java.time.Instant;

/** Something that happened to a feed, for listeners: state changes, errors, gaps, staleness. */
public sealed interface FeedEvent {

    /** The exchange id of the feed. */
    String exchange();

    /** When it happened. */
    Instant at();

    /** The feed moved from one state to another; {@code reason} says why in a few words. */
    record StateChanged(String exchange, Instant at, FeedState from, FeedState to, String reason) implements FeedEvent {
    }

    /**
     * Something went wrong: a connection failure, an exchange error frame, a REST error.
     *
     * @param code the exchange's error code or a short category such as {@code connect}, or {@code null}
     * @param message the text, including the exchange's own words where it sent any
     */
    record Error(String exchange, Instant at, String code, String message) implements FeedEvent {
    }

    /** The exchange refused a subscription; the feed does not retry it. {@code instrument} is null for account channels. */
    record SubscriptionFailed(String exchange, Instant at, Channel channel, Instrument instrument, String reason)
            implements FeedEvent {
    }

    /** Sequence numbers {@code firstMissing..lastMissing} (inclusive) of a stream never arrived. */
    record SequenceGap(String exchange, Instant at, Instrument instrument, String stream, long firstMissing,
            long lastMissing) implements FeedEvent {

        /** How many messages were missed. */
        public long missed() {
            return lastMissing - firstMissing + 1;
        }
    }

    /** No data for an instrument for longer than the staleness threshold; the connection itself may be fine. */
    record Stale(String exchange, Instant at, Instrument instrument, Duration silentFor) implements FeedEvent {
    }

    /** Data for an instrument that was stale is flowing again. */
    record Fresh(String exchange, Instant at, Instrument instrument) implements FeedEvent {
    }

    /** A new connection replaced an old one before the old one closed (lifetime reached or the server asked). */
    record Handover(String exchange, Instant at, String reason) implements FeedEvent {
    }
}
