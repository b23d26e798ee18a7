package dev.pricefeed.runtime;

import dev.pricefeed.FeedMetrics;
import dev.pricefeed.FeedState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The counters of one feed; cheap to bump from any thread. */
final class Metrics {

    private final LongAdder frames = new LongAdder();
    private final LongAdder ticks = new LongAdder();
    private final LongAdder trades = new LongAdder();
    private final LongAdder parseErrors = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder binary = new LongAdder();
    private final LongAdder reconnects = new LongAdder();
    private final LongAdder conflated = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder listenerErrors = new LongAdder();
    private final LongAdder gaps = new LongAdder();
    private final LongAdder polls = new LongAdder();
    private final EnumMap<FeedState, Long> nanosInState = new EnumMap<>(FeedState.class);
    private FeedState state = FeedState.IDLE;
    private long stateSince = System.nanoTime();
    private volatile long lastFrameNanos;

    void frame(long nanos) {
        frames.increment();
        lastFrameNanos = nanos;
    }

    void tick() { ticks.increment(); }
    void trade() { trades.increment(); }
    void parseError() { parseErrors.increment(); }
    void unknownMessage() { unknown.increment(); }
    void binaryFrame() { binary.increment(); }
    void reconnect() { reconnects.increment(); }
    void conflated() { conflated.increment(); }
    void dropped() { dropped.increment(); }
    void listenerError() { listenerErrors.increment(); }
    void gap() { gaps.increment(); }
    void poll() { polls.increment(); }

    synchronized void state(FeedState next) {
        long now = System.nanoTime();
        nanosInState.merge(state, now - stateSince, Long::sum);
        state = next;
        stateSince = now;
    }

    synchronized FeedMetrics snapshot() {
        long now = System.nanoTime();
        Map<FeedState, Duration> times = new EnumMap<>(FeedState.class);
        nanosInState.forEach((s, n) -> times.put(s, Duration.ofNanos(n)));
        times.merge(state, Duration.ofNanos(now - stateSince), Duration::plus);
        long last = lastFrameNanos;
        return new FeedMetrics(frames.sum(), ticks.sum(), trades.sum(), parseErrors.sum(), unknown.sum(),
                binary.sum(), reconnects.sum(), conflated.sum(), dropped.sum(), listenerErrors.sum(), gaps.sum(), polls.sum(),
                Map.copyOf(times), last == 0 ? null : Duration.ofNanos(now - last));
    }
}
