package dev.pricefeed.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TLS on both transports, through a test-only TLS terminator on 127.0.0.1 in front of the byte-level WebSocket
 * server: a trusted certificate streams both ways (directly and through an HTTP CONNECT proxy), an untrusted one and
 * one for another host name are refused before any WebSocket byte, each in plain words, and no thread is left after
 * close.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebSocketTlsTest {

    private static WebSocketTransport transport(String name, SSLContext ssl) {
        return name.equals("jdk")
                ? new JdkTransport(5_000, FrameLimit.MAX_FRAME_BYTES, ProxySelector.getDefault(), ssl)
                : new TyrusTransport(5_000, ssl);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("wss:// with a context that trusts the certificate streams both ways and leaves no thread")
    void trustedCertificateStreams(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer();
                TlsTerminator tls = new TlsTerminator(TestCertificates.LOCALHOST, server.port())) {
            Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
            WebSocketTransport transport = transport(name, TestCertificates.trusting());
            WebSocketTransportTest.Events events = new WebSocketTransportTest.Events();
            WebSocketTransport.Link link = transport.connect(tls.uri("wss", "/ws?token=secret"),
                    Map.of("X-Test-Header", "over tls"), events);
            RawWebSocketServer.Peer peer = server.awaitPeer();
            assertThat(peer.headers()).containsEntry("x-test-header", "over tls");

            peer.sendText("{\"price\":\"64000.10\"}");
            peer.sendText("x".repeat(100_000));
            link.sendText("subscribe");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(events.texts).hasSize(2);
                assertThat(peer.texts).containsExactly("subscribe");
            });
            assertThat(events.texts.get(0)).isEqualTo("{\"price\":\"64000.10\"}");
            assertThat(events.texts.get(1)).hasSize(100_000);
            assertThat(tls.handshakes()).isEqualTo(1);

            link.close("feed closed");
            transport.close();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(newThreads(before)).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a certificate the context does not trust is refused; the words say it is not trusted")
    void untrustedCertificateIsRefused(String name) throws Exception {
        // the JVM's default trust (the JDK's CA certificates) does not trust the self-signed test certificate
        assertThat(refusal(name, TestCertificates.LOCALHOST, null))
                .startsWith("the TLS certificate of 127.0.0.1 is not trusted")
                .contains("javax.net.ssl.trustStore")
                .doesNotContain("secret");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a trusted certificate for another host name is refused (host name verification is on)")
    void certificateForAnotherHostIsRefused(String name) throws Exception {
        assertThat(refusal(name, TestCertificates.ELSEWHERE, TestCertificates.trusting()))
                .startsWith("the TLS certificate of 127.0.0.1 is for another host name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("a server that asks for a client certificate gets the one in the context's key managers")
    void clientCertificate(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer();
                TlsTerminator tls = new TlsTerminator(TestCertificates.LOCALHOST, server.port(), true)) {
            URI uri = tls.uri("wss", "/ws");
            try (WebSocketTransport without = name.equals("jdk")
                    ? new JdkTransport(2_000, FrameLimit.MAX_FRAME_BYTES, null, TestCertificates.trusting())
                    : new TyrusTransport(2_000, TestCertificates.trusting())) {
                IOException refused = catchThrowableOfType(
                        () -> without.connect(uri, Map.of(), new WebSocketTransportTest.Events()), IOException.class);
                assertThat(refused).as("refused without a client certificate").isNotNull();
                if (name.equals("jdk")) {
                    assertThat(ErrorText.plain(refused, uri))
                            .startsWith("127.0.0.1 refused this side's TLS client certificate");
                } else {
                    // a known difference: under TLS 1.3 the server's alert comes after the client's handshake, and
                    // Tyrus does not report it: the upgrade waits for the handshake timeout (README, TLS)
                    assertThat(ErrorText.plain(refused, uri)).startsWith("no WebSocket handshake from 127.0.0.1");
                }
            }
            assertThat(tls.handshakes()).isZero();
            try (WebSocketTransport with = transport(name, TestCertificates.trustingWithClientCertificate())) {
                WebSocketTransportTest.Events events = new WebSocketTransportTest.Events();
                with.connect(tls.uri("wss", "/ws"), Map.of(), events);
                server.awaitPeer().sendText("mutual");
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(events.texts).containsExactly("mutual"));
            }
            assertThat(tls.handshakes()).isEqualTo(1);
        }
    }

    /**
     * Connects to a terminator presenting the certificate and expects the connect to fail before any WebSocket byte
     * reaches the server; returns the failure in the runtime's words.
     */
    private static String refusal(String name, String certificate, SSLContext ssl) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer();
                TlsTerminator tls = new TlsTerminator(certificate, server.port());
                WebSocketTransport transport = transport(name, ssl)) {
            URI uri = tls.uri("wss", "/ws?token=secret");
            IOException refused = catchThrowableOfType(
                    () -> transport.connect(uri, Map.of(), new WebSocketTransportTest.Events()), IOException.class);

            assertThat(refused).as("the connect must fail").isNotNull();
            assertThat(refused.getMessage()).doesNotContain("secret");
            assertThat(tls.handshakes()).isZero();
            // the terminator connects to the server only after a finished handshake
            assertThat(server.peerCount()).as("connections that reached the WebSocket server").isZero();
            return ErrorText.plain(refused, uri);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("the host name is checked by name too: wss://localhost matches the certificate's DNS name")
    void localhostByName(String name) throws Exception {
        try (RawWebSocketServer server = new RawWebSocketServer();
                TlsTerminator tls = new TlsTerminator(TestCertificates.LOCALHOST, server.port());
                WebSocketTransport transport = transport(name, TestCertificates.trusting())) {
            WebSocketTransportTest.Events events = new WebSocketTransportTest.Events();
            transport.connect(URI.create("wss://localhost:" + tls.port() + "/ws"), Map.of(), events);
            server.awaitPeer().sendText("by name");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(events.texts).containsExactly("by name"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tyrus", "jdk"})
    @DisplayName("wss:// through the JVM's HTTP proxy: a CONNECT tunnel, TLS end to end with the server")
    void throughProxy(String name) throws Exception {
        ProxySelector original = ProxySelector.getDefault();
        try (RawWebSocketServer server = new RawWebSocketServer();
                TlsTerminator tls = new TlsTerminator(TestCertificates.LOCALHOST, server.port());
                ConnectProxy proxy = new ConnectProxy()) {
            ProxySelector viaProxy = ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port()));
            // Tyrus reads the JVM's default selector, the JDK transport is given it: both as the feed does
            ProxySelector.setDefault(viaProxy);
            try (WebSocketTransport transport = transport(name, TestCertificates.trusting())) {
                WebSocketTransportTest.Events events = new WebSocketTransportTest.Events();
                transport.connect(tls.uri("wss", "/ws"), Map.of(), events);
                server.awaitPeer().sendText("through the tunnel");
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(events.texts).containsExactly("through the tunnel"));
                assertThat(proxy.targets).containsExactly("127.0.0.1:" + tls.port());
                assertThat(tls.handshakes()).isEqualTo(1);
            }
        } finally {
            ProxySelector.setDefault(original);
        }
    }

    private static List<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().startsWith("raw-ws")
                        && !t.getName().startsWith("tls-terminator") && !t.getName().startsWith("ForkJoinPool")
                        && !t.getName().startsWith("awaitility"))
                .map(Thread::getName).collect(Collectors.toList());
    }
}
