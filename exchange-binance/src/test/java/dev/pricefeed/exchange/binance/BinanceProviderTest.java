package dev.pricefeed.exchange.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.testkit.RecordingSink;
import dev.pricefeed.testkit.TestExchangeContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class BinanceProviderTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    @Test
    void serviceLoaderFindsTheProvider() {
        assertThat(ServiceLoader.load(ExchangeProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(BinanceProvider.class);
    }

    @Test
    void providerDescribesItself() {
        BinanceProvider provider = new BinanceProvider();

        assertThat(provider.id()).isEqualTo("binance");
        assertThat(provider.spiVersion()).isEqualTo(Spi.VERSION);
        assertThat(provider.version()).isEqualTo(System.getProperty("binance.module.version"));
        assertThat(provider.artifact()).isEqualTo("dev.pricefeed:pricefeed-exchange-binance");
        assertThat(provider.capabilities()).containsExactlyInAnyOrder(Capability.TICKER, Capability.TRADES,
                Capability.HISTORY);
    }

    @Test
    void limitsFollowBinanceRules() {
        Limits limits = connector(context("BTC/USDT")).limits();

        assertThat(limits.maxWeightPerConnection()).isEqualTo(1024);
        assertThat(limits.maxSubscriptionsPerMessage()).isEqualTo(100);
        assertThat(limits.maxMessagesPerWindow()).isEqualTo(4);
        assertThat(limits.messageWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(limits.maxConnectionLifetime()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void optionsLowerTheStreamLimitAndShortenTheLifetime() {
        Limits limits = connector(context("BTC/USDT").option("max-streams-per-connection", "6")
                .option("connection-lifetime", "3s")).limits();

        assertThat(limits.maxWeightPerConnection()).isEqualTo(6);
        assertThat(limits.maxConnectionLifetime()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badOptionsAreRejectedWithTheirKey() {
        assertThatThrownBy(() -> connector(context("BTC/USDT").option("max-streams-per-connection", "5000")))
                .hasMessageContaining("binance.max-streams-per-connection");
        assertThatThrownBy(() -> connector(context("BTC/USDT").option("connection-lifetime", "soon")))
                .hasMessageContaining("binance.connection-lifetime");
    }

    @Test
    void tickerWeighsTwoStreamsAndTradesOne() {
        ExchangeConnector connector = connector(context("BTC/USDT"));

        assertThat(connector.weight(new Subscription(Channel.TICKER, BTC_USDT))).isEqualTo(2);
        assertThat(connector.weight(new Subscription(Channel.TRADES, BTC_USDT))).isEqualTo(1);
        assertThat(connector.route(new Subscription(Channel.TICKER, BTC_USDT))).isEqualTo("public");
    }

    @Test
    void productionConnectionUsesTheCombinedEndpointAndOurPings() throws Exception {
        ConnectionSession session = connector(context("BTC/USDT"))
                .connect("public", List.of(new Subscription(Channel.TICKER, BTC_USDT)));

        assertThat(session.uri()).isEqualTo(URI.create("wss://stream.binance.com:9443/stream"));
        assertThat(session.awaitsWelcome()).isFalse();
        assertThat(session.keepAlive()).isEqualTo(KeepAlive.pingFrames(Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofSeconds(5)));
    }

    @Test
    void tradeOnlyConnectionToleratesQuietMarkets() throws Exception {
        ConnectionSession session = connector(context("BTC/USDT"))
                .connect("public", List.of(new Subscription(Channel.TRADES, BTC_USDT)));

        // a quiet market sends no data, but the pongs to our pings keep the connection alive
        assertThat(session.keepAlive().ping()).isEqualTo(KeepAlive.Ping.WEBSOCKET_FRAME);
        assertThat(session.keepAlive().pingInterval()).isLessThan(session.keepAlive().livenessTimeout());
    }

    @Test
    void websocketOverrideWithoutPathGetsTheCombinedEndpoint() throws Exception {
        TestExchangeContext context = context("BTC/USDT")
                .endpoint("websocket", URI.create("wss://data-stream.binance.vision"));
        assertThat(connector(context).connect("public", List.of()).uri())
                .isEqualTo(URI.create("wss://data-stream.binance.vision/stream"));

        TestExchangeContext raw = context("BTC/USDT").endpoint("websocket", URI.create("ws://127.0.0.1:9/ws"));
        assertThat(connector(raw).connect("public", List.of()).uri()).isEqualTo(URI.create("ws://127.0.0.1:9/ws"));
    }

    @Test
    void privateChannelsAreRefusedWithAReason() {
        ExchangeConnector connector = connector(context("BTC/USDT"));
        Subscription executions = new Subscription(Channel.EXECUTIONS, null);

        assertThat(connector.route(executions)).isEqualTo("private");
        assertThatThrownBy(() -> connector.connect("private", List.of(executions)))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("public channels only");
    }

    @Test
    void replayParserReadsDataFrames() {
        RecordingSink sink = new RecordingSink()
                .forbid(RecordingSink.Call.ACCOUNT, RecordingSink.Call.PONG, RecordingSink.Call.WELCOME);
        connector(context("BNB/BTC")).newParser(Optional.empty()).parse(Samples.read("trade-event.json"), sink);

        assertThat(sink.trades()).hasSize(1);
    }

    @Test
    void pollIntervalFollowsRequestWeight() {
        ExchangeConnector connector = connector(context("BTC/USDT"));

        assertThat(BinancePoller.weight(1)).isEqualTo(6);
        assertThat(BinancePoller.weight(20)).isEqualTo(6);
        assertThat(BinancePoller.weight(21)).isEqualTo(8);
        assertThat(BinancePoller.weight(101)).isEqualTo(8 + 12);
        assertThat(connector.poller().minInterval(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(connector.poller().minInterval(100)).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void symbolArrayIsUrlEncodedJson() {
        assertThat(BinancePoller.array(List.of("BTCUSDT", "ETHUSDT")))
                .isEqualTo("%5B%22BTCUSDT%22%2C%22ETHUSDT%22%5D");
    }

    private static TestExchangeContext context(String instrument) {
        return new TestExchangeContext(BinanceProvider.ID, instrument);
    }

    private static ExchangeConnector connector(TestExchangeContext context) {
        return new BinanceProvider().create(context);
    }
}
