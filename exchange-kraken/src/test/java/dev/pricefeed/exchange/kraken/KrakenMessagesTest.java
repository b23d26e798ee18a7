package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Subscription;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The frames a Kraken session sends. */
class KrakenMessagesTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");
    private static final Instrument DOGE_USD = Instrument.of("XDG/USD");

    private final KrakenSymbols symbols = new KrakenSymbols(new KrakenPairCatalog());

    private KrakenSession session(String eventTrigger, String token) {
        return new KrakenSession(URI.create("wss://ws.kraken.com/v2"), List.of(), symbols,
                eventTrigger, token,
                new KrakenConnectionState(symbols));
    }

    @Test
    @DisplayName("one subscribe per channel with v2 symbols, explicit snapshot and event trigger, own req_id")
    void publicSubscribes() {
        List<String> messages = session("trades", null).subscribeMessages(List.of(
                new Subscription(Channel.TICKER, BTC_USD), new Subscription(Channel.TRADES, BTC_USD),
                new Subscription(Channel.TICKER, DOGE_USD)));

        assertThat(messages).containsExactly(
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\",\"symbol\":[\"BTC/USD\",\"DOGE/USD\"],"
                        + "\"event_trigger\":\"trades\",\"snapshot\":true},\"req_id\":1}",
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"BTC/USD\"],"
                        + "\"snapshot\":true},\"req_id\":2}");
    }

    @Test
    @DisplayName("the bbo event trigger is sent when configured")
    void bboTrigger() {
        assertThat(session("bbo", null).subscribeMessages(List.of(new Subscription(Channel.TICKER, BTC_USD))))
                .singleElement().asString().contains("\"event_trigger\":\"bbo\"");
    }

    @Test
    @DisplayName("private subscribes carry the token in every message")
    void privateSubscribes() {
        List<String> messages = session("trades", "tok\"en").subscribeMessages(List.of(
                new Subscription(Channel.EXECUTIONS, null), new Subscription(Channel.BALANCES, null)));

        assertThat(messages).containsExactly(
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"executions\",\"token\":\"tok\\\"en\","
                        + "\"snap_orders\":true,\"snap_trades\":false},\"req_id\":1}",
                "{\"method\":\"subscribe\",\"params\":{\"channel\":\"balances\",\"token\":\"tok\\\"en\","
                        + "\"snapshot\":true},\"req_id\":2}");
    }

    @Test
    @DisplayName("the application ping is Kraken's {method: ping, req_id}; the token never shows in toString")
    void pingAndKeepAlive() {
        KrakenSession session = session("trades", "secret-token");

        assertThat(session.pingMessage(101)).isEqualTo("{\"method\":\"ping\",\"req_id\":101}");
        assertThat(session.keepAlive().ping()).isEqualTo(KeepAlive.Ping.APPLICATION_MESSAGE);
        assertThat(session.keepAlive().pingInterval()).isLessThan(session.keepAlive().livenessTimeout());
        assertThat(session.toString()).doesNotContain("secret-token");
    }

    @Test
    @DisplayName("our subscribe matches the shape of Kraken's documented trade subscribe")
    void matchesDocumentedShape() {
        String ours = session("trades", null).subscribeMessages(
                List.of(new Subscription(Channel.TRADES, Instrument.of("MATIC/USD")))).get(0);
        String documented = Samples.read("v2-subscribe-trade-request.json").replaceAll("\\s", "");

        assertThat(ours.replace(",\"req_id\":1", "")).isEqualTo(documented);
    }
}
