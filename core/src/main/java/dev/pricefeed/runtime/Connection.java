package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Limits;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a slot: opens it (bootstrap included), subscribes with pacing, keeps it alive, judges
 * it dead, and parses its frames. Socket callbacks run on the library's threads; the rest on the control thread.
 */
final class Connection implements WebSocketTransport.LinkListener, ParseSink {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final SlotHost host;
    private final Slot slot;
    private final int id = IDS.incrementAndGet();
    private final boolean handover;
    private final SequenceTracker connectionSequences = new SequenceTracker();
    private volatile ConnectionSession session;
    private volatile MessageParser parser;
    private volatile WebSocketTransport.Link link;
    private volatile long lastFrameNanos;
    private volatile boolean streaming;
    private volatile boolean disposed;
    private Instant receivedAt;
    /** When the frame being parsed arrived (socket thread): the one clock read per frame that staleness shares. */
    private long frameNanos;
    private KeepAlive keepAlive;
    private Duration liveness;
    private Pacer pacer;
    private long lastPingNanos;
    /** When the oldest ping not yet followed by any frame was sent, or 0. */
    private long unansweredPingNanos;
    private long pings;
    private boolean subscribed;
    /** Set on the control thread once {@link #start()} ran; a welcome may arrive before that. */
    private boolean started;
    private boolean welcomed;
    private boolean healthy;
    private String handoverReason = "handover";
    private ScheduledFuture<?> keepAliveTask;
    private ScheduledFuture<?> healthyTask;
    private ScheduledFuture<?> lifetimeTask;

    Connection(SlotHost host, Slot slot, boolean handover) {
        this.host = host;
        this.slot = slot;
        this.handover = handover;
    }

    /** Whether this connection was opened to replace another (make-before-break). */
    boolean isHandover() {
        return handover;
    }

    // ---------------------------------------------------------------- opening (I/O thread)

