package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.ProtocolException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket connections over the JDK's own client ({@code java.net.http.WebSocket}, {@code websocket.transport=jdk}).
 *
 * <p>Threading: the client's executor runs tasks where they are submitted, so frames are read, assembled and handed
 * to the listener on the client's one selector thread with no hand-off per frame (a pool executor would wake a pool
 * thread for every read). The client starts no other thread; {@link #close()} aborts every open connection and stops
 * the selector thread, which Java 17's {@code HttpClient} cannot do by itself.
 */
final class JdkTransport implements WebSocketTransport {

    private static final Logger LOG = LoggerFactory.getLogger(JdkTransport.class);
    /** How long a close we started waits for the server's close frame before the socket is aborted. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final ByteBuffer PING = ByteBuffer.wrap(new byte[] {'p', 'f'}).asReadOnlyBuffer();

    /** RFC 6455 1008: the nearest code to 1009 (message too big) that the JDK client is allowed to send. */
    static final int POLICY_VIOLATION = 1008;

    private final HttpClient client;
    private final Duration handshakeTimeout;
    private final long maxMessageBytes;
    private final Set<JdkLink> open = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A transport with its own client.
     *
     * @param maxMessageBytes messages longer than this (UTF-8 bytes) close the connection as ours
     * @param proxies where connections go through (the JVM's {@link ProxySelector#getDefault()}, as Tyrus), or null
     * @param ssl the TLS context, or null for the JVM's default; the host name is always verified (the client's own
     *     check, on unless {@code jdk.internal.httpclient.disableHostnameVerification} is set)
     */
    JdkTransport(long handshakeTimeoutMillis, long maxMessageBytes, ProxySelector proxies, SSLContext ssl) {
        this.handshakeTimeout = Duration.ofMillis(handshakeTimeoutMillis);
        this.maxMessageBytes = maxMessageBytes;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(handshakeTimeout)
                // In place: no pool thread per read (see the class comment); nothing submitted here blocks.
                .executor(Runnable::run);
        if (proxies != null) {
            builder.proxy(proxies);
        }
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
    }

    @Override
    public Link connect(URI uri, Map<String, String> headers, LinkListener listener) throws IOException {
        if (closed.get()) {
            throw new IOException("transport closed");
        }
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(handshakeTimeout);
        JdkLink link = new JdkLink(listener, maxMessageBytes, open);
        CompletableFuture<WebSocket> opening;
        try {
            headers.forEach((name, value) -> {
                if (name.equalsIgnoreCase("Sec-WebSocket-Protocol")) {
                    // the JDK client takes subprotocols through its own method, not as a header
                    String[] protocols = value.split("\\s*,\\s*");
                    builder.subprotocols(protocols[0], java.util.Arrays.copyOfRange(protocols, 1, protocols.length));
                } else {
                    builder.header(name, value);
                }
            });
            opening = builder.buildAsync(uri, link);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot open " + TyrusTransport.withoutQuery(uri) + " with the JDK client: "
                    + e.getMessage(), e);
        }
        try {
            link.socket = opening.get(handshakeTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            opening.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening " + TyrusTransport.withoutQuery(uri), e);
        } catch (TimeoutException e) {
            opening.cancel(true);
            throw new HandshakeTimeoutException(uri, handshakeTimeout.toMillis(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                // the builder's connectTimeout covers the TCP connect and the upgrade
                throw new HandshakeTimeoutException(uri, handshakeTimeout.toMillis(), e.getCause());
            }
            throw new IOException("cannot open " + TyrusTransport.withoutQuery(uri) + ": " + why(e.getCause()),
                    e.getCause());
        }
        open.add(link);
        if (link.inputClosed.getCount() == 0) {
            open.remove(link);
        }
        if (closed.get()) {
            link.socket.abort();
        }
        return link;
    }

    /** The handshake failure in words; the response status where the server refused the upgrade. */
    private static String why(Throwable error) {
        if (error instanceof WebSocketHandshakeException refused) {
            return "the server refused the WebSocket upgrade (HTTP " + refused.getResponse().statusCode() + ")";
        }
        if (error instanceof HttpTimeoutException) {
            return "no handshake within the timeout";
        }
        return ErrorText.describe(error);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (JdkLink link : open) {
            link.socket.abort();
        }
        open.clear();
        JdkHttpClients.stop(client);
    }

    /** One connection: joins fragments, enforces the frame limit and sends one message at a time. */
    private static final class JdkLink implements Link, WebSocket.Listener {
        private final LinkListener listener;
        private final long maxMessageBytes;
        private final Set<JdkLink> open;
        private final CountDownLatch inputClosed = new CountDownLatch(1);
        /** The JDK reports the end once, but a close we start and the server's answer must not both count. */
        private final AtomicBoolean reported = new AtomicBoolean();
        /** Our own words when this side started the close, so the report says who closed; null otherwise. */
        private final AtomicReference<String> closedByUs = new AtomicReference<>();
        private volatile WebSocket socket;
        /** The JDK client takes one text send at a time: each waits for the one before. */
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
        // Selector thread only: the message being assembled.
        private final StringBuilder partialText = new StringBuilder();
        private ByteBuffer partialBinary;
        /** UTF-8 bytes of the message so far (exact once it may be near the limit); counted on while discarding. */
        private long messageBytes;
        private boolean discarding;

        JdkLink(LinkListener listener, long maxMessageBytes, Set<JdkLink> open) {
            this.listener = listener;
            this.maxMessageBytes = maxMessageBytes;
            this.open = open;
        }

        // ------------------------------------------------------------ WebSocket.Listener (selector thread)

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            // No flow control per message: every callback finishes its work before it returns.
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last && messageBytes == 0 && data.length() * 3L <= maxMessageBytes) {
                // the common case: a whole message that cannot be over the limit, read in place (no String copy)
                listener.onText(data);
                return null;
            }
            messageBytes += FrameLimit.utf8Bytes(data);
            listener.onPart();
            if (!fits(webSocket, last)) {
                return null;
            }
            partialText.append(data);
            if (last) {
                messageBytes = 0;
                try {
                    listener.onText(partialText);
                } finally {
                    partialText.setLength(0);
                }
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            if (last && messageBytes == 0 && data.remaining() <= maxMessageBytes) {
                listener.onBinary(data);
                return null;
            }
            messageBytes += data.remaining();
            listener.onPart();
            if (!fits(webSocket, last)) {
                return null;
            }
            if (partialBinary == null || partialBinary.remaining() < data.remaining()) {
                ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(maxMessageBytes, Math.max(messageBytes * 2, 4096)));
                if (partialBinary != null) {
                    bigger.put(partialBinary.flip());
                }
                partialBinary = bigger;
            }
            partialBinary.put(data);
            if (last) {
                ByteBuffer whole = partialBinary.flip();
                partialBinary = null;
                messageBytes = 0;
                listener.onBinary(whole);
            }
            return null;
        }

        /**
         * Whether the message so far is within the limit. Over it, the rest of the message is only counted (so the
         * report gives its size, as Tyrus's does), then the connection is closed as ours; a message over twice the
         * limit is refused at once.
         */
        private boolean fits(WebSocket webSocket, boolean last) {
            if (!discarding && messageBytes <= maxMessageBytes) {
                return true;
            }
            if (!discarding) {
                discarding = true;
                partialText.setLength(0);
                partialText.trimToSize();
                partialBinary = null;
            }
            if (last) {
                refuse(webSocket, FrameLimit.describe(messageBytes));
            } else if (messageBytes > 2 * maxMessageBytes) {
                refuse(webSocket, FrameLimit.describeOver(messageBytes));
            }
            return false;
        }

        /** Closes as ours, saying why; the server's answering close (or the runtime's close) ends the socket. */
        private void refuse(WebSocket webSocket, String reason) {
            if (!closedByUs.compareAndSet(null, reason)) {
                return;
            }
            LOG.warn("closing the connection: {}", reason);
            // The JDK client may not send 1009 (message too big); 1008 (policy violation) is the nearest it allows.
            sendCloseQuietly(webSocket, POLICY_VIOLATION, reason);
            report(true, 1009, reason);
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            listener.onPong();
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            // Returning null answers with a close frame of the same code, then the client closes the socket.
            String ours = closedByUs.get();
            if (ours != null) {
                report(true, statusCode, ours);
            } else {
                report(false, statusCode, reason);
            }
            finished();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (closedByUs.get() == null && error instanceof IOException && !(error instanceof ProtocolException)) {
                // the socket ended (reset, end of stream) without a close frame: 1006 in RFC 6455's words, as Tyrus says
                report(false, 1006, ErrorText.describe(error));
            } else if (reported.compareAndSet(false, true)) {
                listener.onError(error);
            }
            finished();
        }

        private void report(boolean byUs, int code, String reason) {
            if (reported.compareAndSet(false, true)) {
                listener.onClosed(byUs, code, reason);
            }
        }

        private void finished() {
            inputClosed.countDown();
            open.remove(this);
        }

        // ------------------------------------------------------------ Link (runtime threads)

        @Override
        public void sendText(String text) {
            WebSocket ws = socket;
            synchronized (this) {
                sending = sending.handle((r, e) -> null).thenCompose(ignored -> ws.sendText(text, true))
                        .whenComplete((r, error) -> {
                            if (error != null) {
                                LOG.debug("send failed: {}", String.valueOf(unwrap(error)));
                            }
                        });
            }
        }

        @Override
        public void sendPing() {
            try {
                socket.sendPing(PING.duplicate()).whenComplete((r, error) -> {
                    if (error != null) {
                        LOG.debug("ping failed: {}", String.valueOf(unwrap(error)));
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("ping not sent: {}", e.toString());
            }
        }

        /** Sends a close frame, waits briefly for the server's, then aborts; runs on an I/O thread, never throws. */
        @Override
        public void close(String reason) {
            WebSocket ws = socket;
            closedByUs.compareAndSet(null, reason == null ? "" : reason);
            try {
                if (!ws.isOutputClosed()) {
                    CompletableFuture<?> closing;
                    synchronized (this) {
                        closing = sending.handle((r, e) -> null)
                                .thenCompose(ignored -> ws.sendClose(WebSocket.NORMAL_CLOSURE, CloseReasons.fit(reason)));
                    }
                    closing.get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                }
                inputClosed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debug("close frame not sent: {}", String.valueOf(unwrap(e)));
            } finally {
                // Once both sides sent their close the client has closed the socket already; abort is then a no-op.
                ws.abort();
                finished();
            }
        }

        private static void sendCloseQuietly(WebSocket webSocket, int code, String reason) {
            try {
                webSocket.sendClose(code, CloseReasons.fit(reason)).whenComplete((r, error) -> {
                    if (error != null) {
                        LOG.debug("close frame not sent: {}", String.valueOf(unwrap(error)));
                    }
                });
            } catch (RuntimeException e) {
                LOG.debug("close frame not sent: {}", e.toString());
            }
        }

        private static Throwable unwrap(Throwable error) {
            return (error instanceof CompletionException || error instanceof ExecutionException)
                    && error.getCause() != null ? error.getCause() : error;
        }
    }
}
