package dev.pricefeed.exchange.binance;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** An ExchangeContext for unit tests: instruments, endpoints and options from maps, a fixed clock. */
final class TestContext implements ExchangeContext {

    private final List<Instrument> instruments;
    private final Map<String, URI> endpoints = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private HttpClient http;

    TestContext(String... instruments) {
        this.instruments = java.util.Arrays.stream(instruments).map(Instrument::of).toList();
    }

    TestContext endpoint(String name, String uri) {
        endpoints.put(name, URI.create(uri));
        return this;
    }

    TestContext option(String key, String value) {
        options.put(key, value);
        return this;
    }

    TestContext http(HttpClient client) {
        this.http = client;
        return this;
    }

    @Override
    public String exchangeId() {
        return "binance";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Set<Channel> channels() {
        return EnumSet.of(Channel.TICKER, Channel.TRADES);
    }

    @Override
    public Optional<URI> endpoint(String name) {
        return Optional.ofNullable(endpoints.get(name));
    }

    @Override
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.empty();
    }

    @Override
    public HttpClient httpClient() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        }
        return http;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(RecordingSink.RECEIVED, ZoneOffset.UTC);
    }

    @Override
    public ScheduledExecutorService scheduler() {
        throw new UnsupportedOperationException("the Binance connector schedules nothing");
    }
}
