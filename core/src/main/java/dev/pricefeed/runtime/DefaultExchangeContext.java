package dev.pricefeed.runtime;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.OptionValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** The {@link ExchangeContext} handed to connectors: a view of the feed's configuration plus shared services. */
public final class DefaultExchangeContext implements ExchangeContext {

    private final FeedConfig config;
    private final HttpClient httpClient;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;

    public DefaultExchangeContext(FeedConfig config, HttpClient httpClient, Clock clock,
            ScheduledExecutorService scheduler) {
        this.config = config;
        this.httpClient = httpClient;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /** An HTTP/1.1 client with a short connect timeout, as the runtime uses for bootstrap and REST calls. */
    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public String exchangeId() {
        return config.exchange();
    }

    @Override
    public List<Instrument> instruments() {
        return config.instruments();
    }

    @Override
    public Set<Channel> channels() {
        return config.channels();
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return Optional.ofNullable(config.endpoints().get(name));
    }

    @Override
    public OptionValues options() {
        return config.options();
    }

    @Override
    public Optional<Credentials> credentials() {
        return config.credentials();
    }

    @Override
    public HttpClient httpClient() {
        return httpClient;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public String toString() {
        return "ExchangeContext[" + config + "]";
    }
}
