package dev.pricefeed.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatorHttpTest {

    /** The default client version (HTTP/2) makes the JDK offer {@code Upgrade: h2c}, which the emulator ignores. */
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private EmulatorServer server;

    @BeforeEach
    void startServer() {
        server = EmulatorServer.start(new EmulatorHandler() {
            @Override
            public HttpReply onHttp(HttpCall call) {
                if (call.method().equals("GET") && call.path().equals("/api/ticker")) {
                    return HttpReply.json("{\"pair\":\"" + call.queryParams().get("pair") + "\"}");
                }
                if (call.method().equals("POST") && call.path().equals("/api/token")) {
                    return HttpReply.json("{\"echo\":" + call.body() + "}").withHeader("X-Token", "t1");
                }
                if (call.path().equals("/boom")) {
                    throw new IllegalStateException("handler bug");
                }
                return HttpReply.notFound();
            }
        });
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(server.httpUri(pathAndQuery)).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("GET is routed to the handler with its decoded query and recorded")
    void getIsRoutedAndRecorded() throws Exception {
        HttpResponse<String> response = get("/api/ticker?pair=XBT%2FUSD&x=1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"pair\":\"XBT/USD\"}");
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(server.httpCalls()).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("GET");
            assertThat(call.path()).isEqualTo("/api/ticker");
            assertThat(call.query()).isEqualTo("pair=XBT%2FUSD&x=1");
            assertThat(call.queryParams()).containsEntry("pair", "XBT/USD").containsEntry("x", "1");
            assertThat(call.header("HOST")).hasValue("127.0.0.1:" + server.port());
            assertThat(call.headers()).allSatisfy((name, value) -> assertThat(name).isLowerCase());
            assertThat(call.body()).isEmpty();
        });
    }

    @Test
    @DisplayName("POST bodies reach the handler, with Content-Length or chunked, and reply headers come back")
    void postBodiesReachTheHandler() throws Exception {
        HttpResponse<String> sized = client.send(HttpRequest.newBuilder(server.httpUri("/api/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(server.httpUri("/api/token"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"b\":2}".getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(sized.body()).isEqualTo("{\"echo\":{\"a\":1}}");
        assertThat(sized.headers().firstValue("x-token")).hasValue("t1");
        assertThat(chunked.body()).isEqualTo("{\"echo\":{\"b\":2}}");
        assertThat(server.httpCalls()).extracting(HttpCall::method, HttpCall::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("POST", "{\"a\":1}"),
                        org.assertj.core.groups.Tuple.tuple("POST", "{\"b\":2}"));
    }

    @Test
    @DisplayName("an unknown path gets 404 and a failing handler gets 500")
    void unknownPathAndFailingHandler() throws Exception {
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
        assertThat(get("/boom").statusCode()).isEqualTo(500);
    }

    @Test
    @DisplayName("failHttp answers 429 with Retry-After for the given number of calls on that prefix only")
    void failHttpWith429AndRetryAfter() throws Exception {
        server.failHttp("/api/", 429, "{\"code\":-1003,\"msg\":\"Too many requests\"}", Duration.ofMillis(1500), 2);

        HttpResponse<String> first = get("/api/ticker?pair=A");
        HttpResponse<String> other = get("/nowhere");
        HttpResponse<String> second = get("/api/ticker?pair=B");
        HttpResponse<String> third = get("/api/ticker?pair=C");

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("retry-after")).hasValue("2");
        assertThat(first.body()).isEqualTo("{\"code\":-1003,\"msg\":\"Too many requests\"}");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(third.body()).isEqualTo("{\"pair\":\"C\"}");
        assertThat(server.httpCalls()).hasSize(4);
    }

    @Test
    @DisplayName("a fault given Integer.MAX_VALUE times lasts until cleared")
    void faultLastsUntilCleared() throws Exception {
        server.failHttp("/api", 503, "down", null, Integer.MAX_VALUE);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = get("/api/ticker?pair=X");
            assertThat(failed.statusCode()).isEqualTo(503);
            assertThat(failed.headers().firstValue("retry-after")).isEmpty();
        }
        server.clearHttpFaults();

        assertThat(get("/api/ticker?pair=X").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("the answer carries Content-Length and Connection: close")
    void answerIsFramedAndClosed() throws Exception {
        HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        HttpResponse<String> response = http11.send(HttpRequest.newBuilder(server.httpUri("/api/ticker?pair=Z"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("content-length")).hasValue("12");
        assertThat(response.headers().firstValue("connection")).hasValue("close");
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(server.httpUri("/a?b=c")).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/a?b=c"));
    }
}
