package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedMetrics;
import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import dev.pricefeed.micrometer.PriceFeedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What the dashboard shows, as JSON: per feed its state, rates, counters and latencies; the price table; the newest
 * events. Serves {@code /api/state}, the {@code /events} stream and {@code /health}.
 */
final class DashboardState {

    private final List<FeedWatch> feeds = new CopyOnWriteArrayList<>();
    private final Map<String, PriceFeedMetrics> meters = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final RecentEvents events = new RecentEvents();
    private final Clock clock;

    /**
     * @param registry the registry the feeds' latencies are read from
     * @param clock the clock ages are measured with
     */
    DashboardState(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    /** Adds a feed, in display order, with its meter binder (bound to this state's registry). */
    void watch(PriceFeed feed, PriceFeedMetrics binder) {
        feeds.add(new FeedWatch(feed, clock.instant()));
        meters.put(feed.exchange(), binder);
    }

    /** Notes an event of any feed; called on the feeds' dispatcher threads. */
    void event(FeedEvent event) {
        for (FeedWatch watch : feeds) {
            if (watch.feed().exchange().equals(event.exchange())) {
                watch.event(event);
            }
        }
        events.add(event);
    }

    /** Takes each feed's frame-rate sample. */
    void sample() {
        long now = System.nanoTime();
        feeds.forEach(watch -> watch.sample(now));
    }

    /** The feeds that are not healthy, with why, by exchange; empty when all are. */
    Map<String, String> problems() {
        Instant now = clock.instant();
        Map<String, String> problems = new LinkedHashMap<>();
        for (FeedWatch watch : feeds) {
            FeedHealth.problem(watch.feed(), now).ifPresent(problem -> problems.put(watch.feed().exchange(), problem));
        }
        return problems;
    }

    /** The {@code /health} body: {@code status} UP or DOWN, every feed's state, and the unhealthy ones with why. */
    JsonObject health() {
        Map<String, String> problems = problems();
        JsonArrayBuilder all = Json.createArrayBuilder();
        JsonArrayBuilder unhealthy = Json.createArrayBuilder();
        for (FeedWatch watch : feeds) {
            PriceFeed feed = watch.feed();
            all.add(Json.createObjectBuilder().add("exchange", feed.exchange()).add("state", feed.state().name()));
            String problem = problems.get(feed.exchange());
            if (problem != null) {
                JsonObjectBuilder entry = Json.createObjectBuilder().add("exchange", feed.exchange())
                        .add("state", feed.state().name()).add("problem", problem);
                optional(entry, "reason", watch.reason());
                unhealthy.add(entry);
            }
        }
        return Json.createObjectBuilder()
                .add("status", problems.isEmpty() ? "UP" : "DOWN")
                .add("feeds", all)
                .add("unhealthy", unhealthy)
                .build();
    }

    /** Everything the page shows. */
    JsonObject snapshot() {
        Instant now = clock.instant();
        JsonArrayBuilder feedArray = Json.createArrayBuilder();
        JsonArrayBuilder prices = Json.createArrayBuilder();
        Map<String, String> problems = problems();
        for (FeedWatch watch : feeds) {
            PriceFeed feed = watch.feed();
            feedArray.add(feed(watch, now, problems.get(feed.exchange())));
            Set<Instrument> stale = feed.staleInstruments();
            // every subscribed instrument has a row, so one that never got data shows too
            for (Instrument instrument : feed.config().instruments()) {
                Optional<Tick> tick = feed.cache().latest(instrument);
                prices.add(tick.map(t -> price(t, now, stale.contains(instrument)))
                        .orElseGet(() -> Json.createObjectBuilder().add("exchange", feed.exchange())
                                .add("instrument", instrument.toString()).add("stale", stale.contains(instrument))));
            }
        }
        JsonArrayBuilder eventArray = Json.createArrayBuilder();
        events.newestFirst().forEach(eventArray::add);
        return Json.createObjectBuilder()
                .add("at", now.toString())
                .add("status", problems.isEmpty() ? "UP" : "DOWN")
                .add("feeds", feedArray)
                .add("prices", prices)
                .add("events", eventArray)
                .build();
    }

    private JsonObjectBuilder feed(FeedWatch watch, Instant now, String problem) {
        PriceFeed feed = watch.feed();
        FeedState state = feed.state();
        FeedMetrics metrics = feed.metrics();
        Instant since = watch.since(state, now);
        JsonArrayBuilder history = Json.createArrayBuilder();
        watch.rates().forEach(rate -> history.add(round(rate)));
        JsonArrayBuilder stale = Json.createArrayBuilder();
        feed.staleInstruments().forEach(instrument -> stale.add(instrument.toString()));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("exchange", feed.exchange())
                .add("state", state.name())
                .add("since", since.toString())
                .add("inStateMillis", Math.max(0, Duration.between(since, now).toMillis()))
                .add("healthy", problem == null)
                .add("framesPerSecond", round(watch.rate()))
                .add("rateHistory", history)
                .add("frames", metrics.frames())
                .add("ticks", metrics.ticks())
                .add("trades", metrics.trades())
                .add("reconnects", metrics.reconnects())
                .add("parseErrors", metrics.parseErrors())
                .add("listenerErrors", metrics.listenerErrors())
                .add("sequenceGaps", metrics.sequenceGaps())
                .add("polls", metrics.polls())
                .add("staleInstruments", stale);
        optional(json, "problem", problem);
        optional(json, "reason", watch.reason());
        if (metrics.lastFrameAge() != null) {
            json.add("lastFrameAgeMillis", metrics.lastFrameAge().toMillis());
        }
        PriceFeedMetrics binder = meters.get(feed.exchange());
        if (binder != null) {
            binder.exchangeLatency(registry).ifPresent(timer -> json.add("exchangeLatency", latency(timer)));
            binder.deliveryLatency(registry).ifPresent(timer -> json.add("deliveryLatency", latency(timer)));
        }
        return json;
    }

    private static JsonObjectBuilder latency(Timer timer) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("count", timer.count());
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            String name = value.percentile() == 0.5 ? "p50Millis" : value.percentile() == 0.99 ? "p99Millis" : null;
            if (name != null) {
                json.add(name, round(value.value(TimeUnit.MILLISECONDS)));
            }
        }
        return json;
    }

    private static JsonObjectBuilder price(Tick tick, Instant now, boolean stale) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("exchange", tick.exchange())
                .add("instrument", tick.instrument().toString())
                .add("receivedAt", tick.receivedAt().toString())
                .add("ageMillis", Math.max(0, Duration.between(tick.receivedAt(), now).toMillis()))
                .add("stale", stale);
        decimal(json, "last", tick.last());
        decimal(json, "bid", tick.bid());
        decimal(json, "ask", tick.ask());
        decimal(json, "spread", tick.spread());
        decimal(json, "change24h", tick.change24h());
        percentChange(tick).ifPresent(percent -> decimal(json, "change24hPercent", percent));
        return json;
    }

    /** Last versus the 24 h open in percent, two decimals, exact decimal arithmetic. */
    private static Optional<BigDecimal> percentChange(Tick tick) {
        BigDecimal change = tick.change24h();
        if (change == null || tick.open().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(change.multiply(BigDecimal.valueOf(100)).divide(tick.open(), 2, RoundingMode.HALF_EVEN));
    }

    private static void decimal(JsonObjectBuilder json, String name, BigDecimal value) {
        if (value != null) {
            // a string, as in JSON Lines: the exact value, never through floating point
            json.add(name, value.toPlainString());
        }
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }

    /** Rates and latencies (never prices) rounded to two decimals for display. */
    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }
}
