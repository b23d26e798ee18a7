package dev.pricefeed.cli;

import dev.pricefeed.PriceFeed;
import dev.pricefeed.Registration;
import dev.pricefeed.micrometer.PriceFeedMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The monitoring of one command run: a Prometheus registry with every feed's meters, the dashboard's state, and the
 * HTTP server; feeds are added before they start, the server is bound before any feed connects.
 */
final class Monitoring implements AutoCloseable {

    /** How often the page gets the state. */
    static final Duration PUSH_PERIOD = Duration.ofMillis(500);

    private final HttpAddress address;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DashboardState state;
    private final Clock clock;
    private final List<PriceFeedMetrics> binders = new ArrayList<>();
    private final List<Registration> listeners = new ArrayList<>();
    private MonitorServer server;

    Monitoring(HttpAddress address, Clock clock) {
        this.address = Objects.requireNonNull(address, "address is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.state = new DashboardState(registry, clock);
    }

    /** Measures a feed and shows it; call before the feed starts, so no event is missed. */
    void watch(PriceFeed feed) {
        PriceFeedMetrics binder = new PriceFeedMetrics(feed, clock);
        binder.bindTo(registry);
        binders.add(binder);
        state.watch(feed, binder);
        listeners.add(feed.onEvent(state::event));
    }

    /**
     * Binds the address and starts serving.
     *
     * @return the page's URL
     * @throws UsageError when the address cannot be bound
     */
    String start() {
        server = new MonitorServer(address, state, registry);
        server.start(PUSH_PERIOD);
        return server.url();
    }

    /** Stops the server and its threads, removes the meters. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        listeners.forEach(Registration::close);
        binders.forEach(PriceFeedMetrics::close);
        registry.close();
    }
}
