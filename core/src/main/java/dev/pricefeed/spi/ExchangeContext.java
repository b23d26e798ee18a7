package dev.pricefeed.spi;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** What a connector gets from the core: configuration, credentials and shared services. Handed in, never global. */
public interface ExchangeContext {

    /** The exchange id of the feed. */
    String exchangeId();

    /** The instruments the feed asks for. */
    List<Instrument> instruments();

    /** The channels the feed asks for. */
    Set<Channel> channels();

    /**
     * An endpoint override by name: {@code websocket} and {@code rest} for every connector, others as a connector
     * documents (for example {@code websocket-auth}).
     */
    Optional<URI> endpoint(String name);

    /**
     * The plugin's options ({@code <exchange>.<key>} in the configuration), already checked against
     * {@link ExchangeProvider#options()}: each typed accessor returns the configured value or the declared default.
     */
    OptionValues options();

    /** The API credentials, when configured. */
    Optional<Credentials> credentials();

    /** A shared HTTP client for bootstrap and REST calls. */
    HttpClient httpClient();

    /** The clock to read time from. */
    Clock clock();

    /** A scheduler for the connector's own timers, if it needs any. */
    ScheduledExecutorService scheduler();
}
