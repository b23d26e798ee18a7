package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The connector's REST side: fallback ticker, pair catalog and WebSocket tokens, against local servers only. */
class KrakenRestTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument DOGE_USD = Instrument.of("DOGE/USD");
    private static final Instrument ETH_BTC = Instrument.of("ETH/BTC");

    private final KrakenSimulator simulator = KrakenSimulator.start();
    private EmulatorServer stub;

    @AfterEach
    void stop() {
        simulator.close();
        if (stub != null) {
            stub.close();
        }
    }

    private ExchangeConnector connector(TestExchangeContext context) {
        return new KrakenProvider().create(context);
    }

    private TestExchangeContext simulatorContext() {
        return new TestExchangeContext(KrakenProvider.ID, "BTC/USD").endpoint("rest", simulator.server().httpUri("/"))
                .endpoint("websocket", simulator.server().wsUri(KrakenSimulator.PUBLIC_PATH))
                .endpoint("websocket-auth", simulator.server().wsUri(KrakenSimulator.PRIVATE_PATH));
    }

    /** A server that answers every HTTP call with what the function gives. */
    private TestExchangeContext stubContext(Function<HttpCall, HttpReply> answer) {
        stub = EmulatorServer.start(new EmulatorHandler() {
            @Override
            public HttpReply onHttp(HttpCall call) {
                return answer.apply(call);
            }
        });
        return new TestExchangeContext(KrakenProvider.ID, "BTC/USD").endpoint("rest", stub.httpUri("/"));
    }

    @Test
    @DisplayName("the REST Ticker sample is read exactly and its XXBTZUSD key mapped back to BTC/USD")
    void readsTheTickerSample() throws Exception {
        ExchangeConnector connector = connector(stubContext(call -> HttpReply.json(
                Samples.read("rest-ticker-response.json"))));

        List<Tick> ticks = connector.poller().poll(List.of(BTC_USD, DOGE_USD));

        assertThat(stub.httpCalls()).singleElement().satisfies(call -> {
            assertThat(call.path()).isEqualTo("/0/public/Ticker");
            assertThat(call.queryParams()).containsEntry("pair", "XBTUSD,XDGUSD");
        });
        assertThat(ticks).singleElement().satisfies(tick -> {
            assertThat(tick.exchange()).isEqualTo("kraken");
            assertThat(tick.instrument()).isEqualTo(BTC_USD);
            assertThat(tick.ask()).isEqualTo(new BigDecimal("30300.10000"));
            assertThat(tick.askSize()).isEqualTo(new BigDecimal("1.000"));
            assertThat(tick.bid()).isEqualTo(new BigDecimal("30300.00000"));
            assertThat(tick.bidSize()).isEqualTo(new BigDecimal("1.000"));
            assertThat(tick.last()).isEqualTo(new BigDecimal("30303.20000"));
            assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.00067643"));
            assertThat(tick.volume()).isEqualTo(new BigDecimal("4412.73601799"));
            assertThat(tick.vwap()).isEqualTo(new BigDecimal("30689.13205"));
            assertThat(tick.low()).isEqualTo(new BigDecimal("29868.30000"));
            assertThat(tick.high()).isEqualTo(new BigDecimal("31631.00000"));
            assertThat(tick.open()).as("REST o is today's open, not the 24 h open").isNull();
        });
    }

    @Test
    @DisplayName("one Ticker call for all instruments; result keys mapped back, with and without the catalog")
    void pollsAllInstrumentsInOneCall() throws Exception {
        simulator.setRestTicker(BTC_USD, "30000.5", "30000.4", "30000.6");
        simulator.setRestTicker(DOGE_USD, "0.0712", "0.07119", "0.07121");
        simulator.setRestTicker(ETH_BTC, "0.05123", "0.05122", "0.05124");
        ExchangeConnector connector = connector(simulatorContext());
        List<Instrument> instruments = List.of(BTC_USD, DOGE_USD, ETH_BTC);

        List<Tick> withoutCatalog = connector.poller().poll(instruments);
        connector.listInstruments();
        List<Tick> withCatalog = connector.poller().poll(instruments);

        for (List<Tick> ticks : List.of(withoutCatalog, withCatalog)) {
            assertThat(ticks).extracting(Tick::instrument).containsExactlyInAnyOrder(BTC_USD, DOGE_USD, ETH_BTC);
            assertThat(ticks).filteredOn(t -> t.instrument().equals(DOGE_USD)).singleElement()
                    .satisfies(t -> assertThat(t.last()).isEqualTo(new BigDecimal("0.0712")));
            assertThat(ticks).filteredOn(t -> t.instrument().equals(ETH_BTC)).singleElement()
                    .satisfies(t -> assertThat(t.bid()).isEqualTo(new BigDecimal("0.05122")));
        }
        assertThat(simulator.server().httpCalls()).filteredOn(c -> c.path().equals("/0/public/Ticker")).hasSize(2)
                .allSatisfy(c -> assertThat(c.queryParams().get("pair")).isEqualTo("XBTUSD,XDGUSD,ETHXBT"));
        assertThat(connector.poller().minInterval(3)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("EAPI:Rate limit exceeded in the error array and HTTP 429 both mean: wait")
    void rateLimits() {
        ExchangeConnector connector = connector(simulatorContext());
        simulator.rateLimitRest(1);

        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USD)))
                .isInstanceOf(RateLimitedException.class).hasMessageContaining("EAPI:Rate limit exceeded");

        simulator.server().failHttp("/0/public/Ticker", 429, "{\"error\":[]}", Duration.ofSeconds(3), 1);
        assertThatThrownBy(() -> connector.poller().poll(List.of(BTC_USD)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    @DisplayName("Kraken's other errors come back with their text")
    void otherErrors() {
        ExchangeConnector connector = connector(simulatorContext());

        assertThatThrownBy(() -> connector.poller().poll(List.of(Instrument.of("FOO/USD"))))
                .isInstanceOf(IOException.class).isNotInstanceOf(RateLimitedException.class)
                .hasMessageContaining("EQuery:Unknown asset pair");
    }

    @Test
    @DisplayName("AssetPairs: legacy wsnames become v2 instruments (XBT/USD -> BTC/USD, XDG/USD -> DOGE/USD)")
    void listsInstruments() throws Exception {
        ExchangeConnector connector = connector(simulatorContext());

        assertThat(connector.listInstruments().orElseThrow()).containsExactlyInAnyOrderElementsOf(
                KrakenSimulator.DEFAULT_INSTRUMENTS.stream().map(Instrument::of).toList());
    }

    @Test
    @DisplayName("AssetPairs unreachable is an IOException (the runtime then skips validation)")
    void listingUnreachable() {
        ExchangeConnector connector = connector(stubContext(call -> HttpReply.status(503, "down")));

        assertThatThrownBy(connector::listInstruments).isInstanceOf(IOException.class).hasMessageContaining("503");
    }

    @Test
    @DisplayName("the GetWebSocketsToken sample is read and its token sent in every private subscribe")
    void readsTheTokenSample() throws Exception {
        TestExchangeContext context = stubContext(
                call -> HttpReply.json(Samples.read("rest-getwebsocketstoken-response.json")))
                .credentials(KrakenSimulator.API_KEY, KrakenSimulator.API_SECRET);
        ExchangeConnector connector = connector(context);
        List<Subscription> subscriptions = List.of(new Subscription(Channel.BALANCES, null));

        ConnectionSession session = connector.connect(connector.route(subscriptions.get(0)), subscriptions);

        assertThat(session.uri()).isEqualTo(KrakenEndpoints.WEBSOCKET_AUTH);
        assertThat(session.subscribeMessages(subscriptions)).singleElement().asString()
                .contains("\"token\":\"1Dwc4lzSwNWOAwkMdqhssNNFhs1ed606d1WcF3XfEMw\"");
        assertThat(stub.httpCalls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.path()).isEqualTo("/0/private/GetWebSocketsToken");
            assertThat(call.body()).matches("nonce=\\d+");
            assertThat(call.header("API-Key")).contains(KrakenSimulator.API_KEY);
            assertThat(call.header("API-Sign")).isPresent();
        });
    }

    @Test
    @DisplayName("every private connect gets a fresh token that the simulator's signature check accepts")
    void freshTokenPerConnect() throws Exception {
        ExchangeConnector connector = connector(simulatorContext()
                .credentials(KrakenSimulator.API_KEY, KrakenSimulator.API_SECRET));
        List<Subscription> subscriptions = List.of(new Subscription(Channel.EXECUTIONS, null));

        String first = connector.connect("private", subscriptions).subscribeMessages(subscriptions).get(0);
        String second = connector.connect("private", subscriptions).subscribeMessages(subscriptions).get(0);

        assertThat(simulator.issuedTokens()).hasSize(2).doesNotHaveDuplicates();
        assertThat(first).contains(simulator.issuedTokens().get(0));
        assertThat(second).contains(simulator.issuedTokens().get(1));
    }

    @Test
    @DisplayName("missing credentials are an AuthenticationException naming the settings")
    void missingCredentials() {
        ExchangeConnector connector = connector(simulatorContext());
        List<Subscription> subscriptions = List.of(new Subscription(Channel.BALANCES, null));

        assertThatThrownBy(() -> connector.connect("private", subscriptions))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("KRAKEN_API_KEY").hasMessageContaining("KRAKEN_API_SECRET");
        assertThat(simulator.server().httpCalls()).isEmpty();
    }

    @Test
    @DisplayName("a refused key is an AuthenticationException with Kraken's text and without the secret")
    void refusedKey() {
        ExchangeConnector connector = connector(simulatorContext()
                .credentials("wrong-key-123", KrakenSimulator.API_SECRET));
        List<Subscription> subscriptions = List.of(new Subscription(Channel.BALANCES, null));

        assertThatThrownBy(() -> connector.connect("private", subscriptions))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("EAPI:Invalid key")
                .hasMessageNotContaining(KrakenSimulator.API_SECRET)
                .hasMessageNotContaining("wrong-key-123");
    }

    @Test
    @DisplayName("public connects need no HTTP; endpoints default to Kraken's production URLs")
    void endpoints() throws Exception {
        ExchangeConnector production = connector(new TestExchangeContext(KrakenProvider.ID, "BTC/USD"));
        ExchangeConnector local = connector(simulatorContext());
        List<Subscription> ticker = List.of(new Subscription(Channel.TICKER, BTC_USD));

        assertThat(production.connect("public", ticker).uri()).isEqualTo(KrakenEndpoints.WEBSOCKET);
        assertThat(local.connect("public", ticker).uri())
                .isEqualTo(simulator.server().wsUri(KrakenSimulator.PUBLIC_PATH));
        assertThat(production.route(ticker.get(0))).isEqualTo("public");
        assertThat(production.route(new Subscription(Channel.EXECUTIONS, null))).isEqualTo("private");
        assertThat(simulator.server().httpCalls()).isEmpty();
    }
}
