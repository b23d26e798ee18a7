package dev.pricefeed.runtime;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's state: derived from its slots (the worst live one counts), and every change a {@link FeedEvent}, a log
 * line and a metric. CLOSED is final. Changed on the control thread, read from any.
 */
final class FeedStateTracker {

    private static final Logger LOG = LoggerFactory.getLogger(FeedEngine.class);

    private final String exchange;
    private final Clock clock;
    private final Metrics metrics;
    private final DataPath data;
    private volatile FeedState state = FeedState.IDLE;

    FeedStateTracker(String exchange, Clock clock, Metrics metrics, DataPath data) {
        this.exchange = exchange;
        this.clock = clock;
        this.metrics = metrics;
        this.data = data;
    }

    /** The state right now. */
    FeedState get() {
        return state;
    }

    /** Sets the state from the slots that did not give up: the worst of them, unless all are idle. */
    void fromSlots(List<Slot> slots, String reason) {
        FeedState worst = null;
        for (Slot slot : slots) {
            if (!slot.dead()) {
                worst = worst == null || rank(slot.status()) > rank(worst) ? slot.status() : worst;
            }
        }
        if (worst != null && worst != FeedState.IDLE) {
            set(worst, reason);
        }
    }

    private static int rank(FeedState s) {
        switch (s) {
            case STREAMING: return 0;
            case SUBSCRIBING: return 1;
            case CONNECTING: return 2;
            case BACKOFF: return 3;
            default: return 4;
        }
    }

    /** Moves to {@code next} (nothing happens when already there, or once CLOSED). */
    void set(FeedState next, String reason) {
        FeedState previous = state;
        if (previous == next || previous == FeedState.CLOSED) {
            return;
        }
        state = next;
        metrics.state(next);
        if (next == FeedState.BACKOFF || next == FeedState.POLLING) {
            LOG.warn("{}: {} -> {} ({})", exchange, previous, next, reason);
        } else {
            LOG.info("{}: {} -> {} ({})", exchange, previous, next, reason);
        }
        data.event(new FeedEvent.StateChanged(exchange, clock.instant(), previous, next, reason));
    }
}