    /** Bootstraps and opens the socket, then reports back to the control thread. */
    void open() {
        try {
            ConnectionSession s = host.connector().connect(slot.route(), slot.active());
            session = s;
            parser = host.connector().newParser(Optional.of(s));
            lastFrameNanos = System.nanoTime();
            WebSocketTransport.Link opened = host.transport().connect(s.uri(), s.headers(), this);
            link = opened;
            if (disposed) {
                opened.close("feed closed");
                return;
            }
            host.control().run(() -> slot.opened(this));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!disposed) {
                ConnectionSession s = session;
                String why = ErrorText.plain(e, s == null ? null : s.uri());
                host.control().run(() -> slot.connectFailed(this, e, why));
            }
        }
    }

    String uriForLog() {
        ConnectionSession s = session;
        return s == null ? "?" : TyrusTransport.withoutQuery(s.uri());
    }

    // ---------------------------------------------------------------- control thread

    /** Starts timers and subscribes (unless the exchange sends a welcome first). */
    void start() {
        Limits limits = host.connector().limits();
        pacer = new Pacer(limits.maxMessagesPerWindow(), limits.messageWindow());
        keepAlive = session.keepAlive();
        liveness = host.config().livenessTimeout().orElse(keepAlive.livenessTimeout());
        long now = System.nanoTime();
        lastPingNanos = now;
        Duration period = liveness;
        if (keepAlive.ping() != KeepAlive.Ping.NONE) {
            period = Durations.shortest(period, keepAlive.pingInterval(), keepAlive.pongTimeout());
        }
        Duration check = Durations.clamp(period.dividedBy(4), Duration.ofMillis(10), Duration.ofSeconds(1));
        keepAliveTask = host.control().every(check, this::checkAlive);
        healthyTask = host.control().after(host.config().healthyAfter(), () -> {
            if (!disposed) {
                healthy = true;
                slot.healthy(this);
            }
        });
        Duration lifetime = limits.maxConnectionLifetime();
        if (lifetime != null) {
            Duration margin = Durations.clamp(lifetime.dividedBy(10), Duration.ZERO, Duration.ofMinutes(10));
            lifetimeTask = host.control().after(lifetime.minus(margin), () -> slot.handover(
                    "maximum connection lifetime of " + lifetime + " reached"));
        }
        started = true;
        if (!session.awaitsWelcome() || welcomed) {
            subscribe();
        }
    }

    /** The server's welcome arrived (control thread); it can come before {@link #start()} ran. */
    private void welcomed() {
        welcomed = true;
        if (started) {
            subscribe();
        }
    }

    /** Sends the subscriptions in batches the connector accepts, paced to its message rate. */
    void subscribe() {
        if (subscribed || disposed) {
            return;
        }
        subscribed = true;
        List<Subscription> active = slot.active();
        int perMessage = host.connector().limits().maxSubscriptionsPerMessage();
        int messages = 0;
        for (int from = 0; from < active.size(); from += perMessage) {
            List<Subscription> batch = active.subList(from, Math.min(active.size(), from + perMessage));
            for (String message : session.subscribeMessages(batch)) {
                send(message);
                messages++;
            }
        }
        LOG.debug("{}: {} subscriptions sent in {} messages on connection {}", host.exchange(), active.size(),
                messages, id);
    }

    private void send(String text) {
        long wait = pacer.reserve(System.nanoTime());
        if (wait == 0) {
            link.sendText(text);
        } else {
            host.control().after(Duration.ofNanos(wait), () -> {
                if (!disposed) {
                    link.sendText(text);
                }
            });
        }
    }

    private void checkAlive() {
        if (disposed) {
            return;
        }
        long now = System.nanoTime();
        if (keepAlive.ping() != KeepAlive.Ping.NONE && now - lastPingNanos >= keepAlive.pingInterval().toNanos()) {
            lastPingNanos = now;
            if (unansweredPingNanos == 0 || lastFrameNanos >= unansweredPingNanos) {
                unansweredPingNanos = now;
            }
            if (keepAlive.ping() == KeepAlive.Ping.WEBSOCKET_FRAME) {
                pacer.reserve(now);
                link.sendPing();
            } else {
                send(session.pingMessage(++pings));
            }
        }
        long sinceFrame = now - lastFrameNanos;
        String death = null;
        if (sinceFrame > liveness.toNanos()) {
            death = "closed by us: no frame for " + sinceFrame / 1_000_000 + " ms (liveness timeout " + liveness.toMillis()
                    + " ms): socket judged dead although TCP is open";
        } else if (unansweredPingNanos != 0 && lastFrameNanos < unansweredPingNanos
                && now - unansweredPingNanos > keepAlive.pongTimeout().toNanos()) {
            death = "closed by us: no answer to a ping within " + keepAlive.pongTimeout().toMillis() + " ms";
        }
        if (death != null) {
            LOG.warn("{}: connection {} {}", host.exchange(), id, death);
            dispose(death);
            slot.disconnected(this, death);
        }
    }

    /** Stops this connection's timers and closes the socket; later callbacks from it are ignored. */
    void dispose(String reason) {
        disposed = true;
        ControlThread.cancel(keepAliveTask);
        ControlThread.cancel(healthyTask);
        ControlThread.cancel(lifetimeTask);
        WebSocketTransport.Link l = link;
        if (l != null) {
            try {
                host.io().execute(() -> l.close(reason));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                l.close(reason);
            }
        }
    }

    boolean isHealthy() {
        return healthy;
    }

    boolean isStreaming() {
        return streaming;
    }

    void handoverReason(String reason) {
        this.handoverReason = reason;
    }

    String handoverReason() {
        return handoverReason;
    }

    private void lost(String reason) {
        host.control().run(() -> {
            if (!disposed) {
                dispose(reason);
                slot.disconnected(this, reason);
            }
        });
    }

    // ---------------------------------------------------------------- socket callbacks

    @Override
    public void onText(CharSequence text) {
        if (disposed) {
            return;
        }
        long now = System.nanoTime();
        frameNanos = now;
        lastFrameNanos = now;
        host.counters().frame(now);
        receivedAt = host.clock().instant();
        host.data().frame(receivedAt, text);
        try {
            parser.parse(text, this);
        } catch (RuntimeException e) {
            host.data().parseError(text, e);
        }
    }

    @Override
    public void onPart() {
        lastFrameNanos = System.nanoTime();
    }

    @Override
    public void onPong() {
        lastFrameNanos = System.nanoTime();
    }

    @Override
    public void onBinary(ByteBuffer data) {
        if (disposed) {
            return;
        }
        long now = System.nanoTime();
        frameNanos = now;
        lastFrameNanos = now;
        receivedAt = host.clock().instant();
        host.data().binary(data, parser, this);
    }

    @Override
    public void onClosed(boolean byUs, int code, String reason) {
        lost(CloseReasons.describe(byUs, code, reason));
    }

    @Override
    public void onError(Throwable error) {
        // Library messages can embed whole session dumps: one line, bounded, is what an event and a log line need
        lost("socket error: " + ErrorText.abbreviate(ErrorText.describe(error).lines().findFirst().orElse("")));
    }

    // ---------------------------------------------------------------- ParseSink (socket thread)

    @Override
    public Instant receivedAt() {
        return receivedAt != null ? receivedAt : host.clock().instant();
    }

    @Override
    public void tick(Tick tick) {
        host.data().tick(tick, frameNanos);
        markStreaming();
    }

    @Override
    public void statistics(Tick tick) {
        host.data().statistics(tick, frameNanos);
        markStreaming();
    }

    @Override
    public void trade(Trade trade) {
        host.data().trade(trade, frameNanos);
        markStreaming();
    }

    @Override
    public void account(AccountEvent event) {
        host.data().account(event);
        markStreaming();
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        return host.data().sequence(stream, instrument, sequence);
    }

    @Override
    public boolean connectionSequence(String stream, Instrument instrument, long sequence) {
        // this connection's own tracker: a new connection starts afresh and nothing outlives this one
        return host.data().sequence(connectionSequences, stream, instrument, sequence);
    }

    @Override
    public void heartbeat() {
        // Any frame already counts as liveness.
    }

    @Override
    public void pong() {
        // Any frame already counts as liveness.
    }

    @Override
    public void welcome() {
        host.control().run(this::welcomed);
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        markStreaming();
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        host.data().subscriptionRefused(channel, instrument, reason);
    }

    @Override
    public void resubscribeSeparately(List<Subscription> subscriptions) {
        List<Subscription> again = List.copyOf(subscriptions);
        host.control().run(() -> {
            if (disposed) {
                return;
            }
            List<Subscription> wanted = slot.active();
            for (Subscription subscription : again) {
                if (wanted.contains(subscription)) {
                    for (String message : session.subscribeMessages(List.of(subscription))) {
                        send(message);
                    }
                }
            }
            LOG.debug("{}: {} subscriptions of a refused message sent again one by one on connection {}",
                    host.exchange(), again.size(), id);
        });
    }

    @Override
    public void exchangeError(String code, String message) {
        host.data().error(code == null ? "exchange" : code, "the exchange says: " + message);
    }

    @Override
    public void reconnectRequested(String reason) {
        host.control().run(() -> slot.handover(reason));
    }

    @Override
    public void unknown(String type) {
        host.counters().unknownMessage();
        LOG.debug("{}: skipped a message of unknown type {}", host.exchange(), type);
    }

    private void markStreaming() {
        if (!streaming) {
            streaming = true;
            host.control().run(() -> {
                if (!disposed) {
                    slot.streaming(this);
                }
            });
        }
    }
}
