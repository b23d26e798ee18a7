package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The monitoring server's endpoints over real HTTP on 127.0.0.1, with a real feed on the Kraken emulator. */
class MonitorServerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Instrument BTC_USD = Instrument.of("BTC/USD");

    private final KrakenSimulator kraken = KrakenSimulator.start();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PriceFeed feed;
    private Monitoring monitoring;

    @AfterEach
    void tearDown() {
        if (monitoring != null) {
            monitoring.close();
        }
        if (feed != null) {
            feed.close();
        }
        kraken.close();
    }

    private String serve(PriceFeed.Builder builder) {
        feed = builder.build();
        monitoring = new Monitoring(new HttpAddress("127.0.0.1", 0), Clock.systemUTC());
        monitoring.watch(feed);
        return monitoring.start();
    }

    private PriceFeed.Builder krakenFeed() {
        return kraken.pointAt(PriceFeed.builder().exchange("kraken").instruments("BTC/USD").environment(Map.of()));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageMetricsHealthAndStateOnLoopbackAndStopsItsThreadsOnClose() throws Exception {
        String url = serve(krakenFeed());
        assertThat(url).startsWith("http://127.0.0.1:");

        HttpResponse<String> page = get(url);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'");
        assertThat(page.body()).contains("<script src=\"dashboard.js\"", "id=\"prices\"", "id=\"events\"")
                .doesNotContain("http://", "https://");
        String script = get(url + "dashboard.js").body();
        assertThat(script).contains("new EventSource('events')", "textContent").doesNotContain("innerHTML",
                "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        assertThat(get(url + "dashboard.css").statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = get(url + "metrics");
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("pricefeed_state{exchange=\"kraken\",state=\"IDLE\"} 1",
                "pricefeed_frames_total{exchange=\"kraken\"} 0");

        HttpResponse<String> health = get(url + "health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).startsWith("{\"status\":\"DOWN\"")
                .contains("\"unhealthy\":[{\"exchange\":\"kraken\",\"state\":\"IDLE\",\"problem\":\"state IDLE\"");

        JsonObject state = Json.createReader(new StringReader(get(url + "api/state").body())).readObject();
        assertThat(state.getJsonArray("feeds").getJsonObject(0).getString("exchange")).isEqualTo("kraken");
        assertThat(state.getJsonArray("prices")).singleElement().asString()
                .isEqualTo("{\"exchange\":\"kraken\",\"instrument\":\"BTC/USD\",\"stale\":false}");

        assertThat(get(url + "nothing-here").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(url + "health"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");

        monitoring.close();
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("pricefeed-http") || name.equals("HTTP-Dispatcher"));
        assertThatThrownBy(() -> get(url + "health")).isInstanceOf(IOException.class);
    }

    @Test
    void theEventStreamSendsTheStateAtOnceAndThenEveryHalfSecond() throws Exception {
        String url = serve(krakenFeed());

        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(url + "events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("retry: 1000");
            assertThat(lines.readLine()).isEmpty();
            for (int i = 0; i < 2; i++) {
                String data = lines.readLine();
                assertThat(data).startsWith("data: {\"at\":").contains("\"exchange\":\"kraken\"");
                assertThat(lines.readLine()).isEmpty();
            }
        }
    }

    @Test
    void healthIsUpWhilePollingWithFreshDataAndDownWhenTheDataGoesStale() throws Exception {
        kraken.setRestTicker(BTC_USD, "67000.5", "67000.4", "67000.6");
        String url = serve(krakenFeed().websocketEnabled(false).pollInterval(Duration.ofMillis(200))
                .staleAfter(Duration.ofMillis(1500)));
        feed.start();

        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> health = get(url + "health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\",\"feeds\":[{\"exchange\":\"kraken\","
                    + "\"state\":\"POLLING\"}],\"unhealthy\":[]}\n");
        });

        kraken.server().failHttp("/", 500, "{\"error\":[\"EService:Unavailable\"]}", null, Integer.MAX_VALUE);
        await().atMost(WAIT).untilAsserted(() -> {
            HttpResponse<String> health = get(url + "health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"state\":\"POLLING\",\"problem\":\"polling, stale: [BTC/USD]\"");
        });
    }

    @Test
    void aTakenPortIsAUsageErrorNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            feed = krakenFeed().build();
            monitoring = new Monitoring(new HttpAddress("127.0.0.1", taken.getLocalPort()), Clock.systemUTC());
            monitoring.watch(feed);

            assertThatThrownBy(monitoring::start).isInstanceOf(UsageError.class)
                    .hasMessageStartingWith("--http 127.0.0.1:" + taken.getLocalPort() + ": cannot listen there");
        }
    }
}
