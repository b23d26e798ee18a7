package dev.pricefeed.exchange.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.RecordingSink;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoinbaseSessionTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument ETH_USD = Instrument.of("ETH/USD");
    private static final URI URI_ = URI.create("ws://127.0.0.1:1/");

    private final SymbolMapper symbols = new SeparatorSymbols('-');

    @Test
    void exchangeSubscribesTickerAndHeartbeatForEveryProductInOneMessage() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.EXCHANGE, URI_, symbols);

        List<String> frames = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TICKER, ETH_USD)));

        assertThat(frames).containsExactly(
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],\"channels\":[\"ticker\",\"heartbeat\"]}");
    }

    @Test
    void exchangeAddsMatchesForTrades() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.EXCHANGE, URI_, symbols);

        List<String> frames = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TRADES, BTC_USD)));

        assertThat(frames).containsExactly(
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"ticker\",\"heartbeat\",\"matches\"]}");
    }

    @Test
    void exchangeNamesProductsPerChannelWhenChannelsCoverDifferentProducts() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.EXCHANGE, URI_, symbols);

        List<String> frames = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TICKER, ETH_USD),
                new Subscription(Channel.TRADES, ETH_USD)));

        assertThat(frames).containsExactly("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"],"
                + "\"channels\":[\"heartbeat\",{\"name\":\"ticker\",\"product_ids\":[\"BTC-USD\",\"ETH-USD\"]},"
                + "{\"name\":\"matches\",\"product_ids\":[\"ETH-USD\"]}]}");
    }

    @Test
    void advancedTradeSendsOneChannelPerMessageAndHeartbeatsOncePerConnection() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.ADVANCED_TRADE, URI_, symbols);

        List<String> first = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TRADES, BTC_USD)));
        List<String> second = session.subscribeMessages(List.of(new Subscription(Channel.TICKER, ETH_USD)));

        assertThat(first).containsExactly(
                "{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}",
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"ticker\"}",
                "{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"market_trades\"}");
        assertThat(second).containsExactly(
                "{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\"],\"channel\":\"ticker\"}");
    }

    @Test
    void eachAdvancedTradeSubscribeMessageIsCheckedByItsOwnReply() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.ADVANCED_TRADE, URI_, symbols);
        session.subscribeMessages(List.of(new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TRADES, BTC_USD)));
        RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

        session.newParser().parse(reply(0, "\"heartbeats\":[\"heartbeats\"]"), sink);
        session.newParser().parse(reply(1, "\"heartbeats\":[\"heartbeats\"],\"ticker\":[\"BTC-USD\"]"), sink);
        session.newParser().parse(reply(2, "\"heartbeats\":[\"heartbeats\"],\"ticker\":[\"BTC-USD\"],"
                + "\"market_trades\":[\"BTC-USD\"]"), sink);

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, BTC_USD),
                new RecordingSink.Subscribed(Channel.TRADES, BTC_USD));
        assertThat(sink.subscribeFailures()).isEmpty();
    }

    @Test
    void connectionIsKeptAliveByServerHeartbeats() {
        CoinbaseSession session = new CoinbaseSession(CoinbaseFeed.EXCHANGE, URI_, symbols);

        // heartbeats every second: a silent socket is replaced after max(3 x 1 s, 5 s)
        assertThat(session.keepAlive()).isEqualTo(KeepAlive.serverHeartbeats(Duration.ofSeconds(5)));
        assertThat(session.awaitsWelcome()).isFalse();
        assertThat(session.uri()).isEqualTo(URI_);
        assertThat(session.headers()).isEmpty();
    }

    private static String reply(long sequenceNum, String subscriptions) {
        return "{\"channel\":\"subscriptions\",\"timestamp\":\"2023-02-09T20:32:59.42Z\",\"sequence_num\":" + sequenceNum
                + ",\"events\":[{\"subscriptions\":{" + subscriptions + "}}]}";
    }
}
