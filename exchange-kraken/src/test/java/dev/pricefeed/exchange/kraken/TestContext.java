package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** An {@link ExchangeContext} for connector tests, with endpoints, options and credentials set by the test. */
final class TestContext implements ExchangeContext {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, URI> endpoints = new HashMap<>();
    private final Map<String, String> options = new HashMap<>();
    private Credentials credentials;
    private List<Instrument> instruments = List.of(Instrument.of("BTC/USD"));

    TestContext endpoint(String name, URI uri) {
        endpoints.put(name, uri);
        return this;
    }

    TestContext option(String key, String value) {
        options.put(key, value);
        return this;
    }

    TestContext credentials(String key, String secret) {
        credentials = new Credentials(key, secret);
        return this;
    }

    TestContext instruments(String... names) {
        instruments = Arrays.stream(names).map(Instrument::of).toList();
        return this;
    }

    @Override
    public String exchangeId() {
        return "kraken";
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TICKER);
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
        return Optional.ofNullable(credentials);
    }

    @Override
    public HttpClient httpClient() {
        return HTTP;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        throw new UnsupportedOperationException("the Kraken connector needs no scheduler");
    }
}
