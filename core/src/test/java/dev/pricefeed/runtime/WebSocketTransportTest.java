package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both transports behind the one seam, against a byte-level WebSocket server on 127.0.0.1: the same texts, fragments,
 * pings and pongs, close codes both ways, size limit, handshake headers, proxy and threads.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketTransportTest {

    private static final int LIMIT = 64 * 1024;

    private static WebSocketTransport transport(String name) {
        return transport(name, ProxySelector.getDefault());
    }

    private static WebSocketTransport transport(String name, ProxySelector proxies) {
        return name.equals("jdk")
                ? new JdkTransport(5_000, FrameLimit.MAX_FRAME_BYTES, proxies, null)
                : new TyrusTransport(5_000);
    }

    private static ConditionFactory within() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("delivers texts whole, joins fragments, sends texts in order and the handshake headers")
    void textsFragmentsAndHeaders(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(); WebSocketTransport transport = transport(name)) {
            Events events = new Events();
            WebSocketTransport.Link link = transport.connect(server.uri("/ws?token=secret"),
                    Map.of("X-Test-Header", "hello", "Origin", "https://example.test"), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();
            assertThat(peer.headers()).containsEntry("x-test-header", "hello")
                    .containsEntry("origin", "https://example.test");

            peer.sendText("{\"a\":1}");
            peer.sendFragments("{\"b\":", "\"two", " parts ü\"}");
            peer.sendText("x".repeat(LIMIT - 10));
            within().untilAsserted(() -> assertThat(events.texts).hasSize(3));
            assertThat(events.texts.subList(0, 2)).containsExactly("{\"a\":1}", "{\"b\":\"two parts ü\"}");
            assertThat(events.texts.get(2)).hasSize(LIMIT - 10);

            for (int i = 0; i < 20; i++) {
                link.sendText("m" + i);
            }
            within().untilAsserted(() -> assertThat(peer.texts).hasSize(20));
            assertThat(peer.texts).containsExactlyElementsOf(
                    java.util.stream.IntStream.range(0, 20).mapToObj(i -> "m" + i).toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("sends pings and reports pongs; answers the server's pings")
    void pingsAndPongs(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(); WebSocketTransport transport = transport(name)) {
            Events events = new Events();
            WebSocketTransport.Link link = transport.connect(server.uri("/"), Map.of(), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();

            link.sendPing();
            within().untilAsserted(() -> assertThat(peer.pings).hasValue(1));
            within().untilAsserted(() -> assertThat(events.pongs).hasValue(1));

            peer.sendPing();
            within().untilAsserted(() -> assertThat(peer.pongs).hasValue(1));
            assertThat(events.closes).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("reports the server's close code and reason and answers it; closing sends 1000 with the reason")
    void closeCodes(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(); WebSocketTransport transport = transport(name)) {
            Events first = new Events();
            transport.connect(server.uri("/"), Map.of(), first);
            RawWebSocketServer.Peer serverCloses = server.awaitPeer();
            serverCloses.sendClose(4001, "go away");
            within().untilAsserted(() -> assertThat(first.closes).containsExactly("server 4001 go away"));
            within().untilAsserted(() -> assertThat(serverCloses.closeCode).isEqualTo(4001));

            Events second = new Events();
            WebSocketTransport.Link link = transport.connect(server.uri("/"), Map.of(), second);
            RawWebSocketServer.Peer clientCloses = server.awaitPeer();
            link.close("feed closed " + "ü".repeat(100));
            within().untilAsserted(() -> assertThat(clientCloses.closeCode).isEqualTo(1000));
            // cut to what a close frame holds rather than failing
            assertThat(clientCloses.closeReason).isEqualTo(CloseReasons.fit("feed closed " + "ü".repeat(100)));
            within().untilAsserted(() -> assertThat(clientCloses.ended).isTrue());
        }
    }

    @Test
    @DisplayName("jdk: a message over the limit across fragments closes as ours with its size, discarding the rest")
    void jdkMessageOverTheLimitInFragments() throws Exception {
        // TransportFaultsTest holds both transports to the 8 MB limit in one frame; this is the JDK's fragment path
        try (RawWebSocketServer server = new RawWebSocketServer();
                WebSocketTransport transport = new JdkTransport(5_000, LIMIT, null, null)) {
            Events events = new Events();
            transport.connect(server.uri("/"), Map.of(), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();

            peer.sendFragments("x".repeat(LIMIT / 2), "y".repeat(LIMIT / 2), "z".repeat(LIMIT / 2));

            within().untilAsserted(() -> assertThat(events.closes).containsExactly(
                    "us 1009 " + FrameLimit.describe(LIMIT + LIMIT / 2)));
            within().untilAsserted(() -> assertThat(peer.closeCode).isEqualTo(JdkTransport.POLICY_VIOLATION));
            assertThat(peer.closeReason).isEqualTo(FrameLimit.describe(LIMIT + LIMIT / 2));
            assertThat(events.texts).isEmpty();
        }
    }

    @Test
    @DisplayName("tyrus: a message over the limit across fragments closes as ours with its size, discarding the rest")
    void tyrusMessageOverTheLimitInFragments() throws Exception {
        // Tyrus hands fragments to the runtime's partial handler, which joins them and holds them to the 8 MB limit
        int half = FrameLimit.MAX_FRAME_BYTES / 2;
        try (RawWebSocketServer server = new RawWebSocketServer(); WebSocketTransport transport = transport("tyrus")) {
            Events events = new Events();
            transport.connect(server.uri("/"), Map.of(), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();

            peer.sendFragments("x".repeat(half), "y".repeat(half), "z".repeat(half));

            String reason = FrameLimit.describe(3L * half);
            within().untilAsserted(() -> assertThat(events.closes).isNotEmpty().first()
                    .isEqualTo("us 1009 " + reason));
            within().untilAsserted(() -> assertThat(peer.closeCode).isEqualTo(1009));
            assertThat(peer.closeReason).isEqualTo(reason);
            assertThat(events.texts).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a connection reset is reported as an error")
    void resetIsAnError(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer(); WebSocketTransport transport = transport(name)) {
            Events events = new Events();
            transport.connect(server.uri("/"), Map.of(), events);
            server.awaitPeer().drop();
            within().untilAsserted(() -> assertThat(events.closes).hasSize(1).first().asString()
                    .satisfiesAnyOf(s -> assertThat(s).startsWith("error"), s -> assertThat(s).startsWith("server")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a refused handshake is an IOException naming the URI without its query")
    void refusedHandshake(String name) throws Exception {
        try (java.net.ServerSocket notWebSocket = new java.net.ServerSocket(0, 5,
                java.net.InetAddress.getLoopbackAddress()); WebSocketTransport transport = transport(name)) {
            Thread answer = new Thread(() -> {
                try (java.net.Socket s = notWebSocket.accept()) {
                    s.getInputStream().read(new byte[1024]);
                    s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            answer.start();
            URI uri = URI.create("ws://127.0.0.1:" + notWebSocket.getLocalPort() + "/ws?token=secret");
            assertThatThrownBy(() -> transport.connect(uri, Map.of(), new Events()))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("ws://127.0.0.1:" + notWebSocket.getLocalPort() + "/ws")
                    .hasMessageNotContaining("secret");
            answer.join(5_000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("goes through the JVM's HTTP proxy with CONNECT")
    void throughProxy(String name) throws Exception {
        ProxySelector original = ProxySelector.getDefault();
        try (RawWebSocketServer server = new RawWebSocketServer(); ConnectProxy proxy = new ConnectProxy()) {
            ProxySelector viaProxy = new ProxySelector() {
                @Override
                public List<Proxy> select(URI uri) {
                    return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", proxy.port())));
                }

                @Override
                public void connectFailed(URI uri, SocketAddress address, IOException error) {
                    throw new AssertionError("proxy connect failed: " + error);
                }
            };
            ProxySelector.setDefault(viaProxy);
            try (WebSocketTransport transport = transport(name, viaProxy)) {
                Events events = new Events();
                transport.connect(server.uri("/"), Map.of(), events);
                server.awaitPeer().sendText("through");
                within().untilAsserted(() -> assertThat(events.texts).containsExactly("through"));
                assertThat(proxy.targets).containsExactly("127.0.0.1:" + server.port());
            }
        } finally {
            ProxySelector.setDefault(original);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("closing the transport closes its connections and ends every thread it started")
    void closeLeavesNoThread(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer()) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            WebSocketTransport transport = transport(name);
            Events events = new Events();
            WebSocketTransport.Link link = transport.connect(server.uri("/"), Map.of(), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();
            peer.sendText("one");
            within().untilAsserted(() -> assertThat(events.texts).containsExactly("one"));

            // as the runtime does: each connection is closed, then the transport
            link.close("feed closed");
            transport.close();

            within().untilAsserted(() -> assertThat(peer.ended).isTrue());
            within().untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
        }
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().startsWith("raw-ws")
                        && !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("awaitility"))
                .map(Thread::getName).collect(Collectors.toList());
    }

    /** What a transport reported, in order. */
    static final class Events implements WebSocketTransport.LinkListener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<String> closes = new CopyOnWriteArrayList<>();
        final AtomicInteger pongs = new AtomicInteger();

        @Override
        public void onText(CharSequence text) {
            texts.add(text.toString());
        }

        @Override
        public void onPong() {
            pongs.incrementAndGet();
        }

        @Override
        public void onBinary(java.nio.ByteBuffer data) {
            texts.add("binary " + data.remaining());
        }

        @Override
        public void onClosed(boolean byUs, int code, String reason) {
            closes.add((byUs ? "us " : "server ") + code + " " + reason);
        }

        @Override
        public void onError(Throwable error) {
            closes.add("error " + error);
        }
    }
}
