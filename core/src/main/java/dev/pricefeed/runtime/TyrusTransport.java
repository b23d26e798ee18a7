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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.container.grizzly.client.GrizzlyClientProperties;
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

    /** How long {@link #close()} waits for the threads of the connections to end. */
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final long handshakeTimeoutMillis;
    /** The feed's TLS context, or null for the JVM's default (looked up at each wss:// connect). */
    private final SSLContext ssl;
    /** Connections not yet closed. */
    private final Set<TyrusLink> open = ConcurrentHashMap.newKeySet();
    /** Every thread a connection's Grizzly transport started (its selector and its pool's one thread). */
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

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
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.ssl = ssl;
    }

    /**
     * A client for one connection. Tyrus builds a Grizzly transport per connection (no shared container: a shared one
     * is shut down by its idle timer or by another feed's close while a connection may be opening); each needs its
     * own worker pool configuration (see {@link SelectorThreadReads}), so each connection has its own client.
     */
    private ClientManager newClient() {
        ClientManager client = ClientManager.createClient();
        // Tyrus reads this property only as an Integer: a Long is ignored and its 30 s default applies
        client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT,
                (int) Math.min(Integer.MAX_VALUE, handshakeTimeoutMillis));
        client.getProperties().put(ClientProperties.INCOMING_BUFFER_SIZE, READ_BUFFER_BYTES);
        client.getProperties().put(GrizzlyClientProperties.WORKER_THREAD_POOL_CONFIG,
                SelectorThreadReads.workerPool(threads));
        // No idle timer: with Tyrus's default (0) every new session schedules one, which starts a timer thread
        // that lives as long as the client; liveness is judged by Connection.checkAlive instead.
        client.setDefaultMaxSessionIdleTimeout(-1);
        return client;
    }

    @Override
    public Link connect(URI uri, Map<String, String> headers, LinkListener listener) throws IOException {
        if (closed.get()) {
            throw new IOException("transport closed");
        }
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
        threads.removeIf(thread -> !thread.isAlive());
        ClientManager client = newClient();
        Adapter adapter = new Adapter(listener, threads);
        Session session;
        try {
            session = client.connectToServer(adapter, config, uri);
        } catch (DeploymentException | RuntimeException e) {
            client.shutdown();
            if (String.valueOf(e.getMessage()).contains(TYRUS_HANDSHAKE_TIMEOUT)) {
                throw new HandshakeTimeoutException(uri, handshakeTimeoutMillis, e);
            }
            throw new IOException("cannot open " + withoutQuery(uri) + ": " + ErrorText.describe(e), e);
        }
        TyrusLink link = new TyrusLink(session, adapter);
        open.add(link);
        adapter.ended(() -> {
            open.remove(link);
            client.shutdown();
        });
        if (closed.get()) {
            link.close("transport closed");
        }
        return link;
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

    /**
     * Closes every connection still open and waits (up to {@value #STOP_WAIT_MILLIS} ms in all) until every thread
     * the connections' transports started has ended.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (TyrusLink link : open) {
            link.close("feed closed");
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        try {
            for (Thread thread : threads) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (thread != Thread.currentThread() && left > 0) {
                    thread.join(left);
                }
                if (thread.isAlive()) {
                    LOG.debug("Tyrus thread {} still running {} ms after close", thread.getName(), STOP_WAIT_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        private final Set<Thread> threads;
        /** What runs once the session has ended (the client is released); null when not yet set or already run. */
        private Runnable release;
        private boolean over;
        /** Our own words when this side started the close, so the report says who closed; null otherwise. */
        private final AtomicReference<String> closedByUs = new AtomicReference<>();
        private volatile Session session;
        /** The fragments of a text message so far (read thread only); empty between messages. */
        private final StringBuilder fragments = new StringBuilder();
        /** Set once the current fragmented message went over the limit: its other fragments are dropped. */
        private boolean discarding;
        /** UTF-8 bytes of the current fragmented message so far. */
        private long fragmentBytes;

        Adapter(LinkListener listener, Set<Thread> threads) {
            this.listener = listener;
            this.threads = threads;
        }

        /** Runs {@code action} when the session ends, or now when it already has. */
        void ended(Runnable action) {
            synchronized (this) {
                if (!over) {
                    release = action;
                    return;
                }
            }
            action.run();
        }

        private void end() {
            Runnable action;
            synchronized (this) {
                over = true;
                action = release;
                release = null;
            }
            if (action != null) {
                action.run();
            }
        }

        @Override
        public void onOpen(Session session, EndpointConfig config) {
            this.session = session;
            if (SelectorThreadReads.onSelector()) {
                // the connection's selector thread, where its frames are read: close() waits for it to end
                threads.add(Thread.currentThread());
            }
            session.setMaxTextMessageBufferSize(READ_BUFFER_BYTES);
            session.setMaxBinaryMessageBufferSize(READ_BUFFER_BYTES);
            // Negative: no idle timer at all. With 0 Tyrus re-arms a timer task for every message it receives
            // (a thread wake-up per frame); liveness is judged by Connection.checkAlive instead.
            session.setMaxIdleTimeout(-1);
            // A partial handler: Tyrus hands over a whole message as (text, last=true) without looking for decoders
            // and sorting its whole-message handlers for every message, as it does for a MessageHandler.Whole.
            session.addMessageHandler(String.class, (MessageHandler.Partial<String>) this::onText);
            session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) this::onBinary);
            session.addMessageHandler(PongMessage.class, (MessageHandler.Whole<PongMessage>) pong -> listener.onPong());
        }

        private void onText(String text, boolean last) {
            if (last && fragments.length() == 0 && !discarding) {
                long bytes = FrameLimit.utf8BytesIfOver(text);
                if (bytes > MAX_FRAME_BYTES) {
                    refuse(bytes);
                    return;
                }
                listener.onText(text);
                return;
            }
            listener.onPart();
            if (!discarding) {
                fragmentBytes += FrameLimit.utf8Bytes(text);
                if (fragmentBytes > MAX_FRAME_BYTES) {
                    fragments.setLength(0);
                    fragments.trimToSize();
                    discarding = true;
                    refuse(fragmentBytes);
                } else {
                    fragments.append(text);
                }
            }
            if (last) {
                boolean whole = !discarding;
                discarding = false;
                fragmentBytes = 0;
                if (whole) {
                    try {
                        listener.onText(fragments);
                    } finally {
                        fragments.setLength(0);
                    }
                }
            }
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
            end();
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
