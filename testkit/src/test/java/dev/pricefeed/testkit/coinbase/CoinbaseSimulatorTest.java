package dev.pricefeed.testkit.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoinbaseSimulatorTest {

    private static final Instrument BTC_USD = Instrument.of("BTC/USD");

    private CoinbaseSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void closesAConnectionThatDoesNotSubscribeWithinTheDeadline() throws Exception {
        simulator = CoinbaseSimulator.builder().subscribeDeadline(Duration.ofMillis(200)).start();
        try (WsClient client = new WsClient(simulator.server().wsUri("/"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.closeCode != null);

            assertThat(client.closeCode).isEqualTo(1008);
            assertThat(simulator.subscribeTimings()).containsExactly(new SubscribeTiming(1, null, true));
        }
    }

    @Test
    void exchangeRepliesWithEverySubscriptionAndSendsHeartbeatsWithTheProductSequence() throws Exception {
        simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(50)).start();
        try (WsClient client = new WsClient(simulator.server().wsUri("/"))) {
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"ticker\",\"heartbeat\"]}");

            assertThat(client.awaitMessage(m -> m.contains("\"subscriptions\""))).isEqualTo("{\"type\":\"subscriptions\","
                    + "\"channels\":[{\"name\":\"heartbeat\",\"product_ids\":[\"BTC-USD\"]},"
                    + "{\"name\":\"ticker\",\"product_ids\":[\"BTC-USD\"]}]}");
            assertThat(client.awaitMessage(m -> m.contains("\"heartbeat\"") && !m.contains("subscriptions")))
                    .startsWith("{\"type\":\"heartbeat\",\"sequence\":1000,\"last_trade_id\":100,\"product_id\":\"BTC-USD\"");
            assertThat(simulator.tickerSubscriptions(BTC_USD)).isEqualTo(1);
            assertThat(simulator.subscribeTimings()).singleElement()
                    .satisfies(timing -> assertThat(timing.subscribedAfter()).isNotNull());
        }
    }

    @Test
    void exchangeMatchNamesTheMakersSideAndTheGapCommandSkipsTradeIds() throws Exception {
        simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofSeconds(10)).sequenceStride(1).start();
        try (WsClient client = new WsClient(simulator.server().wsUri("/"))) {
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"matches\"]}");
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.subscriptions("matches", BTC_USD) == 1);

            simulator.publishTrade(BTC_USD, "100.5", "0.25", Side.BUY);
            simulator.sequenceGap(BTC_USD, 2);
            simulator.publishTrade(BTC_USD, "100.6", "0.5", Side.SELL);

            List<String> matches = client.awaitAll(m -> m.contains("\"type\":\"match\""), 2);
            assertThat(matches.get(0)).contains("\"trade_id\":101", "\"sequence\":1001", "\"side\":\"sell\"",
                    "\"price\":\"100.5\"");
            assertThat(matches.get(1)).contains("\"trade_id\":104", "\"sequence\":1004", "\"side\":\"buy\"");
        }
    }

    @Test
    void exchangeRefusesAnUnknownProductWithCoinbasesError() throws Exception {
        simulator = CoinbaseSimulator.start();
        try (WsClient client = new WsClient(simulator.server().wsUri("/"))) {
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"GIBBERISH-USD\"],\"channels\":[\"ticker\"]}");

            assertThat(client.awaitMessage(m -> m.contains("error"))).isEqualTo("{\"type\":\"error\","
                    + "\"message\":\"Failed to subscribe\",\"reason\":\"GIBBERISH-USD is not a valid product\"}");
        }
    }

    @Test
    void advancedTradeTakesOneChannelPerMessageAndNumbersEveryMessageOfTheConnection() throws Exception {
        simulator = CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(50)).start();
        try (WsClient client = new WsClient(simulator.server().wsUri("/advanced"))) {
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channels\":[\"ticker\"]}");
            assertThat(client.awaitMessage(m -> m.contains("error"))).startsWith("{\"type\":\"error\",\"message\":");

            client.send("{\"type\":\"subscribe\",\"channel\":\"heartbeats\"}");
            client.send("{\"type\":\"subscribe\",\"product_ids\":[\"BTC-USD\"],\"channel\":\"ticker\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.tickerSubscriptions(BTC_USD) == 1);
            simulator.publishTicker(BTC_USD, "10.5", "10.4", "10.6");

            String ticker = client.awaitMessage(m -> m.startsWith("{\"channel\":\"ticker\""));
            assertThat(ticker).contains("\"price\":\"10.5\"", "\"best_bid\":\"10.4\"", "\"best_ask_quantity\":");
            String heartbeat = client.awaitMessage(m -> m.startsWith("{\"channel\":\"heartbeats\""));
            assertThat(heartbeat).contains("+0000 UTC m=+", "\"heartbeat_counter\":");
            List<Long> numbers = client.messages.stream().filter(m -> m.startsWith("{\"channel\""))
                    .map(m -> Long.parseLong(m.replaceAll(".*\"sequence_num\":(\\d+).*", "$1"))).toList();
            assertThat(numbers).startsWith(0L, 1L, 2L).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void restListsProductsAndAnswersTheTickerOnceOneIsSet() throws Exception {
        simulator = CoinbaseSimulator.start();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> before = http.send(HttpRequest.newBuilder(uri("/products/BTC-USD/ticker")).build(),
                HttpResponse.BodyHandlers.ofString());
        simulator.setRestTicker(BTC_USD, "6268.48", "6265.15", "6267.71");
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(uri("/products/BTC-USD/ticker")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> products = http.send(HttpRequest.newBuilder(uri("/products")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(before.statusCode()).isEqualTo(404);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("\"price\":\"6268.48\"", "\"bid\":\"6265.15\"", "\"ask\":\"6267.71\"");
        assertThat(products.body()).contains("{\"id\":\"BTC-USD\",\"base_currency\":\"BTC\",\"quote_currency\":\"USD\"",
                "{\"id\":\"ETH-USD\",");
    }

    private URI uri(String path) {
        return simulator.server().httpUri(path);
    }
}
