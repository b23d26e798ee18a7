package dev.pricefeed.testkit.kucoin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The KuCoin simulator speaks KuCoin's protocol: tokens, welcome, acks, pongs, errors, pushes and REST. */
class KuCoinSimulatorTest {

    private static final Instrument BTC = Instrument.of("BTC/USDT");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private KuCoinSimulator simulator;

    @BeforeEach
    void start() {
        simulator = KuCoinSimulator.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void bulletPublicIssuesATokenAndTheSimulatorsEndpoint() throws Exception {
        simulator.pingTimes(Duration.ofMillis(18000), Duration.ofMillis(10000));

        JsonObject data = json(post("/api/v1/bullet-public")).getJsonObject("data");

        assertThat(data.getString("token")).isEqualTo(simulator.issuedTokens().get(0));
        JsonObject server = data.getJsonArray("instanceServers").getJsonObject(0);
        assertThat(server.getString("endpoint")).isEqualTo(simulator.server().wsUri("/").toString());
        assertThat(server.getInt("pingInterval")).isEqualTo(18000);
        assertThat(server.getInt("pingTimeout")).isEqualTo(10000);
    }

    @Test
    void welcomeCarriesTheConnectIdThenSubscribeIsAcknowledgedAndPingAnswered() throws Exception {
        try (SimpleWsClient client = connect(token(), "c-42")) {
            assertThat(client.awaitMessage(m -> m.contains("welcome"))).isEqualTo("{\"id\":\"c-42\",\"type\":\"welcome\"}");

            client.send("{\"id\":\"7\",\"type\":\"subscribe\",\"topic\":\"/market/ticker:BTC-USDT,ETH-USDT\","
                    + "\"privateChannel\":false,\"response\":true}");
            assertThat(client.awaitMessage(m -> m.contains("ack"))).isEqualTo("{\"id\":\"7\",\"type\":\"ack\"}");
            client.send("{\"id\":\"ping-1\",\"type\":\"ping\"}");
            assertThat(client.awaitMessage(m -> m.contains("pong"))).isEqualTo("{\"id\":\"ping-1\",\"type\":\"pong\"}");

            assertThat(simulator.tickerSubscriptions(BTC)).isEqualTo(1);
            simulator.publishTicker(BTC, "67523.1", "67523.0", "67523.2");
            JsonObject ticker = json(client.awaitMessage(m -> m.contains("trade.ticker")));
            assertThat(ticker.getString("topic")).isEqualTo("/market/ticker:BTC-USDT");
            assertThat(ticker.getJsonObject("data").getString("price")).isEqualTo("67523.1");
            assertThat(ticker.getJsonObject("data").getString("bestBid")).isEqualTo("67523.0");
        }
    }

    @Test
    void tradeTimeIsNanosecondsInAString() throws Exception {
        try (SimpleWsClient client = connect(token(), "c1")) {
            client.send("{\"id\":\"1\",\"type\":\"subscribe\",\"topic\":\"/market/match:BTC-USDT\",\"response\":true}");
            client.awaitMessage(m -> m.contains("ack"));

            simulator.publishTrade(BTC, "67523", "0.003", Side.SELL, "11067996711960577");

            JsonObject data = json(client.awaitMessage(m -> m.contains("l3match"))).getJsonObject("data");
            assertThat(data.getString("side")).isEqualTo("sell");
            assertThat(data.getString("tradeId")).isEqualTo("11067996711960577");
            assertThat(data.getString("time")).hasSize(19).endsWith("000000");
        }
    }

    @Test
    void expiredTokenGetsAnErrorFrameAndACloseButAFreshOneWorks() throws Exception {
        String old = token();
        simulator.expireTokens();

        try (SimpleWsClient refused = connect(old, "c1")) {
            JsonObject error = json(refused.awaitMessage(m -> m.contains("error")));
            assertThat(error.getInt("code")).isEqualTo(401);
            assertThat(error.getString("data")).isEqualTo("token is expired");
            assertThat(error.getString("id")).isEqualTo("c1");
            await().atMost(Duration.ofSeconds(5)).until(() -> refused.closeCode() == 1008);
        }
        try (SimpleWsClient accepted = connect(token(), "c2")) {
            accepted.awaitMessage(m -> m.contains("welcome"));
        }
        assertThat(simulator.tokensRejected()).isEqualTo(1);
    }

    @Test
    void tokenIssuedExpiredIsRefusedAtOnce() throws Exception {
        simulator.issueExpiredTokens(1);

        try (SimpleWsClient refused = connect(token(), "c1")) {
            refused.awaitMessage(m -> m.contains("token is expired"));
        }
        assertThat(simulator.tokensRejected()).isEqualTo(1);
    }

    @Test
    void stoppedPongsLeaveTheConnectionOpenButSilent() throws Exception {
        try (SimpleWsClient client = connect(token(), "c1")) {
            client.awaitMessage(m -> m.contains("welcome"));
            simulator.stopPongs();

            client.send("{\"id\":\"ping-1\",\"type\":\"ping\"}");
            client.send("{\"id\":\"2\",\"type\":\"subscribe\",\"topic\":\"/market/match:BTC-USDT\",\"response\":true}");

            client.awaitMessage(m -> m.contains("ack"));
            assertThat(client.messages()).noneMatch(m -> m.contains("pong"));
            assertThat(simulator.server().connections()).hasSize(1);
        }
    }

    @Test
    void unknownTopicsAndTooManySymbolsAreRefusedWithKuCoinsErrors() throws Exception {
        try (SimpleWsClient client = connect(token(), "c1")) {
            client.send("{\"id\":\"1\",\"type\":\"subscribe\",\"topic\":\"/market/nope:BTC-USDT\",\"response\":true}");
            assertThat(json(client.awaitMessage(m -> m.contains("\"id\":\"1\"") && m.contains("error"))).getInt("code"))
                    .isEqualTo(404);

            StringJoiner symbols = new StringJoiner(",");
            for (int i = 0; i < 101; i++) {
                symbols.add("S" + i + "-USDT");
            }
            client.send("{\"id\":\"2\",\"type\":\"subscribe\",\"topic\":\"/market/match:" + symbols
                    + "\",\"response\":true}");
            assertThat(json(client.awaitMessage(m -> m.contains("\"id\":\"2\"") && m.contains("error"))).getInt("code"))
                    .isEqualTo(509);

            client.send("{\"id\":\"3\",\"type\":\"openTunnel\"}");
            assertThat(json(client.awaitMessage(m -> m.contains("\"id\":\"3\""))).getString("data"))
                    .isEqualTo("type is not supported");
        }
    }

    @Test
    void restAnswersLevel1AllTickersAndSymbols() throws Exception {
        simulator.setRestTicker(BTC, "67269", "67267.5", "67267.6");

        JsonObject level1 = json(get("/api/v1/market/orderbook/level1?symbol=BTC-USDT")).getJsonObject("data");
        assertThat(level1.getString("price")).isEqualTo("67269");
        assertThat(level1.getString("bestBid")).isEqualTo("67267.5");
        assertThat(level1.getString("bestAsk")).isEqualTo("67267.6");
        assertThat(json(get("/api/v1/market/orderbook/level1?symbol=ETH-USDT")).isNull("data")).isTrue();
        assertThat(json(get("/api/v1/market/allTickers")).getJsonObject("data").getJsonArray("ticker")
                .getJsonObject(0).getString("last")).isEqualTo("67269");
        assertThat(json(get("/api/v2/symbols")).getJsonArray("data")).hasSize(2);
    }

    private String token() throws Exception {
        return json(post("/api/v1/bullet-public")).getJsonObject("data").getString("token");
    }

    private SimpleWsClient connect(String token, String connectId) throws Exception {
        URI uri = simulator.server().wsUri("/?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&connectId=" + connectId);
        return new SimpleWsClient(http, uri);
    }

    private String post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.server().httpUri(path))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.server().httpUri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
