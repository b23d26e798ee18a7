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
import java.util.List;
import java.util.Map;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only class that knows Tyrus: Jakarta WebSocket client connections. */
final class TyrusTransport implements WebSocketTransport {

    private static final Logger LOG = LoggerFactory.getLogger(TyrusTransport.class);
    /** Frames larger than this are refused (the connection closes with 1009 and the feed reconnects). */
    static final int MAX_FRAME_BYTES = 8 * 1024 * 1024;

    private final ClientManager client;

    TyrusTransport(long handshakeTimeoutMillis) {
        client = ClientManager.createClient();
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, handshakeTimeoutMillis);
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, MAX_FRAME_BYTES + 64);
        // No shared container: a shared one is shut down by its idle timer or by another feed's close while a
        // connection may be opening; each connection here owns its transport and releases it when it closes.
    }

    @Override
    public Link connect(URI uri, Map<String, String> headers, LinkListener listener) throws IOException {
        ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
                .configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((name, value) -> request.put(name, List.of(value)));
                    }
                })
                .build();
        try {
            Session session = client.connectToServer(new Adapter(listener), config, uri);
            return new TyrusLink(session);
        } catch (DeploymentException e) {
            throw new IOException("cannot open " + withoutQuery(uri) + ": " + FeedEngine.describe(e), e);
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

    private static final class Adapter extends Endpoint {
        private final LinkListener listener;

        Adapter(LinkListener listener) {
            this.listener = listener;
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            session.setMaxTextMessageBufferSize(MAX_FRAME_BYTES);
            // Negative: no idle timer at all. With 0 Tyrus re-arms a timer task for every message it receives
            // (a thread wake-up per frame); liveness is judged by Connection.checkAlive instead.
            session.setMaxIdleTimeout(-1);
            session.addMessageHandler(String.class, (MessageHandler.Whole<String>) listener::onText);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> listener.onPong());
        }

        @Override
        public void onClose(Session session, CloseReason reason) {
            listener.onClosed(reason.getCloseCode().getCode(), reason.getReasonPhrase());
        }

        @Override
        public void onError(Session session, Throwable error) {
            listener.onError(error);
        }
    }

    private static final class TyrusLink implements Link {
        private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'p', 'f'});
        private final Session session;

        TyrusLink(Session session) {
            this.session = session;
        }

        @Override
        public void sendText(String text) {
            session.getAsyncRemote().sendText(text, result -> {
                if (!result.isOK()) {
                    LOG.debug("send failed: {}", String.valueOf(result.getException()));
                }
            });
        }

        @Override
        public void sendPing() {
            try {
                session.getAsyncRemote().sendPing(PING.duplicate());
            } catch (IOException | IllegalStateException e) {
                LOG.debug("ping failed: {}", e.toString());
            }
        }

        @Override
        public void close(String reason) {
            try {
                if (session.isOpen()) {
                    session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
                }
            } catch (IOException | IllegalStateException e) {
                LOG.debug("close failed: {}", e.toString());
            }
        }
    }
}
