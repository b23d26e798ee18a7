package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.support.RestCalls;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The REST side (product list, product ticker fallback) against the simulator's HTTP endpoints. */
class CoinbaseRestTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");

    private final CoinbaseSimulator simulator = CoinbaseSimulator.start();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ExchangeConnector connector = new CoinbaseProvider().create(context()
            .endpoint("websocket", simulator.server().wsUri("/")).endpoint("rest", simulator.server().httpUri("/")));

    @AfterEach
    void stop() {
        connector.close();
        scheduler.shutdownNow();
        simulator.close();
    }

    @Test
    void productListGivesEveryListedInstrument() throws Exception {
        assertThat(connector.listInstruments().orElseThrow()).containsExactlyInAnyOrder(BTC_USD, ETH_USD);
        assertThat(simulator.server().httpCalls()).extracting(HttpCall::path).containsExactly("/products");
    }

    @Test
    void pollAsksEachProductsTickerWithAUserAgentAndKeepsValuesExact() throws Exception {
        simulator.setRestTicker(BTC_USD, "67523.10", "67523.00", "67523.20");
        simulator.setRestTicker(ETH_USD, "3500.5", "3500.4", "3500.6");

        List<Tick> ticks = connector.poller().poll(List.of(BTC_USD, ETH_USD));

        assertThat(ticks).extracting(Tick::instrument).containsExactly(BTC_USD, ETH_USD);
        assertThat(ticks.get(0).last()).isEqualTo(new BigDecimal("67523.10"));
        assertThat(ticks.get(0).bid()).isEqualTo(new BigDecimal("67523.00"));
        assertThat(ticks.get(0).ask()).isEqualTo(new BigDecimal("67523.20"));
        assertThat(ticks.get(1).last()).isEqualTo(new BigDecimal("3500.5"));
        assertThat(simulator.server().httpCalls()).extracting(HttpCall::path)
                .containsExactly("/products/BTC-USD/ticker", "/products/ETH-USD/ticker");
        assertThat(simulator.server().httpCalls()).allSatisfy(call ->
                assertThat(call.header("User-Agent")).contains(RestCalls.USER_AGENT));
    }

    @Test
    void tooManyRequestsMakesTheRuntimeWaitAsCoinbaseSays() {
        simulator.setRestTicker(BTC_USD, "1", "1", "1");
        simulator.server().failHttp("/products/BTC-USD/ticker", 429, "{\"message\":\"Public rate limit exceeded\"}",
                Duration.ofSeconds(3), 1);

        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USD)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)))
                .hasMessageContaining("429");
    }

    @Test
    void oneProductFailingLeavesTheOthersTheirPrices() throws Exception {
        simulator.setRestTicker(ETH_USD, "3500.5", "3500.4", "3500.6");

        List<Tick> ticks = connector.poller().poll(List.of(BTC_USD, ETH_USD));

        assertThat(ticks).extracting(Tick::instrument).containsExactly(ETH_USD);
    }

    @Test
    void whenEveryProductFailsThePollFails() {
        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USD)))
                .isInstanceOf(IOException.class).hasMessageContaining("404");
    }

    @Test
    void feedOptionAndEndpointOverridesChooseWhereToConnect() throws Exception {
        ExchangeConnector advanced = new CoinbaseProvider().create(context().option("feed", "advanced-trade"));

        assertThat(advanced.connect("public", List.of()).uri()).isEqualTo(URI.create("wss://advanced-trade-ws.coinbase.com"));
        assertThat(connector.connect("public", List.of()).uri()).isEqualTo(simulator.server().wsUri("/"));
        assertThat(new CoinbaseProvider().create(context()).connect("public", List.of()).uri())
                .isEqualTo(URI.create("wss://ws-feed.exchange.coinbase.com"));
        assertThat(connector.limits().maxMessagesPerWindow()).isEqualTo(8);
        assertThat(connector.limits().messageWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(connector.limits().maxConnectionLifetime()).isNull();
    }

    /** A context for building a connector without a feed. */
    private TestExchangeContext context() {
        return new TestExchangeContext("coinbase", "BTC/USD", "ETH/USD").scheduler(scheduler);
    }
}
