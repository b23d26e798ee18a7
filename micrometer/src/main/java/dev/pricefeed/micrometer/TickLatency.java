package dev.pricefeed.micrometer;

import dev.pricefeed.Instrument;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A tick listener that times each tick from the exchange's timestamp to its receipt, and from its receipt to now (when
 * the listener is called). A merged tick keeps the newest exchange timestamp seen, so a timestamp is timed only the
 * first time it appears; a negative time (the exchange's clock ahead of ours) is not recorded.
 */
final class TickLatency {

    private final Clock clock;
    private final List<Timer> exchangeTimers = new CopyOnWriteArrayList<>();
    private final List<Timer> deliveryTimers = new CopyOnWriteArrayList<>();
    private final Map<Instrument, Instant> lastExchangeTime = new ConcurrentHashMap<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile Registration registration;

    TickLatency(Clock clock) {
        this.clock = clock;
    }

    /** Adds the timers of one registry; returns whether this is the first pair (the caller then starts listening). */
    boolean addTimers(Timer exchange, Timer delivery) {
        exchangeTimers.add(exchange);
        deliveryTimers.add(delivery);
        return listening.compareAndSet(false, true);
    }

    /** Keeps the registration of this listener, to remove it on {@link #stop()}. */
    void listening(Registration listener) {
        this.registration = listener;
    }

    /** Times one tick. */
    void record(Tick tick) {
        if (stopped) {
            return;
        }
        long delivery = Duration.between(tick.receivedAt(), clock.instant()).toNanos();
        if (delivery >= 0) {
            deliveryTimers.forEach(timer -> timer.record(delivery, TimeUnit.NANOSECONDS));
        }
        Instant stamped = tick.exchangeTime();
        if (stamped != null && !stamped.equals(lastExchangeTime.put(tick.instrument(), stamped))) {
            long exchange = Duration.between(stamped, tick.receivedAt()).toNanos();
            if (exchange >= 0) {
                exchangeTimers.forEach(timer -> timer.record(exchange, TimeUnit.NANOSECONDS));
            }
        }
    }

    /** Removes the listener and stops recording. */
    void stop() {
        stopped = true;
        Registration listener = registration;
        if (listener != null) {
            listener.close();
        }
        exchangeTimers.clear();
        deliveryTimers.clear();
    }
}
