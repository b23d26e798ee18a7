package dev.pricefeed.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pricefeed.testkit.EmulatorConnection;
import dev.pricefeed.testkit.EmulatorHandler;
import dev.pricefeed.testkit.EmulatorServer;
import dev.pricefeed.testkit.HttpCall;
import dev.pricefeed.testkit.HttpReply;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EmulatorWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmulatorServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private EmulatorServer start(EmulatorHandler handler) {
        server = EmulatorServer.start(handler);
        return server;
    }

    private static EmulatorHandler echo() {
        return new EmulatorHandler() {
            @Override
            public void onText(EmulatorConnection connection, String text) {
                connection.send("echo:" + text);
            }
        };
    }

    @Test
    @DisplayName("a JDK client completes the handshake and the handler echoes its message")
    void handshakeAndEchoThroughHandler() throws Exception {
        start(echo());
        RecordingListener listener = new RecordingListener();
        WebSocket client = RecordingListener.open(server.wsUri("/ws/v2?pair=XBT%2FUSD&depth=10"), listener);

        client.sendText("{\"method\":\"subscribe\"}", true);

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.messages)
                .containsExactly("echo:{\"method\":\"subscribe\"}"));
        EmulatorConnection connection = server.awaitConnection(1, WAIT);
        assertThat(connection.id()).isEqualTo(1);
        assertThat(connection.path()).isEqualTo("/ws/v2");
        assertThat(connection.query()).isEqualTo("pair=XBT%2FUSD&depth=10");
        assertThat(connection.queryParams()).containsEntry("pair", "XBT/USD").containsEntry("depth", "10");
        assertThat(connection.requestHeaders()).containsKey("sec-websocket-key");
        assertThat(connection.received()).containsExactly("{\"method\":\"subscribe\"}");
        assertThat(connection.awaitReceived(text -> text.contains("subscribe"), WAIT))
                .isEqualTo("{\"method\":\"subscribe\"}");
        assertThat(server.connectionsAccepted()).isEqualTo(1);
        assertThat(server.connections()).containsExactly(connection);
    }

    @Test
    @DisplayName("the handshake answers the RFC 6455 accept key")
    void handshakeAnswersTheRfcAcceptKey() throws Exception {
        start(new EmulatorHandler() { });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/", "dGhlIHNhbXBsZSBub25jZQ==")) {
            assertThat(client.responseHead())
                    .startsWith("HTTP/1.1 101 ")
                    .containsIgnoringCase("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n");
        }
    }

    @Test
    @DisplayName("a fragmented message is joined, and a ping between its fragments is answered with a pong")
    void fragmentedMessageIsJoinedAndPingAnswered() throws Exception {
        start(new EmulatorHandler() { });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            client.send(false, RawWebSocketClient.TEXT, "hel".getBytes(StandardCharsets.UTF_8));
            client.send(false, RawWebSocketClient.CONTINUATION, "lo ".getBytes(StandardCharsets.UTF_8));
            client.send(true, RawWebSocketClient.PING, "p1".getBytes(StandardCharsets.UTF_8));
            client.send(true, RawWebSocketClient.CONTINUATION, "wörld".getBytes(StandardCharsets.UTF_8));

            RawWebSocketClient.Frame pong = client.read();
            assertThat(pong.opcode()).isEqualTo(RawWebSocketClient.PONG);
            assertThat(pong.masked()).isFalse();
            assertThat(pong.text()).isEqualTo("p1");
            EmulatorConnection connection = server.awaitConnection(1, WAIT);
            assertThat(connection.awaitReceived(text -> true, WAIT)).isEqualTo("hello wörld");
        }
    }

    @Test
    @DisplayName("frames use 7-bit, 16-bit and 64-bit lengths, and an oversized frame arrives whole")
    void framesUseAllThreeLengthEncodings() throws Exception {
        start(new EmulatorHandler() { });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection connection = server.awaitConnection(1, WAIT);
            connection.sendOversized(100);
            connection.sendOversized(1_000);
            connection.sendOversized(70_000);

            assertThat(client.readLengthEncoding()).containsExactly(RawWebSocketClient.TEXT, 100, 100);
            assertThat(client.readLengthEncoding()).containsExactly(RawWebSocketClient.TEXT, 126, 1_000);
            assertThat(client.readLengthEncoding()).containsExactly(RawWebSocketClient.TEXT, 127, 70_000);
        }
    }

    @Test
    @DisplayName("an oversized frame reaches a JDK client as one valid JSON string of the asked size")
    void oversizedFrameReachesJdkClient() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);

        server.awaitConnection(1, WAIT).sendOversized(300_000);

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.messages).hasSize(1));
        String text = listener.messages.get(0);
        assertThat(text).hasSize(300_000).startsWith("\"x").endsWith("x\"");
    }

    @Test
    @DisplayName("garbage is a text frame that is not JSON")
    void garbageIsNotJson() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);

        server.awaitConnection(1, WAIT).sendGarbage();

        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.messages).containsExactly("}{ not json"));
    }

    @Test
    @DisplayName("pongs to server pings are counted")
    void pongsToServerPingsAreCounted() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);

        connection.sendPing("abc".getBytes(StandardCharsets.UTF_8));

        await().atMost(WAIT).until(() -> connection.pongsReceived() == 1);
        assertThat(listener.pings).hasSize(1);
    }

    @Test
    @DisplayName("a close from the client is echoed with its code and the connection ends")
    void clientCloseIsEchoed() throws Exception {
        List<EmulatorConnection> closed = new CopyOnWriteArrayList<>();
        start(new EmulatorHandler() {
            @Override
            public void onClose(EmulatorConnection connection) {
                closed.add(connection);
            }
        });
        RecordingListener listener = new RecordingListener();
        WebSocket client = RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);

        client.sendClose(4000, "bye").get(10, TimeUnit.SECONDS);

        assertThat(listener.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4000);
        await().atMost(WAIT).untilAsserted(() -> assertThat(closed).containsExactly(connection));
        assertThat(connection.isOpen()).isFalse();
        assertThat(server.connections()).isEmpty();
    }

    @Test
    @DisplayName("close(code, reason) sends a proper close frame the client sees")
    void serverCloseSendsCodeAndReason() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);

        connection.close(4001, "maintenance");

        assertThat(listener.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(4001);
        assertThat(listener.closeReason).isEqualTo("maintenance");
        assertThat(connection.isOpen()).isFalse();
        await().atMost(WAIT).untilAsserted(() -> assertThat(server.connections()).isEmpty());
    }

    @Test
    @DisplayName("dropAll ends the TCP connection without a close frame")
    void dropAllIsAbrupt() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        start(new EmulatorHandler() {
            @Override
            public void onClose(EmulatorConnection connection) {
                closes.incrementAndGet();
            }
        });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection connection = server.awaitConnection(1, WAIT);

            server.dropAll();

            assertThatThrownBy(client::read).isInstanceOfAny(EOFException.class, SocketException.class);
            assertThat(connection.isOpen()).isFalse();
            await().atMost(WAIT).until(() -> closes.get() == 1);
            assertThat(server.connections()).isEmpty();
        }
    }

    @Test
    @DisplayName("dropAll is seen by a JDK client as an error, not as a close")
    void dropAllIsAnErrorForJdkClient() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        server.awaitConnection(1, WAIT);

        server.dropAll();

        assertThat(listener.error.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(listener.closeCode).isNotDone();
    }

    @Test
    @DisplayName("a silenced connection sends nothing more, not even pongs, but stays open and keeps reading")
    void silenceAllSendsNothingMore() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.every(Duration.ofMillis(20), () -> connection.send("heartbeat"));
            }
        });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection connection = server.awaitConnection(1, WAIT);
            assertThat(client.read().text()).isEqualTo("heartbeat");

            server.silenceAll();
            server.broadcast("broadcast");
            connection.send("direct");
            connection.sendPing(new byte[0]);
            client.send(true, RawWebSocketClient.PING, new byte[0]);
            client.sendText("still listening?");

            assertThat(connection.awaitReceived("still listening?"::equals, WAIT)).isNotNull();
            // Only heartbeats already on the wire may still arrive; then the socket stays quiet but open.
            client.readTimeout(Duration.ofMillis(500));
            List<String> late = new ArrayList<>();
            assertThatThrownBy(() -> {
                while (true) {
                    RawWebSocketClient.Frame frame = client.read();
                    late.add(frame.opcode() + ":" + frame.text());
                }
            }).isInstanceOf(SocketTimeoutException.class);
            assertThat(late).allMatch(frame -> frame.equals(RawWebSocketClient.TEXT + ":heartbeat"));
            assertThat(connection.isOpen()).isTrue();
            assertThat(connection.isSilenced()).isTrue();
            assertThat(server.connections()).containsExactly(connection);
        }
    }

    @Test
    @DisplayName("pingEvery drops a client that never answers pings")
    void pingEveryDropsSilentClient() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.pingEvery(Duration.ofMillis(50), Duration.ofMillis(200));
            }
        });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection connection = server.awaitConnection(1, WAIT);

            List<Integer> opcodes = new ArrayList<>();
            assertThatThrownBy(() -> {
                while (true) {
                    opcodes.add(client.read().opcode());
                }
            }).isInstanceOfAny(EOFException.class, SocketException.class);

            assertThat(opcodes).isNotEmpty().containsOnly(RawWebSocketClient.PING);
            assertThat(connection.isOpen()).isFalse();
            assertThat(connection.pongsReceived()).isZero();
        }
    }

    @Test
    @DisplayName("pingEvery keeps a client that answers pings")
    void pingEveryKeepsAnsweringClient() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.pingEvery(Duration.ofMillis(50), Duration.ofMillis(200));
            }
        });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);

        // Ten answered pings span more than twice the pong deadline.
        await().atMost(WAIT).until(() -> connection.pongsReceived() >= 10);

        assertThat(connection.isOpen()).isTrue();
        assertThat(listener.error).isNotDone();
        assertThat(listener.closeCode).isNotDone();
    }

    @Test
    @DisplayName("closeAfter closes the connection with the code once its lifetime is over")
    void closeAfterEndsTheConnection() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.closeAfter(Duration.ofMillis(100), 1001, "lifetime over");
            }
        });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);

        assertThat(listener.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1001);
        assertThat(listener.closeReason).isEqualTo("lifetime over");
    }

    @Test
    @DisplayName("stream sends every frame in order, paced or as fast as possible")
    void streamSendsFramesInOrder() throws Exception {
        start(new EmulatorHandler() { });
        RecordingListener listener = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), listener);
        EmulatorConnection connection = server.awaitConnection(1, WAIT);
        List<String> fast = new ArrayList<>();
        List<String> paced = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            fast.add("{\"n\":" + i + "}");
        }
        for (int i = 0; i < 5; i++) {
            paced.add("{\"paced\":" + i + "}");
        }

        connection.stream(fast, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.messages).containsExactlyElementsOf(fast));
        connection.stream(paced, 100);

        List<String> all = new ArrayList<>(fast);
        all.addAll(paced);
        await().atMost(WAIT).untilAsserted(() -> assertThat(listener.messages).containsExactlyElementsOf(all));
    }

    @Test
    @DisplayName("a client that stops reading blocks neither the sender nor other connections, and is dropped")
    void slowClientIsDroppedWithoutBlockingOthers() throws Exception {
        start(new EmulatorHandler() { });
        try (RawWebSocketClient stalled = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection stalledConnection = server.awaitConnection(1, WAIT);
            RecordingListener reader = new RecordingListener();
            RecordingListener.open(server.wsUri("/"), reader);
            server.awaitConnection(2, WAIT);

            // 80 MB for a client that reads nothing: more than the emulator queues for one connection.
            for (int i = 0; i < 80 && stalledConnection.isOpen(); i++) {
                stalledConnection.sendOversized(1024 * 1024);
            }
            server.broadcast("still flowing");

            await().atMost(WAIT).untilAsserted(() -> assertThat(reader.messages).containsExactly("still flowing"));
            assertThat(stalledConnection.isOpen()).isFalse();
            assertThat(server.connections()).extracting(EmulatorConnection::id).containsExactly(2);
        }
    }

    @Test
    @DisplayName("refuseConnections answers upgrades with 503 while plain HTTP still works")
    void refuseConnectionsAnswers503() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public HttpReply onHttp(HttpCall call) {
                return HttpReply.json("{\"ok\":true}");
            }
        });
        server.refuseConnections(true);

        assertThatThrownBy(() -> RecordingListener.open(server.wsUri("/"), new RecordingListener()))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(503));
        HttpResponse<String> http = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.httpUri("/ping")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(server.connectionsAccepted()).isZero();

        server.refuseConnections(false);
        RecordingListener.open(server.wsUri("/"), new RecordingListener());
        assertThat(server.awaitConnection(1, WAIT).isOpen()).isTrue();
    }

    @Test
    @DisplayName("an unmasked client frame is a protocol error: close 1002")
    void unmaskedClientFrameIsRejected() throws Exception {
        start(new EmulatorHandler() { });
        try (RawWebSocketClient client = RawWebSocketClient.connect(server.port(), "/")) {
            EmulatorConnection connection = server.awaitConnection(1, WAIT);

            client.sendUnmasked("hello");

            RawWebSocketClient.Frame close = client.read();
            assertThat(close.opcode()).isEqualTo(RawWebSocketClient.CLOSE);
            assertThat(((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF)).isEqualTo(1002);
            assertThat(connection.received()).isEmpty();
        }
    }

    @Test
    @DisplayName("awaitConnection and awaitReceived fail with an AssertionError on timeout")
    void awaitsFailOnTimeout() throws Exception {
        start(new EmulatorHandler() { });
        assertThatThrownBy(() -> server.awaitConnection(1, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("#1");
        RecordingListener.open(server.wsUri("/"), new RecordingListener());
        EmulatorConnection connection = server.awaitConnection(1, WAIT);
        assertThatThrownBy(() -> connection.awaitReceived("never"::equals, Duration.ofMillis(50)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    @DisplayName("attributes hold per-connection state and every connection gets its own id in accept order")
    void connectionsAreNumberedInAcceptOrder() throws Exception {
        start(new EmulatorHandler() {
            @Override
            public void onOpen(EmulatorConnection connection) {
                connection.attributes().put("greeting", "hello " + connection.id());
                connection.send((String) connection.attributes().get("greeting"));
            }
        });
        RecordingListener first = new RecordingListener();
        RecordingListener second = new RecordingListener();
        RecordingListener.open(server.wsUri("/"), first);
        await().atMost(WAIT).until(() -> first.messages.size() == 1);
        RecordingListener.open(server.wsUri("/"), second);

        await().atMost(WAIT).untilAsserted(() -> assertThat(second.messages).containsExactly("hello 2"));
        assertThat(first.messages).containsExactly("hello 1");
        server.broadcast("all");
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(first.messages).containsExactly("hello 1", "all");
            assertThat(second.messages).containsExactly("hello 2", "all");
        });
        assertThat(server.connections()).extracting(EmulatorConnection::id).containsExactly(1, 2);
    }
}
