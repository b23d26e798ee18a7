package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.TestExchangeContext;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connector's bullet-public bootstrap and instrument listing against the simulator's HTTP side. */
class KuCoinBootstrapTest {

    private static final List<Subscription> TICKER = List.of(new Subscription(Channel.TICKER,
            Instrument.of("BTC/USDT")));

    private KuCoinSimulator simulator;
    private TestExchangeContext context;

    @BeforeEach
    void start() {
        simulator = KuCoinSimulator.start();
        context = new TestExchangeContext(KuCoinProvider.ID, "BTC/USDT")
                .endpoint("rest", simulator.server().httpUri("/"));
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void everyConnectPostsBulletPublicForAFreshTokenAndConnectId() throws Exception {
        KuCoinConnector connector = new KuCoinConnector(context);

        ConnectionSession first = connector.connect("public", TICKER);
        ConnectionSession second = connector.connect("public", TICKER);

        assertThat(simulator.issuedTokens()).hasSize(2);
        assertThat(query(first.uri())).containsEntry("token", simulator.issuedTokens().get(0));
        assertThat(query(second.uri())).containsEntry("token", simulator.issuedTokens().get(1));
        assertThat(query(first.uri()).get("connectId")).isNotBlank()
                .isNotEqualTo(query(second.uri()).get("connectId"));
        assertThat(first.uri().getPort()).isEqualTo(simulator.server().port());
        assertThat(first.awaitsWelcome()).isTrue();
        List<HttpCall> calls = simulator.server().httpCalls();
        assertThat(calls).extracting(HttpCall::method, HttpCall::path)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("POST", "/api/v1/bullet-public"));
    }

    @Test
    void keepAliveFollowsTheBulletAnswer() throws Exception {
        simulator.pingTimes(Duration.ofMillis(18000), Duration.ofMillis(10000));

        KeepAlive keepAlive = new KuCoinConnector(context).connect("public", TICKER).keepAlive();

        assertThat(keepAlive).isEqualTo(KeepAlive.applicationPing(Duration.ofSeconds(18), Duration.ofSeconds(10),
                Duration.ofSeconds(28)));
    }

    @Test
    void websocketOverrideReplacesTheAnnouncedEndpointButKeepsTokenAndConnectId() throws Exception {
        context.endpoint("websocket", URI.create("wss://proxy.example/kucoin"));

        URI uri = new KuCoinConnector(context).connect("public", TICKER).uri();

        assertThat(uri.getHost()).isEqualTo("proxy.example");
        assertThat(uri.getPath()).isEqualTo("/kucoin");
        assertThat(query(uri)).containsEntry("token", simulator.issuedTokens().get(0)).containsKey("connectId");
    }

    @Test
    void failedBootstrapIsAnIoExceptionSoTheRuntimeRetries() {
        simulator.server().failHttp("/api/v1/bullet-public", 500, "{\"code\":\"500000\",\"msg\":\"down\"}", null, 1);

        assertThatThrownBy(() -> new KuCoinConnector(context).connect("public", TICKER))
                .isInstanceOf(IOException.class).hasMessageContaining("500");
    }

    @Test
    void rateLimitedBootstrapSaysHowLongToWait() {
        simulator.server().failHttp("/api/v1/bullet-public", 429, "{\"code\":\"429000\",\"msg\":\"Too Many\"}",
                Duration.ofSeconds(3), 1);

        assertThatThrownBy(() -> new KuCoinConnector(context).connect("public", TICKER))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void instrumentsAreListedFromTheSymbolsCatalog() throws Exception {
        assertThat(new KuCoinConnector(context).listInstruments().orElseThrow())
                .containsExactlyInAnyOrder(Instrument.of("BTC/USDT"), Instrument.of("ETH/USDT"));
        assertThat(simulator.server().httpCalls()).extracting(HttpCall::path).containsExactly("/api/v2/symbols");
    }

    @Test
    void unreachableCatalogIsAnIoException() {
        simulator.server().failHttp("/api/v2/symbols", 503, "busy", null, 1);

        assertThatThrownBy(() -> new KuCoinConnector(context).listInstruments()).isInstanceOf(IOException.class);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
