package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.support.SeparatorSymbols;
import dev.pricefeed.testkit.RecordingSink;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KuCoinSessionTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");
    private static final Instrument ETH = Instrument.of("ETH/USDT");
    private static final URI URI_WITH_TOKEN = URI.create("wss://ws-api-spot.kucoin.com/?token=secret&connectId=c1");

    private final KeepAlive keepAlive = KeepAlive.applicationPing(Duration.ofSeconds(18), Duration.ofSeconds(10),
            Duration.ofSeconds(28));

    private KuCoinSession session(boolean stats) {
        return new KuCoinSession(URI_WITH_TOKEN, keepAlive, stats, new SeparatorSymbols('-'), new StreamOrder());
    }

    @Test
    void tickerSubscribeMatchesTheDocumentedRequest() {
        KuCoinSession session = session(false);

        List<String> messages = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC), new Subscription(Channel.TICKER, ETH)));

        // the documented request (samples/kucoin/ws-subscribe-ticker-request-docs.json), with the id as a string
        assertThat(messages).containsExactly(
                "{\"id\":\"1\",\"type\":\"subscribe\",\"topic\":\"/market/ticker:BTC-USDT,ETH-USDT\","
                        + "\"privateChannel\":false,\"response\":true}",
                "{\"id\":\"2\",\"type\":\"subscribe\",\"topic\":\"/spotMarket/level1:BTC-USDT,ETH-USDT\","
                        + "\"privateChannel\":false,\"response\":true}");
        assertThat(session.awaitsWelcome()).isTrue();
    }

    @Test
    void statsAddASnapshotMessageAndTradesAMatchMessage() {
        KuCoinSession session = session(true);

        List<String> messages = session.subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC), new Subscription(Channel.TRADES, BTC),
                new Subscription(Channel.TRADES, ETH)));

        assertThat(messages).hasSize(4);
        assertThat(messages.get(2)).contains("\"topic\":\"/market/snapshot:BTC-USDT\"");
        assertThat(messages.get(3)).contains("\"id\":\"4\"").contains("\"topic\":\"/market/match:BTC-USDT,ETH-USDT\"");
    }

    @Test
    void tickerIsSubscribedOnlyWhenBothItsTopicsAreAcknowledged() {
        KuCoinSession session = session(false);
        session.subscribeMessages(List.of(new Subscription(Channel.TICKER, BTC)));
        RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

        session.newParser().parse("{\"id\":\"1\",\"type\":\"ack\"}", sink);
        assertThat(sink.subscribed()).isEmpty();
        session.newParser().parse("{\"id\":\"2\",\"type\":\"ack\"}", sink);

        assertThat(sink.subscribed()).containsExactly(new RecordingSink.Subscribed(Channel.TICKER, BTC));
        assertThat(session.unansweredSubscribes()).isZero();
    }

    @Test
    void refusedTopicFailsTheSubscriptionOnceAndNeverConfirmsIt() {
        KuCoinSession session = session(false);
        session.subscribeMessages(List.of(new Subscription(Channel.TICKER, BTC)));
        RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

        session.newParser().parse("{\"id\":\"1\",\"type\":\"error\",\"code\":404,\"data\":\"topic is not found\"}", sink);
        session.newParser().parse("{\"id\":\"2\",\"type\":\"ack\"}", sink);

        assertThat(sink.subscribeFailures()).containsExactly(
                new RecordingSink.SubscribeFailure(Channel.TICKER, BTC, "KuCoin error 404: topic is not found"));
        assertThat(sink.subscribed()).isEmpty();
    }

    @Test
    void refusedTopicOfSeveralSymbolsSendsEachAgainAlone() {
        KuCoinSession session = session(false);
        Instrument eth = Instrument.of("ETH/USDT");
        List<Subscription> both = List.of(new Subscription(Channel.TICKER, BTC), new Subscription(Channel.TICKER, eth));
        session.subscribeMessages(both);
        RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.ACCOUNT);

        session.newParser().parse("{\"id\":\"1\",\"type\":\"error\",\"code\":404,\"data\":\"topic is not found\"}", sink);
        session.newParser().parse("{\"id\":\"2\",\"type\":\"error\",\"code\":404,\"data\":\"topic is not found\"}", sink);

        assertThat(sink.resentSeparately()).containsExactlyElementsOf(both);
        assertThat(sink.subscribeFailures()).isEmpty();
        assertThat(sink.subscribed()).isEmpty();
        assertThat(session.unansweredSubscribes()).isZero();
    }

    @Test
    void pingMatchesTheDocumentedShape() {
        assertThat(session(false).pingMessage(7)).isEqualTo("{\"id\":\"ping-7\",\"type\":\"ping\"}");
    }

    @Test
    void privateChannelsAreRefused() {
        assertThatThrownBy(() -> session(false).subscribeMessages(List.of(new Subscription(Channel.BALANCES, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BALANCES");
    }

    @Test
    void toStringHidesTheToken() {
        assertThat(session(false).toString()).doesNotContain("secret").contains("ws-api-spot.kucoin.com");
    }
}
