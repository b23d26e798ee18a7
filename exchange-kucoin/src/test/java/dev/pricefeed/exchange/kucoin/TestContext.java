package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.ExchangeContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/** A plain {@link ExchangeContext} for connector tests; options and endpoints are set by the test. */
final class TestContext implements ExchangeContext {

    final Map<String, String> options = new HashMap<>();
    final Map<String, URI> endpoints = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    TestContext option(String key, String value) {
        options.put(key, value);
        return this;
    }

    TestContext endpoint(String name, URI uri) {
        endpoints.put(name, uri);
        return this;
    }

    @Override
    public String exchangeId() {
        return "kucoin";
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(Instrument.of("BTC/USDT"));
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
        return Optional.empty();
    }

    @Override
    public HttpClient httpClient() {
        return http;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        throw new UnsupportedOperationException("the kucoin connector needs no scheduler");
    }
}
