package dev.pricefeed.micrometer;

import dev.pricefeed.MarketDataService;
import dev.pricefeed.PriceFeed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Micrometer meters for every feed of a {@link MarketDataService}: the meters of {@link PriceFeedMetrics} for each,
 * told apart by their {@code exchange} tag.
 */
public final class MarketDataServiceMetrics implements MeterBinder, AutoCloseable {

    private final Map<String, PriceFeedMetrics> feeds;

    /** Meters for every feed of the service, measured against the UTC system clock. */
    public MarketDataServiceMetrics(MarketDataService service) {
        this(service, Clock.systemUTC());
    }

    /** Meters for every feed of the service; {@code clock} must be the clock the feeds stamp receive times with. */
    public MarketDataServiceMetrics(MarketDataService service, Clock clock) {
        Objects.requireNonNull(service, "service is null");
        Objects.requireNonNull(clock, "clock is null");
        Map<String, PriceFeedMetrics> byExchange = new LinkedHashMap<>();
        for (Map.Entry<String, PriceFeed> feed : service.feeds().entrySet()) {
            byExchange.put(feed.getKey(), new PriceFeedMetrics(feed.getValue(), clock));
        }
        this.feeds = Collections.unmodifiableMap(byExchange);
    }

    /** The binder of each feed, by exchange id, in the service's order. */
    public Map<String, PriceFeedMetrics> feeds() {
        return feeds;
    }

    /** Registers the meters of every feed. */
    @Override
    public void bindTo(MeterRegistry registry) {
        feeds.values().forEach(feed -> feed.bindTo(registry));
    }

    /** Removes the meters of every feed and stops measuring. */
    @Override
    public void close() {
        feeds.values().forEach(PriceFeedMetrics::close);
    }
}
