package dev.pricefeed;

import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.OptionValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The context of a connector that only parses frames offline ({@link FrameReplay}): no endpoints, no
 * credentials; the HTTP client and scheduler are made only if the connector asks for them, and closed with it.
 */
final class ReplayContext implements ExchangeContext, AutoCloseable {

    private final String exchange;
    private final List<Instrument> instruments;
    private final OptionValues options;
    private final Clock clock;
    private HttpClient httpClient;
    private ScheduledExecutorService scheduler;

    /**
     * Creates the context.
     *
     * @param exchange the exchange id
     * @param instruments the instruments the recording is about (context for unsplittable symbols)
     * @param options the exchange's options from configuration, checked against the plugin's declarations
     * @param clock the clock
     */
    ReplayContext(String exchange, List<Instrument> instruments, OptionValues options, Clock clock) {
        this.exchange = Objects.requireNonNull(exchange, "exchange is null");
        this.instruments = List.copyOf(instruments);
        this.options = Objects.requireNonNull(options, "options is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
    }

    @Override
    public String exchangeId() {
        return exchange;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Set<Channel> channels() {
        // a recording may hold any public channel
        return EnumSet.of(Channel.TICKER, Channel.TRADES);
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return Optional.empty();
    }

    @Override
    public OptionValues options() {
        return options;
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.empty();
    }

    @Override
    public synchronized HttpClient httpClient() {
        if (httpClient == null) {
            httpClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }
        return httpClient;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "pricefeed-replay-scheduler");
                thread.setDaemon(true);
                return thread;
            });
        }
        return scheduler;
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "ReplayContext[" + exchange + ", " + instruments + ", " + options + "]";
    }
}
