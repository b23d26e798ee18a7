package dev.pricefeed.runtime;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-instrument staleness: an instrument without data for {@code staleAfter} gets a {@link FeedEvent.Stale} event,
 * and a {@link FeedEvent.Fresh} one when data returns. An event, never a reconnect, so quiet markets cause no churn.
 */
final class StalenessWatch {

    private static final Logger LOG = LoggerFactory.getLogger(StalenessWatch.class);

    private final String exchange;
    private final Duration staleAfter;
    private final Clock clock;
    private final Consumer<FeedEvent> events;
    private final Map<Instrument, Activity> activity;

    private static final class Activity {
        volatile long lastNanos = System.nanoTime();
        volatile boolean stale;
    }

    StalenessWatch(String exchange, List<Instrument> instruments, Duration staleAfter, Clock clock,
            Consumer<FeedEvent> events) {
        this.exchange = exchange;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.events = events;
        Map<Instrument, Activity> map = new LinkedHashMap<>();
        instruments.forEach(instrument -> map.put(instrument, new Activity()));
        this.activity = Collections.unmodifiableMap(map);
    }

    /** How often {@link #check()} should run: a quarter of the limit, between 50 ms and 5 s. */
    Duration checkPeriod() {
        return Durations.clamp(staleAfter.dividedBy(4), Duration.ofMillis(50), Duration.ofSeconds(5));
    }

    /** Data for an instrument arrived (socket thread) at {@code nanos} ({@link System#nanoTime()}). */
    void touched(Instrument instrument, long nanos) {
        Activity a = activity.get(instrument);
        if (a != null) {
            a.lastNanos = nanos;
            if (a.stale) {
                a.stale = false;
                events.accept(new FeedEvent.Fresh(exchange, clock.instant(), instrument));
            }
        }
    }

    /** Reports every instrument that just went stale (control thread). */
    void check() {
        long now = System.nanoTime();
        long limit = staleAfter.toNanos();
        activity.forEach((instrument, a) -> {
            long silent = now - a.lastNanos;
            if (!a.stale && silent > limit) {
                a.stale = true;
                LOG.info("{}: no data for {} for {} ms", exchange, instrument, silent / 1_000_000);
                events.accept(new FeedEvent.Stale(exchange, clock.instant(), instrument, Duration.ofNanos(silent)));
            }
        });
    }

    /** The instruments judged stale by the last check, in subscription order. */
    Set<Instrument> stale() {
        Set<Instrument> stale = new LinkedHashSet<>();
        activity.forEach((instrument, a) -> {
            if (a.stale) {
                stale.add(instrument);
            }
        });
        return Collections.unmodifiableSet(stale);
    }
}
