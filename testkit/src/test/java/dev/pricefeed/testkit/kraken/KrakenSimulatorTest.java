package dev.pricefeed.testkit.kraken;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Kraken emulator speaks Kraken's protocol: frames, acks, errors, heartbeats, tokens and REST. */
class KrakenSimulatorTest {

    private final KrakenSimulator simulator = KrakenSimulator.builder()
            .heartbeatInterval(Duration.ofMillis(50)).start();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @AfterEach
    void stop() {
        simulator.close();
    }

    private KrakenWsClient connect(String path) {
        return new KrakenWsClient(simulator.server().wsUri(path));
    }

    @Test
    @DisplayName("status on connect; one ack per symbol with req_id; Kraken's error for an unknown pair; snapshot")
    void subscribeAcksPerSymbol() {
        try (KrakenWsClient client = connect(KrakenSimulator.PUBLIC_PATH)) {
            assertThat(client.awaitMessage(m -> m.contains("\"status\"")))
                    .contains("\"connection_id\":13834774380200032777").contains("\"system\":\"online\"");

            client.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\","
                    + "\"symbol\":[\"BTC/USD\",\"FOO/USD\"],\"snapshot\":true},\"req_id\":5}");

            assertThat(client.awaitMessage(m -> m.contains("\"success\":true")))
                    .contains("\"result\":{\"channel\":\"ticker\",\"symbol\":\"BTC/USD\",\"snapshot\":true}")
                    .contains("\"req_id\":5");
            assertThat(client.awaitMessage(m -> m.contains("\"success\":false")))
                    .contains("\"error\":\"Currency pair not supported FOO/USD\"").contains("\"symbol\":\"FOO/USD\"")
                    .contains("\"req_id\":5").doesNotContain("\"channel\"");
            assertThat(client.awaitMessage(m -> m.contains("\"type\":\"snapshot\""))).contains("\"symbol\":\"BTC/USD\"");
            assertThat(simulator.tickerSubscriptions(Instrument.of("BTC/USD"))).isEqualTo(1);
            assertThat(simulator.failedSubscribes()).isEqualTo(1);

            simulator.publishTicker(Instrument.of("BTC/USD"), "30000.25", "3.426e-5", "30000.3");
            assertThat(client.awaitMessage(m -> m.contains("\"channel\":\"ticker\",\"type\":\"update\"")))
                    .contains("\"last\":30000.25").contains("\"bid\":3.426e-5");
        }
    }

    @Test
    @DisplayName("heartbeats flow on a quiet subscribed connection; ping is answered with pong and its req_id")
    void heartbeatsAndPong() {
        try (KrakenWsClient client = connect(KrakenSimulator.PUBLIC_PATH)) {
            client.send("{\"method\":\"ping\",\"req_id\":101}");
            assertThat(client.awaitMessage(m -> m.contains("\"pong\""))).contains("\"req_id\":101").contains("time_in");
            assertThat(client.received).noneMatch(m -> m.contains("heartbeat"));

            client.send("{\"method\":\"subscribe\",\"params\":{\"channel\":\"trade\",\"symbol\":[\"ETH/USD\"]}}");

            client.awaitMessage(m -> m.equals("{\"channel\":\"heartbeat\"}"));
            assertThat(simulator.pingsReceived(1)).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("private channels: refused on the public endpoint and without a token it issued; snapshot and update")
    void privateChannels() throws Exception {
        try (KrakenWsClient publicClient = connect(KrakenSimulator.PUBLIC_PATH);
                KrakenWsClient privateClient = connect(KrakenSimulator.PRIVATE_PATH)) {
            String token = requestToken(KrakenSimulator.API_KEY);
            publicClient.send(subscribeBalances(token, 1));
            assertThat(publicClient.awaitMessage(m -> m.contains("\"success\":false"))).contains("ws-auth.kraken.com");

            privateClient.send(subscribeBalances("forged", 2));
            assertThat(privateClient.awaitMessage(m -> m.contains("\"success\":false")))
                    .contains("\"error\":\"ESession:Invalid session\"").contains("\"req_id\":2");

            privateClient.send(subscribeBalances(token, 3));
            assertThat(privateClient.awaitMessage(m -> m.contains("\"success\":true")))
                    .contains("\"channel\":\"balances\"").contains("\"req_id\":3");
            assertThat(privateClient.awaitMessage(m -> m.contains("\"type\":\"snapshot\"")))
                    .contains("\"asset\":\"USD\"").contains("\"balance\":1000.5").contains("\"sequence\":1");
            simulator.publishBalanceChange("L-9", "BTC", "0.5", "0.75");
            assertThat(privateClient.awaitMessage(m -> m.contains("\"channel\":\"balances\",\"type\":\"update\"")))
                    .contains("\"ledger_id\":\"L-9\"").contains("\"amount\":0.5").contains("\"sequence\":2");
            assertThat(simulator.tokensByPrivateConnection()).containsExactly(List.of(token));

            simulator.expireTokens();
            privateClient.send(subscribeBalances(token, 4));
            assertThat(privateClient.awaitMessage(m -> m.contains("\"req_id\":4"))).contains("ESession:Invalid session");
        }
    }

    @Test
    @DisplayName("GetWebSocketsToken checks key, signature and nonce with Kraken's error texts")
    void tokenChecks() throws Exception {
        assertThat(post(KrakenSimulator.API_KEY, "nonce=5", sign("nonce=5", "5"))).contains("\"token\":");
        assertThat(post(KrakenSimulator.API_KEY, "nonce=5", sign("nonce=5", "5"))).contains("EAPI:Invalid nonce");
        assertThat(post("other", "nonce=6", sign("nonce=6", "6"))).contains("EAPI:Invalid key");
        assertThat(post(KrakenSimulator.API_KEY, "nonce=7", "AAAA")).contains("EAPI:Invalid signature");
        assertThat(simulator.issuedTokens()).hasSize(1);
    }

    @Test
    @DisplayName("REST Ticker is keyed by Kraken's result keys; AssetPairs gives legacy wsnames; rate limit text")
    void rest() throws Exception {
        simulator.setRestTicker(Instrument.of("BTC/USD"), "30000.5", "30000.4", "30000.6");

        assertThat(get("/0/public/Ticker?pair=XBTUSD,XDGUSD"))
                .contains("\"XXBTZUSD\":{\"a\":[\"30000.6\",").contains("\"c\":[\"30000.5\"").contains("\"XDGUSD\":");
        assertThat(get("/0/public/AssetPairs")).contains("\"XXBTZUSD\":{\"altname\":\"XBTUSD\",\"wsname\":\"XBT/USD\"")
                .contains("\"XETHXXBT\":{\"altname\":\"ETHXBT\",\"wsname\":\"ETH/XBT\"");
        assertThat(get("/0/public/Ticker?pair=FOOUSD")).isEqualTo("{\"error\":[\"EQuery:Unknown asset pair\"]}");
        simulator.rateLimitRest(1);
        assertThat(get("/0/public/Ticker?pair=XBTUSD")).isEqualTo("{\"error\":[\"EAPI:Rate limit exceeded\"]}");
        assertThat(get("/0/public/Ticker?pair=XBTUSD")).contains("\"result\"");
    }

    private static String subscribeBalances(String token, int requestId) {
        return "{\"method\":\"subscribe\",\"params\":{\"channel\":\"balances\",\"token\":\"" + token
                + "\"},\"req_id\":" + requestId + "}";
    }

    private String requestToken(String key) throws Exception {
        String nonce = Long.toString(System.currentTimeMillis());
        String answer = post(key, "nonce=" + nonce, sign("nonce=" + nonce, nonce));
        int start = answer.indexOf("\"token\":\"") + 9;
        return answer.substring(start, answer.indexOf('"', start));
    }

    private static String sign(String body, String nonce) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(UTF_8));
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(KrakenSimulator.API_SECRET), "HmacSHA512"));
        mac.update("/0/private/GetWebSocketsToken".getBytes(UTF_8));
        mac.update(digest);
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }

    private String post(String key, String body, String sign) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(simulator.server().httpUri("/0/private/GetWebSocketsToken"))
                .header("API-Key", key).header("API-Sign", sign)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private String get(String pathAndQuery) throws Exception {
        URI uri = simulator.server().httpUri(pathAndQuery);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
