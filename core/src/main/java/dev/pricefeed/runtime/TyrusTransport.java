package dev.pricefeed.runtime;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only class that knows Tyrus: Jakarta WebSocket client connections. */
final class TyrusTransport implements WebSocketTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TyrusTransport.class);
    /** Frames larger than this are refused (the connection closes with 1009 and the feed reconnects). */
    static final int MAX_FRAME_BYTES = FrameLimit.MAX_FRAME_BYTES;
    /**
     * Tyrus's own read buffer: twice the frame limit, so a frame just over the limit still arrives whole and we can
     * say how big it was; beyond this Tyrus closes by itself with {@link #TYRUS_OVERFLOW}.
     */
    private static final int READ_BUFFER_BYTES = 2 * MAX_FRAME_BYTES + 64;
    /** The reason phrase of the 1011 close Tyrus makes by itself when a frame overflows its read buffer. */
    private static final String TYRUS_OVERFLOW = "Buffer overflow.";

    /** Tyrus's words when the upgrade is not answered within its HANDSHAKE_TIMEOUT (it has no type of its own). */
    private static final String TYRUS_HANDSHAKE_TIMEOUT = "Handshake response not received";

    private final ClientManager client;
    /** The feed's TLS context, or null for the JVM's default (looked up at each wss:// connect). */
    private final SSLContext ssl;
    private final long handshakeTimeoutMillis;

    TyrusTransport(long handshakeTimeoutMillis) {
        this(handshakeTimeoutMillis, null);
    }

    /**
     * A transport whose wss:// connections trust what {@code ssl} trusts.
     *
     * @param ssl the TLS context, or null for the JVM's default ({@link SSLContext#getDefault()}, as the JDK client):
     *     without one Tyrus would build its own from the {@code javax.net.ssl.*} properties and ignore a default set
     *     with {@link SSLContext#setDefault}
     */
    TyrusTransport(long handshakeTimeoutMillis, SSLContext ssl) {
        this.ssl = ssl;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        client = ClientManager.createClient();
        // Tyrus reads this property only as an Integer: a Long is ignored and its 30 s default applies
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT,
                (int) Math.min(Integer.MAX_VALUE, handshakeTimeoutMillis));
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, READ_BUFFER_BYTES);
        // No shared container: a shared one is shut down by its idle timer or by another feed's close while a
        // connection may be opening; each connection here owns its transport and releases it when it closes.
    }

    @Override
    public Link connect(URI uri, Map<String, String> headers, LinkListener listener) throws IOException {
        // Tyrus verifies the host name for a context given here (it sets the engine's endpoint identification to
        // HTTPS), as the JDK client does; WebSocketTlsTest holds both to it
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                    }
                })
                .sslContext("wss".equalsIgnoreCase(uri.getScheme()) ? tls(uri) : null)
                .build();
        Adapter adapter = new Adapter(listener);
        try {
            Session session = client.connectToServer(adapter, config, uri);
            return new TyrusLink(session, adapter);
        } catch (DeploymentException | RuntimeException e) {
            if (String.valueOf(e.getMessage()).contains(TYRUS_HANDSHAKE_TIMEOUT)) {
                throw new HandshakeTimeoutException(uri, handshakeTimeoutMillis, e);
            }
            throw new IOException("cannot open " + withoutQuery(uri) + ": " + ErrorText.describe(e), e);
        }
    }

    private SSLContext tls(URI uri) throws IOException {
        if (ssl != null) {
            return ssl;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("cannot open " + withoutQuery(uri) + ": no default TLS context in this JVM ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The URI without its query, which may carry a token (KuCoin) that must never be logged. */
    static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public void close() {
        client.shutdown();
    }

    /** Closes the session with a code and a reason that fits a close frame; never throws. */
    private static void closeQuietly(Session session, CloseReason.CloseCode code, String reason) {
        try {
            if (session.isOpen()) {
                session.close(new CloseReason(code, CloseReasons.fit(reason)));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    private static final class Adapter extends Endpoint {
        private final LinkListener listener;
        /** Our own words when this side started the close, so the report says who closed; null otherwise. */
        private final AtomicReference<String> closedByUs = new AtomicReference<>();
        private volatile Session session;

        Adapter(LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            session.setMaxTextMessageBufferSize(READ_BUFFER_BYTES);
            session.setMaxBinaryMessageBufferSize(READ_BUFFER_BYTES);
            // Negative: no idle timer at all. With 0 Tyrus re-arms a timer task for every message it receives
            // (a thread wake-up per frame); liveness is judged by Connection.checkAlive instead.
            session.setMaxIdleTimeout(-1);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) this::onText);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> listener.onPong());
        }

        private void onText(String text) {
            long bytes = FrameLimit.utf8BytesIfOver(text);
            if (bytes > MAX_FRAME_BYTES) {
                refuse(bytes);
                return;
            }
            listener.onText(text);
        }

        private void onBinary(ByteBuffer data) {
            if (data.remaining() > MAX_FRAME_BYTES) {
                refuse(data.remaining());
                return;
            }
            listener.onBinary(data);
        }

        /** Closes with 1009 (message too big) and reports that we did, with the size. */
        private void refuse(long bytes) {
            String reason = FrameLimit.describe(bytes);
            closeByUs(CloseReason.CloseCodes.TOO_BIG, reason);
            listener.onClosed(true, CloseReason.CloseCodes.TOO_BIG.getCode(), reason);
        }

        void closeByUs(CloseReason.CloseCode code, String reason) {
            closedByUs.compareAndSet(null, reason);
            Session s = session;
            if (s != null) {
                closeQuietly(s, code, reason);
            }
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            int code = reason.getCloseCode().getCode();
            String ours = closedByUs.get();
            if (ours != null) {
                listener.onClosed(true, code, ours);
            } else if (code == CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode()
                    && TYRUS_OVERFLOW.equals(reason.getReasonPhrase())) {
                // Tyrus closes by itself (no close frame came) when a frame does not fit its read buffer
                listener.onClosed(true, code, FrameLimit.describeOver(READ_BUFFER_BYTES));
            } else {
                listener.onClosed(false, code, reason.getReasonPhrase());
            }
        }

        @Override
        public void onError(Session session, Throwable error) {
            listener.onError(error);
        }
    }

    private static final class TyrusLink implements Link {
        private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'p', 'f'});
        private final Session session;
        private final Adapter adapter;

        TyrusLink(Session session, Adapter adapter) {
            this.session = session;
            this.adapter = adapter;
        }

        @Override
        public void sendText(String text) {
            try {
                session.getAsyncRemote().sendText(text, result -> {
                    if (!result.isOK()) {
                        LOG.debug("send failed: {}", String.valueOf(result.getException()));
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("send failed: {}", e.toString());
            }
        }

        @Override
        public void sendPing() {
            try {
                session.getAsyncRemote().sendPing(PING.duplicate());
            } catch (IOException | RuntimeException e) {
                LOG.debug("ping failed: {}", e.toString());
            }
        }

        @Override
        public void close(String reason) {
            adapter.closeByUs(CloseReason.CloseCodes.NORMAL_CLOSURE, reason);
        }
    }
}
