package dev.pricefeed.analytics;

import java.util.Locale;
import java.util.Objects;

/**
 * An arbitrage opportunity opened, changed or closed.
 *
 * @param state what happened
 * @param opportunity the opportunity (when closed: as last seen, with the time it closed)
 */
public record ArbitrageEvent(State state, Opportunity opportunity) {

    /** What happened to an opportunity. */
    public enum State {
        /** It appeared. */
        OPEN,
        /** A price, a size or the net spread changed while it stayed open. */
        UPDATE,
        /** It is gone: the net spread is no longer positive, or a quote went stale, crossed or missing. */
        CLOSED;

        /** Lower-case name as in JSON output: {@code open}, {@code update}, {@code closed}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ArbitrageEvent {
        Objects.requireNonNull(state, "state is null");
        Objects.requireNonNull(opportunity, "opportunity is null");
    }
}
