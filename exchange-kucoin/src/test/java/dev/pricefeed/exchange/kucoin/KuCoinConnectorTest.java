package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.TestExchangeContext;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class KuCoinConnectorTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");

    @Test
    void providerIsFoundByServiceLoaderWithItsOwnVersion() {
        ExchangeProvider provider = ServiceLoader.load(ExchangeProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("kucoin")).findFirst().orElseThrow();

        assertThat(provider).isInstanceOf(KuCoinProvider.class);
        assertThat(provider.spiVersion()).isEqualTo(Spi.VERSION);
        assertThat(provider.version()).isNotBlank().doesNotContain("${").isNotEqualTo("unknown");
        assertThat(provider.capabilities()).contains(Capability.TICKER, Capability.TRADES)
                .doesNotContain(Capability.PRIVATE_CHANNELS);
        assertThat(provider.artifact()).isEqualTo("dev.pricefeed:pricefeed-exchange-kucoin");
    }

    @Test
    void limitsAreKuCoinsByDefault() {
        KuCoinConnector connector = new KuCoinConnector(context());

        assertThat(connector.limits()).isEqualTo(new Limits(400, 100, 100, Duration.ofSeconds(10), null));
        assertThat(connector.weight(new Subscription(Channel.TICKER, BTC))).isEqualTo(2);
        assertThat(connector.weight(new Subscription(Channel.TRADES, BTC))).isEqualTo(1);
    }

    @Test
    void statsMakeATickerThreeTopics() {
        KuCoinConnector connector = new KuCoinConnector(context().option("stats", "true"));

        assertThat(connector.weight(new Subscription(Channel.TICKER, BTC))).isEqualTo(3);
    }

    @Test
    void limitsCanBeLowered() {
        KuCoinConnector connector = new KuCoinConnector(context()
                .option("max-topics-per-connection", "4").option("max-topics-per-message", "2"));

        assertThat(connector.limits().maxWeightPerConnection()).isEqualTo(4);
        assertThat(connector.limits().maxSubscriptionsPerMessage()).isEqualTo(2);
    }

    @Test
    void badOptionsAreRejectedWithTheirKey() {
        assertThatThrownBy(() -> new KuCoinConnector(context().option("stats", "yes")))
                .hasMessageContaining("kucoin.stats");
        assertThatThrownBy(() -> new KuCoinConnector(context().option("max-topics-per-message", "x")))
                .hasMessageContaining("kucoin.max-topics-per-message");
        assertThatThrownBy(() -> new KuCoinConnector(context().option("stats", "true")
                .option("max-topics-per-connection", "2"))).hasMessageContaining("kucoin.max-topics-per-connection");
    }

    @Test
    void privateRouteIsRefusedAsUnsupported() {
        KuCoinConnector connector = new KuCoinConnector(context());

        assertThat(connector.route(new Subscription(Channel.EXECUTIONS, null))).isEqualTo("private");
        assertThat(connector.route(new Subscription(Channel.TICKER, BTC))).isEqualTo("public");
        assertThatThrownBy(() -> connector.connect("private", List.of(new Subscription(Channel.EXECUTIONS, null))))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("private channels");
    }

    @Test
    void tokenAndConnectIdAreAddedToTheEndpoint() {
        assertThat(KuCoinConnector.withToken(URI.create("wss://ws-api-spot.kucoin.com/"), "a+b=", "c1"))
                .isEqualTo(URI.create("wss://ws-api-spot.kucoin.com/?token=a%2Bb%3D&connectId=c1"));
        assertThat(KuCoinConnector.withToken(URI.create("ws://127.0.0.1:9/ws?x=1"), "t", "c2"))
                .isEqualTo(URI.create("ws://127.0.0.1:9/ws?x=1&token=t&connectId=c2"));
    }

    @Test
    void restPathsGoUnderTheBase() {
        assertThat(KuCoinConnector.resolve(URI.create("http://127.0.0.1:8080/"), "/api/v2/symbols"))
                .isEqualTo(URI.create("http://127.0.0.1:8080/api/v2/symbols"));
        assertThat(KuCoinConnector.resolve(URI.create("https://api.kucoin.com"), "/api/v1/market/allTickers"))
                .isEqualTo(URI.create("https://api.kucoin.com/api/v1/market/allTickers"));
    }

    @Test
    void symbolsMapBothWaysAndKeepUsdApartFromUsdt() {
        SymbolMapper symbols = new SeparatorSymbols('-');

        assertThat(symbols.toNative(BTC)).isEqualTo("BTC-USDT");
        assertThat(symbols.toNative(Instrument.of("BTC/USD"))).isEqualTo("BTC-USD");
        assertThat(symbols.fromNative("BTC-USDT")).isEqualTo(BTC);
        assertThat(symbols.fromNative("1INCH-USDT")).isEqualTo(Instrument.of("1INCH/USDT"));
        assertThat(symbols.fromNative("BTCUSDT")).isNull();
        assertThat(symbols.fromNative("btc-usdt")).isNull();
        assertThat(symbols.fromNative("A-B-C")).isNull();
    }

    @Test
    void pollerPacesWithinThePublicWeightBudget() {
        KuCoinPoller poller = (KuCoinPoller) new KuCoinConnector(context()).poller();

        // level1 weighs 2: one instrument costs 2 of the 1000 weight per 30 s this plugin allows itself
        assertThat(poller.minInterval(1)).isEqualTo(Duration.ofMillis(60));
        assertThat(poller.minInterval(5)).isEqualTo(Duration.ofMillis(300));
        // allTickers weighs 15 but is refreshed only every 2 s
        assertThat(poller.minInterval(6)).isEqualTo(Duration.ofSeconds(2));
    }

    private static TestExchangeContext context() {
        return new TestExchangeContext(KuCoinProvider.ID, "BTC/USDT");
    }
}
