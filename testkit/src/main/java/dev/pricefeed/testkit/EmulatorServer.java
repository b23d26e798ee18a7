package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WebSocket (RFC 6455) and HTTP/1.1 server on 127.0.0.1 and an ephemeral port, scripted by an
 * {@link EmulatorHandler}, with fault injection for tests. Threads are daemons; {@link #close()} stops all of them.
 */
public final class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    /** The GUID RFC 6455 (section 1.3) appends to the client key. */
    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(2);

    private final EmulatorHandler handler;
    private final ServerSocket serverSocket;
    private final ExecutorService io;
    private final ScheduledThreadPoolExecutor timers;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<EmulatorConnection> open = new CopyOnWriteArrayList<>();
    private final List<EmulatorConnection> accepted = new ArrayList<>();
    private final List<HttpCall> httpCalls = new CopyOnWriteArrayList<>();
    private final List<HttpFault> faults = new ArrayList<>();
    /** The HTTP status WebSocket upgrades are answered with instead of 101, or 0 to accept them. */
    private volatile int refuseStatus;
    private volatile boolean hangHandshakes;

    private EmulatorServer(EmulatorHandler handler, ServerSocket serverSocket) {
        this.handler = handler;
        this.serverSocket = serverSocket;
        String prefix = "emulator-" + serverSocket.getLocalPort();
        this.io = Executors.newCachedThreadPool(daemonThreads(prefix + "-io"));
        this.timers = new ScheduledThreadPoolExecutor(2, daemonThreads(prefix + "-timer"));
        this.timers.setRemoveOnCancelPolicy(true);
        this.timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    /** Binds 127.0.0.1 on an ephemeral port and returns once it is listening. */
    public static EmulatorServer start(EmulatorHandler handler) {
        requireNonNull(handler, "handler is null");
        ServerSocket socket;
        try {
            socket = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not bind the emulator to 127.0.0.1", e);
        }
        EmulatorServer server = new EmulatorServer(handler, socket);
        server.io.execute(server::acceptLoop);
        LOG.debug("emulator listening on {}", socket.getLocalSocketAddress());
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The address it listens on (always the loopback address). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** {@code ws://127.0.0.1:<port>} followed by the path and query, which start with {@code /}. */
    public URI wsUri(String pathAndQuery) {
        return uri("ws", pathAndQuery);
    }

    /** {@code http://127.0.0.1:<port>} followed by the path and query, which start with {@code /}. */
    public URI httpUri(String pathAndQuery) {
        return uri("http", pathAndQuery);
    }

    /** The WebSocket connections open right now, oldest first. */
    public List<EmulatorConnection> connections() {
        return List.copyOf(open);
    }

    /** WebSocket connections accepted since start (refused upgrades do not count). */
    public int connectionsAccepted() {
        synchronized (accepted) {
            return accepted.size();
        }
    }

    /** The n-th accepted WebSocket connection (1-based), waiting for it; throws {@link AssertionError} on timeout. */
    public EmulatorConnection awaitConnection(int n, Duration timeout) {
        if (n < 1) {
            throw new IllegalArgumentException("connections are numbered from 1, got " + n);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (accepted) {
            while (accepted.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected WebSocket connection #" + n + " within " + timeout
                            + " but only " + accepted.size() + " were accepted");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(accepted, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for connection #" + n, e);
                }
            }
            return accepted.get(n - 1);
        }
    }

    /** Sends a text frame to every open connection (silenced ones stay silent). */
    public void broadcast(String text) {
        for (EmulatorConnection connection : open) {
            connection.send(text);
        }
    }

    /** Closes every open connection's TCP connection at once, without a close frame. */
    public void dropAll() {
        for (EmulatorConnection connection : open) {
            connection.drop();
        }
    }

    /** Every open connection goes silent: sends nothing more, keeps TCP open and keeps reading. */
    public void silenceAll() {
        for (EmulatorConnection connection : open) {
            connection.silence();
        }
    }

    /** While true, WebSocket upgrades are answered with HTTP 503 and closed; plain HTTP calls still work. */
    public void refuseConnections(boolean refuse) {
        this.refuseStatus = refuse ? 503 : 0;
    }

    /** While {@code status} is not 0, WebSocket upgrades are answered with that HTTP status (403, 500, 503 ...). */
    public void refuseConnections(int status) {
        if (status != 0 && (status < 200 || status > 599 || status == 101)) {
            throw new IllegalArgumentException("a refusal needs an HTTP status from 200 to 599 other than 101, got "
                    + status);
        }
        this.refuseStatus = status;
    }

    /**
     * While true, WebSocket upgrade requests are read and never answered (the TCP connection stays open), so the
     * client's handshake times out; when switched off, the hung sockets are closed.
     */
    public void hangHandshakes(boolean hang) {
        this.hangHandshakes = hang;
    }

    /**
     * The next {@code times} HTTP calls whose path starts with the prefix get this answer instead of the handler's,
     * with a {@code Retry-After} header in whole seconds (rounded up) when {@code retryAfter} is given;
     * {@code Integer.MAX_VALUE} times means until {@link #clearHttpFaults()}.
     */
    public void failHttp(String pathPrefix, int status, String body, Duration retryAfter, int times) {
        requireNonNull(pathPrefix, "pathPrefix is null");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        HttpReply reply = HttpReply.status(status, body);
        if (retryAfter != null) {
            long seconds = (retryAfter.toMillis() + 999) / 1000;
            reply = reply.withHeader("Retry-After", Long.toString(seconds));
        }
        synchronized (faults) {
            faults.add(new HttpFault(pathPrefix, reply, times));
        }
    }

    /** Removes every HTTP fault. */
    public void clearHttpFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** Every HTTP call received so far, in order. */
    public List<HttpCall> httpCalls() {
        return List.copyOf(httpCalls);
    }

    /** Stops listening, closes every connection and stops every thread; idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the listening socket failed", e);
        }
        for (EmulatorConnection connection : open) {
            connection.terminate();
        }
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        timers.shutdownNow();
        io.shutdownNow();
        try {
            if (!io.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("emulator threads still running {} after close", SHUTDOWN_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("emulator on port {} closed", serverSocket.getLocalPort());
    }

    @Override
    public String toString() {
        return "EmulatorServer[" + serverSocket.getLocalSocketAddress() + ", open=" + open.size() + "]";
    }

    // ---- scheduling, shared with the connections ----

    Future<?> schedule(Duration delay, Runnable task) {
        try {
            return timers.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return cancelled(e);
        }
    }

    Future<?> scheduleRepeating(Duration interval, Runnable task) {
        long nanos = interval.toNanos();
        if (nanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        try {
            return timers.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return cancelled(e);
        }
    }

    Future<?> submit(Runnable task) {
        try {
            return io.submit(task);
        } catch (RejectedExecutionException e) {
            return cancelled(e);
        }
    }

    void removeOpen(EmulatorConnection connection) {
        open.remove(connection);
    }

    // ---- accepting and serving ----

    private void acceptLoop() {
        while (!closed.get()) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("accept failed on port {}", port(), e);
                }
                continue;
            }
            sockets.add(socket);
            if (closed.get()) {
                closeQuietly(socket);
                break;
            }
            try {
                io.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                LOG.debug("server closing, refusing a connection", e);
                sockets.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            HttpRequestHead head = HttpRequestHead.read(in);
            if (head == null) {
                return;
            }
            if (head.isWebSocketUpgrade()) {
                upgrade(socket, in, head);
            } else {
                serveHttp(socket, in, head);
            }
        } catch (SocketException e) {
            LOG.debug("connection from {} ended: {}", socket.getRemoteSocketAddress(), e.toString());
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.warn("request from {} failed", socket.getRemoteSocketAddress(), e);
            }
        } finally {
            sockets.remove(socket);
            closeQuietly(socket);
        }
    }

    private void serveHttp(Socket socket, InputStream in, HttpRequestHead head) throws IOException {
        String body = readBody(in, head);
        HttpCall call = new HttpCall(head.method(), head.path(), head.query(), head.headers(), body);
        httpCalls.add(call);
        HttpReply reply = faultFor(call.path());
        if (reply == null) {
            try {
                reply = handler.onHttp(call);
                if (reply == null) {
                    LOG.warn("handler answered null to {} {}", call.method(), call.path());
                    reply = HttpReply.status(500, "emulator handler answered null");
                }
            } catch (RuntimeException e) {
                LOG.warn("handler failed on {} {}", call.method(), call.path(), e);
                reply = HttpReply.status(500, "emulator handler failed: " + e);
            }
        }
        LOG.debug("{} {} -> {}", call.method(), call.path(), reply.status());
        writeHttp(socket.getOutputStream(), reply, !"HEAD".equals(call.method()));
    }

    private void upgrade(Socket socket, InputStream in, HttpRequestHead head) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (hangHandshakes) {
            LOG.debug("leaving a WebSocket upgrade to {} unanswered", head.path());
            while (hangHandshakes && !closed.get() && !socket.isClosed()) {
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            return;
        }
        int status = refuseStatus;
        if (status != 0) {
            LOG.debug("refusing a WebSocket upgrade to {} with {}", head.path(), status);
            writeHttp(out, HttpReply.status(status, "the emulator refuses WebSocket connections"), true);
            return;
        }
        String key = head.headers().get("sec-websocket-key");
        if (key == null || !"13".equals(head.headers().get("sec-websocket-version"))) {
            writeHttp(out, HttpReply.status(400, "WebSocket upgrade needs Sec-WebSocket-Key and version 13"), true);
            return;
        }
        StringBuilder response = new StringBuilder(256)
                .append("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(acceptKey(key)).append("\r\n");
        String protocols = head.headers().get("sec-websocket-protocol");
        if (protocols != null && !protocols.isBlank()) {
            // Echo the first offered sub-protocol; clients that offer one refuse an answer without it.
            response.append("Sec-WebSocket-Protocol: ").append(protocols.split(",")[0].trim()).append("\r\n");
        }
        response.append("\r\n");
        synchronized (out) {
            out.write(response.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        EmulatorConnection connection;
        synchronized (accepted) {
            connection = new EmulatorConnection(this, handler, accepted.size() + 1, socket, in, head);
            accepted.add(connection);
            open.add(connection);
            accepted.notifyAll();
        }
        LOG.debug("WebSocket connection {} opened on {}", connection.id(), head.path());
        if (closed.get()) {
            connection.terminate();
        }
        connection.run();
    }

    private HttpReply faultFor(String path) {
        synchronized (faults) {
            for (HttpFault fault : faults) {
                if (path.startsWith(fault.pathPrefix) && fault.take()) {
                    faults.removeIf(HttpFault::exhausted);
                    return fault.reply;
                }
            }
            return null;
        }
    }

    private static String readBody(InputStream in, HttpRequestHead head) throws IOException {
        String encoding = head.headers().get("transfer-encoding");
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        int length = head.contentLength();
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("request body ended after " + body.length + " of " + length + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size line: " + sizeLine, e);
            }
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailers carry nothing the emulator uses
                }
                return body.toString(StandardCharsets.UTF_8);
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void writeHttp(OutputStream out, HttpReply reply, boolean withBody) throws IOException {
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(HttpReasons.of(reply.status()))
                .append("\r\n");
        for (Map.Entry<String, String> header : reply.headers().entrySet()) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")) {
                head.append(name).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        head.append("Content-Length: ").append(body.length).append("\r\n")
                .append("Connection: close\r\n\r\n");
        synchronized (out) {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (withBody) {
                out.write(body);
            }
            out.flush();
        }
    }

    private static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key.trim() + WEBSOCKET_GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private URI uri(String scheme, String pathAndQuery) {
        requireNonNull(pathAndQuery, "pathAndQuery is null");
        if (!pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got '" + pathAndQuery + "'");
        }
        return URI.create(scheme + "://127.0.0.1:" + port() + pathAndQuery);
    }

    private static Future<?> cancelled(RejectedExecutionException cause) {
        LOG.debug("emulator closed, task not scheduled", cause);
        CompletableFuture<Void> future = new CompletableFuture<>();
        future.cancel(false);
        return future;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("socket close failed", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One injected HTTP answer with how many more calls it applies to. */
    private static final class HttpFault {
        private final String pathPrefix;
        private final HttpReply reply;
        private int remaining;

        HttpFault(String pathPrefix, HttpReply reply, int times) {
            this.pathPrefix = pathPrefix;
            this.reply = reply;
            this.remaining = times;
        }

        boolean take() {
            if (remaining <= 0) {
                return false;
            }
            if (remaining != Integer.MAX_VALUE) {
                remaining--;
            }
            return true;
        }

        boolean exhausted() {
            return remaining <= 0;
        }
    }
}
