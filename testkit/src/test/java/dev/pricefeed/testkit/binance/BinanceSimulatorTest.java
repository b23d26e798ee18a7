package dev.pricefeed.testkit.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BinanceSimulatorTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");

    private BinanceSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void combinedEndpointRepliesById() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream"))) {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@ticker\",\"btcusdt@bookTicker\"],\"id\":7}");
            assertThat(client.awaitMessage(m -> m.contains("\"id\":7"))).isEqualTo("{\"result\":null,\"id\":7}");

            simulator.publishTicker(BTC_USDT, "101.5", "101.4", "101.6");

            String book = client.awaitMessage(m -> m.startsWith("{\"stream\":\"btcusdt@bookTicker\""));
            assertThat(book).matches("\\{\"stream\":\"btcusdt@bookTicker\",\"data\":\\{\"u\":\\d+,\"s\":\"BTCUSDT\","
                    + "\"b\":\"101.4\",\"B\":\"1.00000000\",\"a\":\"101.6\",\"A\":\"1.00000000\"}}");
            String ticker = client.awaitMessage(m -> m.startsWith("{\"stream\":\"btcusdt@ticker\""));
            assertThat(ticker).contains("\"e\":\"24hrTicker\"", "\"c\":\"101.5\"", "\"s\":\"BTCUSDT\"");
            assertThat(simulator.tickerSubscriptions(BTC_USDT)).isEqualTo(1);
            assertThat(simulator.streams(1)).containsExactlyInAnyOrder("btcusdt@ticker", "btcusdt@bookTicker");
        }
    }

    @Test
    void rawEndpointWithStreamInPathSendsBareEvents() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/ws/btcusdt@trade"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.streams(1).contains("btcusdt@trade"));

            simulator.publishTrade(BTC_USDT, "100.5", "0.25", Side.SELL, "42");

            String trade = client.awaitMessage(m -> m.contains("\"e\":\"trade\""));
            assertThat(trade).startsWith("{\"e\":\"trade\"").contains("\"t\":42", "\"p\":\"100.5\"", "\"q\":\"0.25\"",
                    "\"m\":true");
        }
    }

    @Test
    void numberedTradesCountUpPerInstrument() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream?streams=btcusdt@trade"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.streams(1).contains("btcusdt@trade"));

            assertThat(simulator.publishNumberedTrade(BTC_USDT)).isEqualTo(1);
            assertThat(simulator.publishNumberedTrade(BTC_USDT)).isEqualTo(2);

            assertThat(client.awaitMessage(m -> m.contains("\"t\":2,"))).contains("\"p\":\"100.2\"");
        }
    }

    @Test
    void requestErrorsFollowTheDocumentedTable() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).maxMessagesPerSecond(100).start();
        simulator.refuseStream("btcusdt@depth");
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream"))) {
            client.send("not json");
            assertThat(client.awaitMessage(m -> m.contains("\"code\":3"))).startsWith("{\"code\":3,\"msg\":\"Invalid JSON");
            client.send("{\"method\":\"PING\",\"id\":1}");
            assertThat(client.awaitMessage(m -> m.contains("unknown variant"))).contains("\"code\":2", "`PING`");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@ticker\"],\"id\":\"abc\"}");
            assertThat(client.awaitMessage(m -> m.contains("unsigned integer"))).contains("\"code\":2");
            client.send("{\"params\":[],\"id\":2}");
            assertThat(client.awaitMessage(m -> m.contains("missing field"))).contains("\"code\":2");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@depth\"],\"id\":3}");
            assertThat(client.awaitMessage(m -> m.contains("\"id\":3")))
                    .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: invalid stream\",\"id\":3}");
            client.send("{\"method\":\"SET_PROPERTY\",\"params\":[\"speed\",true],\"id\":4}");
            assertThat(client.awaitMessage(m -> m.contains("\"id\":4")))
                    .isEqualTo("{\"code\":0,\"msg\":\"Unknown property\",\"id\":4}");
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":5}");
            client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":6}");
            assertThat(client.awaitMessage(m -> m.contains("\"id\":6")))
                    .isEqualTo("{\"result\":[\"btcusdt@trade\"],\"id\":6}");
            client.send("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":8}");
            assertThat(client.awaitMessage(m -> m.contains("\"id\":8"))).isEqualTo("{\"result\":true,\"id\":8}");
        }
    }

    @Test
    void streamLimitPerConnectionRefusesFurtherStreams() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).maxStreamsPerConnection(2).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream"))) {
            client.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@ticker\",\"btcusdt@bookTicker\","
                    + "\"btcusdt@trade\"],\"id\":1}");

            assertThat(client.awaitMessage(m -> m.contains("\"id\":1"))).contains("\"code\":2", "more than 2 streams");
            assertThat(simulator.streams(1)).isEmpty();
        }
    }

    @Test
    void clientSendingMoreThanFiveMessagesPerSecondIsDisconnected() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream"))) {
            for (int id = 1; id <= 6; id++) {
                client.send("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + id + "}");
            }

            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.server().connections().isEmpty());
            assertThat(simulator.rateViolations()).isEqualTo(1);
            assertThat(simulator.maxMessagesPerConnectionWithin(Duration.ofSeconds(1))).isEqualTo(6);
        }
    }

    @Test
    void serverShutdownIsWrappedOnCombinedAndBareOnRawConnections() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        try (JdkClient combined = new JdkClient(simulator.server().wsUri("/stream"));
                JdkClient raw = new JdkClient(simulator.server().wsUri("/ws"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> simulator.server().connections().size() == 2);

            simulator.serverShutdown();

            assertThat(combined.awaitMessage(m -> m.contains("serverShutdown")))
                    .matches("\\{\"stream\":\"!serverShutdown\",\"data\":\\{\"e\":\"serverShutdown\",\"E\":\\d+}}");
            assertThat(raw.awaitMessage(m -> m.contains("serverShutdown")))
                    .matches("\\{\"e\":\"serverShutdown\",\"E\":\\d+}");
        }
    }

    @Test
    void connectionIsClosedAtTheEndOfItsLifetime() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).lifetime(Duration.ofMillis(300)).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.closeCode != -1);

            assertThat(client.closeCode).isEqualTo(1001);
        }
    }

    @Test
    void tickerIsPushedPeriodicallyAndPingsAreAnswered() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(Duration.ofMillis(50))
                .pingEvery(Duration.ofMillis(50), Duration.ofMillis(500)).start();
        try (JdkClient client = new JdkClient(simulator.server().wsUri("/stream?streams=ethusdt@ticker"))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> client.messages.size() >= 3 && client.pings >= 3);

            assertThat(client.messages).allSatisfy(m -> assertThat(m).startsWith("{\"stream\":\"ethusdt@ticker\""));
            assertThat(simulator.server().awaitConnection(1, Duration.ofSeconds(1)).pongsReceived())
                    .isGreaterThanOrEqualTo(1);
            assertThat(simulator.server().connections()).hasSize(1);
        }
    }

    @Test
    void restAnswersTickersAndExchangeInfo() throws Exception {
        simulator = BinanceSimulator.builder().tickerInterval(null).start();
        simulator.setRestTicker(BTC_USDT, "30000.10", "30000.00", "30000.20");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> info = get(http, "/api/v3/exchangeInfo");
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("{\"symbol\":\"BTCUSDT\",\"status\":\"TRADING\",\"baseAsset\":\"BTC\"",
                "\"quoteAsset\":\"USDT\"");

        HttpResponse<String> book = get(http, "/api/v3/ticker/bookTicker?symbols=%5B%22BTCUSDT%22%5D");
        assertThat(book.body()).isEqualTo("[{\"symbol\":\"BTCUSDT\",\"bidPrice\":\"30000.00\",\"bidQty\":\"1.00000000\","
                + "\"askPrice\":\"30000.20\",\"askQty\":\"1.00000000\"}]");

        HttpResponse<String> day = get(http, "/api/v3/ticker/24hr?symbol=BTCUSDT");
        assertThat(day.body()).startsWith("{\"symbol\":\"BTCUSDT\"").contains("\"lastPrice\":\"30000.10\"");

        HttpResponse<String> invalid = get(http, "/api/v3/ticker/bookTicker?symbols=%5B%22BTCUSD%22%5D");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).isEqualTo("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");

        simulator.rateLimitRest(429, Duration.ofSeconds(3), 1);
        HttpResponse<String> limited = get(http, "/api/v3/ticker/bookTicker?symbol=BTCUSDT");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(get(http, "/api/v3/ticker/bookTicker?symbol=BTCUSDT").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(HttpClient http, String pathAndQuery) throws Exception {
        URI uri = simulator.server().httpUri(pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
