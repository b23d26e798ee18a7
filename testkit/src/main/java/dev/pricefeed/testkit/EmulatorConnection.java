package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection accepted by an {@link EmulatorServer}: what the client sent, and commands to send frames,
 * schedule work and inject faults. Every method is thread-safe. Frames are written by a writer thread of its own, so a
 * client that stops reading never blocks the caller or other connections.
 */
public final class EmulatorConnection {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorConnection.class);

    /** Queued outgoing bytes above which a client counts as too slow and is dropped. */
    private static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** Queued outgoing bytes above which {@link #stream} waits for the client to catch up. */
    private static final long STREAM_HIGH_WATER = 1024 * 1024;
    /** How long a close frame we sent waits for the client's answer before the socket is closed anyway. */
    private static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    private static final String GARBAGE = "}{ not json";

    private enum State { OPEN, CLOSING, CLOSED }

    /** One frame waiting for the writer; {@code closeAfter} ends the connection once it is written. */
    private record Outbound(byte[] bytes, boolean closeAfter) {
    }

    private final EmulatorServer server;
    private final EmulatorHandler handler;
    private final int id;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final HttpRequestHead head;
    private final Map<String, String> queryParams;

    private volatile State state = State.OPEN;
    private volatile boolean silenced;
    private final AtomicBoolean closeNotified = new AtomicBoolean();
    private final LinkedBlockingQueue<Outbound> outbound = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private volatile Future<?> writer;
    private volatile Thread writerThread;

    private final List<String> received = new ArrayList<>();
    private final AtomicLong pongs = new AtomicLong();
    private volatile boolean awaitingPong;
    private volatile long pingSentAt;

    /** Repeating tasks and streams: cancelled on close, drop and silence. */
    private final Set<Future<?>> repeating = ConcurrentHashMap.newKeySet();
    /** One-shot tasks: cancelled on close and drop. */
    private final Set<Future<?>> oneShots = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    EmulatorConnection(EmulatorServer server, EmulatorHandler handler, int id, Socket socket, InputStream in,
            HttpRequestHead head) throws IOException {
        this.server = server;
        this.handler = handler;
        this.id = id;
        this.socket = socket;
        this.in = new DataInputStream(in);
        this.out = socket.getOutputStream();
        this.head = head;
        this.queryParams = QueryStrings.parse(head.query());
    }

    /** The 1-based accept order on its server. */
    public int id() {
        return id;
    }

    /** The request path of the upgrade, such as {@code /ws}. */
    public String path() {
        return head.path();
    }

    /** The raw query of the upgrade request, or {@code null}. */
    public String query() {
        return head.query();
    }

    /** The URL-decoded query parameters of the upgrade request. */
    public Map<String, String> queryParams() {
        return queryParams;
    }

    /** The upgrade request's headers by lower-case name. */
    public Map<String, String> requestHeaders() {
        return Map.copyOf(head.headers());
    }

    /** Whether the connection is open and no close was started. */
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Whether {@link #silence()} was called. */
    public boolean isSilenced() {
        return silenced;
    }

    /** Sends a text frame; does nothing when silenced or closed. */
    public void send(String text) {
        requireNonNull(text, "text is null");
        if (state == State.OPEN && !silenced) {
            enqueue(WebSocketFrames.text(text), false);
        }
    }

    /** Sends a ping frame (payload at most 125 bytes); does nothing when silenced or closed. */
    public void sendPing(byte[] payload) {
        byte[] bytes = payload == null ? new byte[0] : payload.clone();
        if (bytes.length > 125) {
            throw new IllegalArgumentException("a ping payload has at most 125 bytes, got " + bytes.length);
        }
        if (state == State.OPEN && !silenced) {
            enqueue(WebSocketFrames.encode(WebSocketFrames.PING, bytes), false);
        }
    }

    /** Sends a binary frame (legal in RFC 6455; some exchanges send compressed payloads this way). */
    public void sendBinary(byte[] payload) {
        requireNonNull(payload, "payload is null");
        if (state == State.OPEN && !silenced) {
            enqueue(WebSocketFrames.binary(payload.clone()), false);
        }
    }

    /**
     * Sends the first {@code carried} bytes of a text frame whose header announces the whole text, then drops the
     * connection: a peer that died in the middle of a frame.
     */
    public void sendTruncatedAndDrop(String text, int carried) {
        requireNonNull(text, "text is null");
        if (state == State.OPEN && !silenced) {
            enqueue(WebSocketFrames.truncatedText(text, carried), false);
            after(Duration.ofMillis(100), this::drop);
        }
    }

    /** Sends a text frame that is not JSON: {@code }{ not json}. */
    public void sendGarbage() {
        send(GARBAGE);
    }

    /** Sends one text frame of exactly {@code bytes} bytes: a JSON string of {@code x} characters. */
    public void sendOversized(int bytes) {
        if (bytes < 2) {
            throw new IllegalArgumentException("an oversized frame needs at least 2 bytes, got " + bytes);
        }
        StringBuilder text = new StringBuilder(bytes);
        text.append('"');
        text.append("x".repeat(bytes - 2));
        text.append('"');
        send(text.toString());
    }

    /** Starts a proper close: sends a close frame and closes the socket when the client answers (or after 1 s). */
    public void close(int code, String reason) {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.CLOSING;
        }
        cancel(repeating);
        cancel(oneShots);
        // An explicit close goes out even when silenced: the test asked for it.
        enqueue(WebSocketFrames.close(code, reason), false);
        server.schedule(CLOSE_HANDSHAKE_TIMEOUT, this::terminate);
    }

    /** Closes the TCP connection at once without a close frame (a reset); frames still queued are lost. */
    public void drop() {
        if (state == State.CLOSED) {
            return;
        }
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            LOG.debug("connection {}: could not set SO_LINGER before the drop", id, e);
        }
        terminate();
    }

    /** From now on sends nothing (no data, no heartbeats, no pings, no pongs) but keeps TCP open and keeps reading. */
    public void silence() {
        silenced = true;
        cancel(repeating);
        outbound.clear();
        queuedBytes.set(0);
    }

    /** The text messages received from the client, in order. */
    public List<String> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Waits for the first received text that matches; throws {@link AssertionError} on timeout. */
    public String awaitReceived(Predicate<String> match, Duration timeout) {
        requireNonNull(match, "match is null");
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            int checked = 0;
            while (true) {
                for (; checked < received.size(); checked++) {
                    if (match.test(received.get(checked))) {
                        return received.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("connection " + id + ": no matching message within " + timeout
                            + "; received " + received);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(received, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a message", e);
                }
            }
        }
    }

    /** Pong frames received from the client. */
    public long pongsReceived() {
        return pongs.get();
    }

    /** Runs the task every interval (first after one interval) until this connection closes, drops or goes silent. */
    public void every(Duration interval, Runnable task) {
        requireNonNull(task, "task is null");
        if (state != State.OPEN || silenced) {
            return;
        }
        track(repeating, server.scheduleRepeating(interval, guarded(task)));
    }

    /** Runs the task once after the delay unless the connection closed before. */
    public void after(Duration delay, Runnable task) {
        requireNonNull(task, "task is null");
        if (state != State.OPEN) {
            return;
        }
        track(oneShots, server.schedule(delay, guarded(task)));
    }

    /**
     * Sends a ping frame every interval and drops the connection when a ping stays unanswered longer than the
     * deadline (Binance pings every 20 s and drops after 60 s).
     */
    public void pingEvery(Duration interval, Duration pongDeadline) {
        requireNonNull(pongDeadline, "pongDeadline is null");
        long deadlineNanos = pongDeadline.toNanos();
        every(interval, () -> {
            if (!awaitingPong) {
                pingSentAt = System.nanoTime();
                awaitingPong = true;
            }
            sendPing("emulator".getBytes(StandardCharsets.US_ASCII));
        });
        long checkMillis = Math.max(10, Math.min(interval.toMillis(), pongDeadline.toMillis()) / 4);
        every(Duration.ofMillis(checkMillis), () -> {
            if (awaitingPong && System.nanoTime() - pingSentAt > deadlineNanos) {
                LOG.info("connection {}: no pong within {}, dropping it", id, pongDeadline);
                drop();
            }
        });
    }

    /** Closes with the code and reason once the connection has lived that long (Binance: 24 h). */
    public void closeAfter(Duration lifetime, int code, String reason) {
        after(lifetime, () -> close(code, reason));
    }

    /**
     * Sends the frames in order on a background task, paced at the rate ({@code <= 0}: as fast as the client reads);
     * stops early when the connection closes or goes silent.
     */
    public void stream(List<String> frames, double framesPerSecond) {
        List<String> copy = List.copyOf(frames);
        if (state != State.OPEN || silenced) {
            return;
        }
        long periodNanos = framesPerSecond > 0 ? (long) (1_000_000_000L / framesPerSecond) : 0;
        track(repeating, server.submit(() -> streamFrames(copy, periodNanos)));
    }

    /** Per-connection state for handlers. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public String toString() {
        return "EmulatorConnection[id=" + id + ", path=" + head.path() + ", state=" + state
                + (silenced ? ", silenced" : "") + "]";
    }

    // ---- package-private life cycle, driven by the server ----

    /** Starts the writer, calls onOpen, then reads frames until the connection ends; runs on the reader thread. */
    void run() {
        writer = server.submit(this::writeLoop);
        try {
            try {
                handler.onOpen(this);
            } catch (RuntimeException e) {
                LOG.warn("connection {}: handler onOpen failed", id, e);
            }
            readLoop();
        } catch (WebSocketFrames.FrameTooLargeException e) {
            LOG.warn("connection {}: {}", id, e.getMessage());
            closeNow(WebSocketFrames.MESSAGE_TOO_BIG, "frame too large");
        } catch (EOFException | SocketException e) {
            LOG.debug("connection {} ended: {}", id, e.toString());
        } catch (IOException e) {
            if (state == State.OPEN) {
                LOG.warn("connection {}: read failed", id, e);
            } else {
                LOG.debug("connection {}: read ended after close", id, e);
            }
        } finally {
            terminate();
            notifyClosed();
        }
    }

    /** Ends the connection: closes the socket, cancels every task, stops the writer. Idempotent. */
    void terminate() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        cancel(repeating);
        cancel(oneShots);
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("connection {}: socket close failed", id, e);
        }
        Future<?> w = writer;
        if (w != null && Thread.currentThread() != writerThread) {
            w.cancel(true);
        }
        outbound.clear();
        server.removeOpen(this);
        synchronized (received) {
            received.notifyAll();
        }
    }

    private void notifyClosed() {
        if (closeNotified.compareAndSet(false, true)) {
            try {
                handler.onClose(this);
            } catch (RuntimeException e) {
                LOG.warn("connection {}: handler onClose failed", id, e);
            }
        }
    }

    private void readLoop() throws IOException {
        ByteArrayOutputStream message = null;
        int messageOpcode = -1;
        while (state != State.CLOSED) {
            WebSocketFrames.Frame frame = WebSocketFrames.read(in);
            if (!frame.masked()) {
                LOG.warn("connection {}: client frame not masked (RFC 6455 5.1), closing with 1002", id);
                closeNow(1002, "client frames must be masked");
                return;
            }
            switch (frame.opcode()) {
                case WebSocketFrames.TEXT, WebSocketFrames.BINARY -> {
                    if (message != null) {
                        LOG.warn("connection {}: new message while a fragmented one is open, closing with 1002", id);
                        closeNow(1002, "expected a continuation frame");
                        return;
                    }
                    if (frame.fin()) {
                        deliver(frame.opcode(), frame.payload());
                    } else {
                        message = new ByteArrayOutputStream();
                        message.write(frame.payload());
                        messageOpcode = frame.opcode();
                    }
                }
                case WebSocketFrames.CONTINUATION -> {
                    if (message == null) {
                        LOG.warn("connection {}: continuation without a message, closing with 1002", id);
                        closeNow(1002, "unexpected continuation frame");
                        return;
                    }
                    message.write(frame.payload());
                    if (message.size() > WebSocketFrames.MAX_PAYLOAD) {
                        throw new WebSocketFrames.FrameTooLargeException(message.size());
                    }
                    if (frame.fin()) {
                        deliver(messageOpcode, message.toByteArray());
                        message = null;
                    }
                }
                case WebSocketFrames.PING -> {
                    if (state == State.OPEN && !silenced) {
                        enqueue(WebSocketFrames.encode(WebSocketFrames.PONG, frame.payload()), false);
                    }
                }
                case WebSocketFrames.PONG -> {
                    pongs.incrementAndGet();
                    awaitingPong = false;
                }
                case WebSocketFrames.CLOSE -> {
                    onCloseFrame(frame.payload());
                    if (state == State.CLOSED) {
                        return;
                    }
                }
                default -> {
                    LOG.warn("connection {}: unknown opcode {}, closing with 1002", id, frame.opcode());
                    closeNow(1002, "unknown opcode");
                    return;
                }
            }
        }
    }

    private void onCloseFrame(byte[] payload) {
        int code = WebSocketFrames.closeCode(payload);
        LOG.debug("connection {}: client sent close {}", id, code);
        boolean echo;
        synchronized (this) {
            echo = state == State.OPEN && !silenced;
            if (state == State.OPEN) {
                state = State.CLOSING;
            }
        }
        if (echo) {
            cancel(repeating);
            cancel(oneShots);
            byte[] frame = code == 1005
                    ? WebSocketFrames.encode(WebSocketFrames.CLOSE, new byte[0])
                    : WebSocketFrames.close(code, "");
            enqueue(frame, true);
            server.schedule(CLOSE_HANDSHAKE_TIMEOUT, this::terminate);
        } else {
            // Either we started the close (this is the answer) or we are silent and answer nothing.
            terminate();
        }
    }

    private void deliver(int opcode, byte[] payload) {
        if (opcode != WebSocketFrames.TEXT) {
            LOG.debug("connection {}: ignoring a binary message of {} bytes", id, payload.length);
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        synchronized (received) {
            received.add(text);
            received.notifyAll();
        }
        try {
            handler.onText(this, text);
        } catch (RuntimeException e) {
            LOG.warn("connection {}: handler onText failed for {}", id, text, e);
        }
    }

    /**
     * Sends a close frame and waits until the writer has written it and ended the connection (protocol errors, on the
     * reader thread, so that the reader does not close the socket under the close frame).
     */
    private void closeNow(int code, String reason) {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSING;
        }
        cancel(repeating);
        cancel(oneShots);
        enqueue(WebSocketFrames.close(code, reason), true);
        Future<?> w = writer;
        if (w == null) {
            return;
        }
        try {
            w.get(CLOSE_HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | CancellationException e) {
            LOG.debug("connection {}: close frame {} not confirmed written", id, code, e);
        }
    }

    private void enqueue(byte[] bytes, boolean closeAfter) {
        if (queuedBytes.addAndGet(bytes.length) > MAX_QUEUED_BYTES) {
            LOG.warn("connection {}: client reads too slowly ({} bytes queued), dropping it", id, queuedBytes.get());
            drop();
            return;
        }
        outbound.add(new Outbound(bytes, closeAfter));
    }

    private void writeLoop() {
        writerThread = Thread.currentThread();
        try {
            while (state != State.CLOSED) {
                Outbound next = outbound.take();
                queuedBytes.addAndGet(-next.bytes().length);
                synchronized (out) {
                    out.write(next.bytes());
                    out.flush();
                }
                if (next.closeAfter()) {
                    terminate();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            if (state == State.OPEN) {
                LOG.debug("connection {}: write failed, closing", id, e);
            }
            terminate();
        }
    }

    private void streamFrames(List<String> frames, long periodNanos) {
        long start = System.nanoTime();
        for (int i = 0; i < frames.size(); i++) {
            if (periodNanos > 0) {
                long due = start + i * periodNanos;
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            }
            while (queuedBytes.get() > STREAM_HIGH_WATER && state == State.OPEN) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (state != State.OPEN || silenced || Thread.currentThread().isInterrupted()) {
                return;
            }
            send(frames.get(i));
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("connection {}: scheduled task failed", id, e);
            }
        };
    }

    private void track(Set<Future<?>> set, Future<?> task) {
        set.add(task);
        // A close that raced with this registration already swept the set: cancel the newcomer too.
        if (state == State.CLOSED || (set == repeating && silenced)) {
            task.cancel(true);
        }
        set.removeIf(Future::isDone);
    }

    private static void cancel(Set<Future<?>> tasks) {
        for (Future<?> task : tasks) {
            task.cancel(true);
        }
        tasks.clear();
    }
}
