package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.config.PluginOptions;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.OptionValues;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An {@link ExchangeContext} for connector unit tests, so a provider can be created without a feed:
 *
 * <pre>
 * ExchangeConnector connector = new AcmeProvider().create(new TestExchangeContext("acme", "BTC/USD")
 *         .endpoint("rest", simulator.server().httpUri("/"))
 *         .option("feed", "sandbox"));
 * </pre>
 *
 * <p>Unless set: the channel is {@link Channel#TICKER}, there are no endpoints, options or credentials, the clock is
 * the system's in UTC, the HTTP client is a new HTTP/1.1 client of this context, and there is no scheduler.
 */
public final class TestExchangeContext implements ExchangeContext {

    private final String exchangeId;
    private final List<Instrument> instruments;
    private final Map<String, URI> endpoints = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private Set<Channel> channels = EnumSet.of(Channel.TICKER);
    private List<OptionSpec> declared;
    private Credentials credentials;
    private HttpClient httpClient;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    /** A context for an exchange id and instruments written {@code BASE/QUOTE}. */
    public TestExchangeContext(String exchangeId, String... instruments) {
        this.exchangeId = requireNonNull(exchangeId, "exchangeId is null");
        this.instruments = Arrays.stream(requireNonNull(instruments, "instruments is null")).map(Instrument::of)
                .toList();
    }

    /** Sets the channels the feed asks for. */
    public TestExchangeContext channels(Channel first, Channel... more) {
        requireNonNull(first, "channel is null");
        EnumSet<Channel> set = EnumSet.of(first);
        set.addAll(List.of(requireNonNull(more, "channels is null")));
        this.channels = set;
        return this;
    }

    /** Sets an endpoint override, such as {@code rest} or {@code websocket}. */
    public TestExchangeContext endpoint(String name, URI uri) {
        endpoints.put(requireNonNull(name, "name is null"), requireNonNull(uri, "uri is null"));
        return this;
    }

    /** Sets an exchange option, written without the {@code <exchange>.} prefix. */
    public TestExchangeContext option(String key, String value) {
        options.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Sets the options the plugin declares, for a provider that is not on the class path as a service. */
    public TestExchangeContext declaredOptions(List<OptionSpec> declarations) {
        this.declared = List.copyOf(requireNonNull(declarations, "declarations is null"));
        return this;
    }

    /** Sets the API credentials. */
    public TestExchangeContext credentials(String apiKey, String apiSecret) {
        this.credentials = new Credentials(apiKey, apiSecret);
        return this;
    }

    /** Sets the HTTP client connectors get. */
    public TestExchangeContext httpClient(HttpClient client) {
        this.httpClient = requireNonNull(client, "client is null");
        return this;
    }

    /** Sets the clock, for example a fixed one so REST ticks get a known receive time. */
    public TestExchangeContext clock(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
        return this;
    }

    /** Sets the scheduler, for connectors that run timers of their own. */
    public TestExchangeContext scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = requireNonNull(scheduler, "scheduler is null");
        return this;
    }

    @Override
    public String exchangeId() {
        return exchangeId;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Set<Channel> channels() {
        return Collections.unmodifiableSet(channels);
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    /**
     * The options set, checked against the options the plugin of this exchange id declares (found on the class path
     * with {@link ServiceLoader}, or given with {@link #declaredOptions}).
     *
     * @throws dev.pricefeed.config.ConfigException listing every option that is unknown or has a bad value
     */
    @Override
    public OptionValues options() {
        List<OptionSpec> declarations = declared != null ? declared : ServiceLoader.load(ExchangeProvider.class)
                .stream().map(ServiceLoader.Provider::get).filter(p -> p.id().equals(exchangeId)).findFirst()
                .map(ExchangeProvider::options).orElse(List.of());
        return PluginOptions.of(exchangeId, declarations, options);
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    @Override
    public HttpClient httpClient() {
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
    public ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            throw new UnsupportedOperationException("this test context has no scheduler; set one with scheduler(...)");
        }
        return scheduler;
    }
}
