package dev.pricefeed.micrometer;

import dev.pricefeed.FeedMetrics;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters for one {@link PriceFeed}: its counters, its state, the age of its last frame, its stale
 * instruments and the latency of its ticks, all tagged {@code exchange}; per-instrument meters also carry
 * {@code instrument} (bounded by the feed's subscription).
 *
 * <pre>{@code
 * PriceFeedMetrics metrics = new PriceFeedMetrics(feed);
 * metrics.bindTo(registry);   // before or after feed.start()
 * ...
 * metrics.close();            // removes the meters and stops measuring
 * }</pre>
 *
 * <p>Counters read {@link PriceFeed#metrics()} when the registry asks; the latency timers are fed by a tick listener
 * this binder registers on the feed (on the feed's dispatcher, conflating, so it never slows the socket).
 */
public final class PriceFeedMetrics implements MeterBinder, AutoCloseable {

    /** Prefix of every meter name. */
    public static final String PREFIX = "pricefeed.";
    /** Timer: the exchange's timestamp of a tick to its receipt here (Prometheus {@code pricefeed_exchange_latency_seconds}). */
    public static final String EXCHANGE_LATENCY = PREFIX + "exchange.latency";
    /** Timer: receipt of a tick to a listener being called with it (Prometheus {@code pricefeed_delivery_latency_seconds}). */
    public static final String DELIVERY_LATENCY = PREFIX + "delivery.latency";
    /** Gauge: 1 for the feed's current state, 0 for the others, one series per state ({@code pricefeed_state}). */
    public static final String STATE = PREFIX + "state";
    /** Time gauge: time since the last frame ({@code pricefeed_last_frame_age_seconds}); NaN before the first. */
    public static final String LAST_FRAME_AGE = PREFIX + "last.frame.age";
    /** Gauge: how many of the feed's instruments are stale ({@code pricefeed_stale_instruments}). */
    public static final String STALE_INSTRUMENTS = PREFIX + "stale.instruments";
    /** Gauge per instrument: 1 while the instrument is stale ({@code pricefeed_instrument_stale}). */
    public static final String INSTRUMENT_STALE = PREFIX + "instrument.stale";
    /** Time gauge per instrument: age of its newest tick ({@code pricefeed_tick_age_seconds}); NaN before the first. */
    public static final String TICK_AGE = PREFIX + "tick.age";

    private final PriceFeed feed;
    private final Clock clock;
    private final Tags tags;
    private final List<Bound> meters = new CopyOnWriteArrayList<>();
    private final TickLatency latency;

    /** Meters for the feed; ages and latencies are measured against the UTC system clock (the feed's default). */
    public PriceFeedMetrics(PriceFeed feed) {
        this(feed, Clock.systemUTC());
    }

    /** Meters for the feed; {@code clock} must be the clock the feed stamps receive times with. */
    public PriceFeedMetrics(PriceFeed feed, Clock clock) {
        this.feed = Objects.requireNonNull(feed, "feed is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.tags = Tags.of("exchange", feed.exchange());
        this.latency = new TickLatency(clock);
    }

    /** The feed measured. */
    public PriceFeed feed() {
        return feed;
    }

    /** Registers every meter with the registry; the first call also starts measuring tick latency. */
    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "frames", "WebSocket text frames received", FeedMetrics::frames);
        counter(registry, "ticks", "ticks applied to the cache (WebSocket and REST)", FeedMetrics::ticks);
        counter(registry, "trades", "trades received", FeedMetrics::trades);
        counter(registry, "parse.errors", "frames that could not be parsed (logged and skipped)",
                FeedMetrics::parseErrors);
        counter(registry, "unknown.messages", "well-formed frames of an unknown type (skipped)",
                FeedMetrics::unknownMessages);
        counter(registry, "binary.frames", "binary WebSocket frames received (skipped)", FeedMetrics::binaryFrames);
        counter(registry, "reconnects", "connections opened after the first", FeedMetrics::reconnects);
        counter(registry, "conflated", "tick updates replaced by a newer one before a listener saw them",
                FeedMetrics::conflated);
        counter(registry, "dropped", "updates a listener's full queue could not take", FeedMetrics::dropped);
        counter(registry, "listener.errors", "exceptions thrown by listeners", FeedMetrics::listenerErrors);
        counter(registry, "sequence.gaps", "sequence gaps detected", FeedMetrics::sequenceGaps);
        counter(registry, "rest.polls", "REST fallback polls done", FeedMetrics::polls);
        for (FeedState state : FeedState.values()) {
            add(registry, Gauge.builder(STATE, feed, f -> f.state() == state ? 1 : 0)
                    .description("1 for the feed's current state, 0 for the others")
                    .tags(tags).tag("state", state.name())
                    .register(registry));
        }
        add(registry, TimeGauge.builder(LAST_FRAME_AGE, feed, TimeUnit.SECONDS,
                        PriceFeedMetrics::lastFrameAgeSeconds)
                .description("time since the last frame; NaN before the first")
                .tags(tags)
                .register(registry));
        add(registry, Gauge.builder(STALE_INSTRUMENTS, feed, f -> f.staleInstruments().size())
                .description("instruments without data for longer than feed.stale-after")
                .tags(tags)
                .register(registry));
        for (Instrument instrument : feed.config().instruments()) {
            Tags instrumentTags = tags.and(Tag.of("instrument", instrument.toString()));
            add(registry, Gauge.builder(INSTRUMENT_STALE, feed,
                            f -> f.staleInstruments().contains(instrument) ? 1 : 0)
                    .description("1 while the instrument has had no data for longer than feed.stale-after")
                    .tags(instrumentTags)
                    .register(registry));
            add(registry, TimeGauge.builder(TICK_AGE, feed, TimeUnit.SECONDS, f -> tickAgeSeconds(f, instrument))
                    .description("age of the instrument's newest tick; NaN before the first")
                    .tags(instrumentTags)
                    .register(registry));
        }
        Timer exchangeLatency = add(registry, latencyTimer(EXCHANGE_LATENCY,
                "time from the exchange's timestamp of a tick to its receipt", Duration.ofSeconds(30))
                .register(registry));
        Timer deliveryLatency = add(registry, latencyTimer(DELIVERY_LATENCY,
                "time from the receipt of a tick to a listener being called with it", Duration.ofSeconds(10))
                .register(registry));
        if (latency.addTimers(exchangeLatency, deliveryLatency)) {
            // registered once, however many registries this binder is bound to
            latency.listening(feed.onTick(latency::record));
        }
    }

    /** The exchange-to-receive timer in a registry this binder is bound to (for percentiles on a dashboard). */
    public Optional<Timer> exchangeLatency(MeterRegistry registry) {
        return Optional.ofNullable(registry.find(EXCHANGE_LATENCY).tags(tags).timer());
    }

    /** The receive-to-listener timer in a registry this binder is bound to. */
    public Optional<Timer> deliveryLatency(MeterRegistry registry) {
        return Optional.ofNullable(registry.find(DELIVERY_LATENCY).tags(tags).timer());
    }

    /** Removes the tick listener and every meter this binder registered. */
    @Override
    public void close() {
        latency.stop();
        for (Bound bound : meters) {
            bound.registry().remove(bound.meter());
        }
        meters.clear();
    }

    private void counter(MeterRegistry registry, String name, String description, ToLongFunction<FeedMetrics> count) {
        add(registry, FunctionCounter.builder(PREFIX + name, feed, f -> count.applyAsLong(f.metrics()))
                .description(description)
                .tags(tags)
                .register(registry));
    }

    private Timer.Builder latencyTimer(String name, String description, Duration maximum) {
        return Timer.builder(name)
                .description(description)
                .tags(tags)
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(maximum);
    }

    private <M extends Meter> M add(MeterRegistry registry, M meter) {
        meters.add(new Bound(registry, meter));
        return meter;
    }

    private record Bound(MeterRegistry registry, Meter meter) {
    }

    private static double lastFrameAgeSeconds(PriceFeed feed) {
        Duration age = feed.metrics().lastFrameAge();
        return age == null ? Double.NaN : age.toNanos() / 1e9;
    }

    private double tickAgeSeconds(PriceFeed feed, Instrument instrument) {
        Optional<Tick> tick = feed.cache().latest(instrument);
        return tick.map(t -> Duration.between(t.receivedAt(), clock.instant()).toNanos() / 1e9).orElse(Double.NaN);
    }
}
