package dev.pricefeed.runtime;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedState;
import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.Subscription;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard of a feed's subscriptions and the connection that carries it: connect, retry with backoff, hand over.
 * Every method runs on the feed's control thread.
 */
final class Slot {

    private static final Logger LOG = LoggerFactory.getLogger(Slot.class);

    final FeedEngine engine;
    final String route;
    final List<Subscription> subscriptions;
    final int index;
    FeedState status = FeedState.IDLE;
    int attempts;
    private Connection primary;
    private Connection pending;
    private ScheduledFuture<?> retryTask;
    private boolean connecting;
    private boolean everConnected;
    private boolean dead;

    Slot(FeedEngine engine, String route, List<Subscription> subscriptions, int index) {
        this.engine = engine;
        this.route = route;
        this.subscriptions = List.copyOf(subscriptions);
        this.index = index;
    }

    /** The subscriptions still wanted: those the exchange refused are not sent again. */
    List<Subscription> active() {
        return subscriptions.stream().filter(s -> !engine.rejected.contains(s)).toList();
    }

    /** Whether a connection is open, being opened or scheduled, or the slot gave up for good. */
    boolean busy() {
        return dead || connecting || primary != null || retryTask != null;
    }

    /** Whether the slot gave up for good (credentials refused). */
    boolean dead() {
        return dead;
    }

    void connect(boolean handover) {
        if (engine.isClosed() || dead) {
            return;
        }
        Connection connection = new Connection(engine, this, handover);
        if (handover) {
            pending = connection;
        } else {
            if (everConnected) {
                engine.metrics.reconnect();
            }
            primary = connection;
            connecting = true;
            status = FeedState.CONNECTING;
            engine.updateState("connecting to " + engine.exchange + (engine.isPolling() ? " (probe)" : ""));
        }
        engine.io.execute(connection::open);
    }

    void opened(Connection connection) {
        if (connection != primary && connection != pending) {
            connection.dispose("no longer needed");
            return;
        }
        everConnected = true;
        if (connection == primary) {
            connecting = false;
            status = FeedState.SUBSCRIBING;
            engine.updateState("connected to " + connection.uriForLog());
        }
        connection.start();
    }

    void connectFailed(Connection connection, Exception error) {
        if (connection == pending) {
            pending = null;
            LOG.warn("{}: handover connection failed ({}); keeping the current one", engine.exchange,
                    FeedEngine.describe(error));
            return;
        }
        if (connection != primary) {
            return;
        }
        primary = null;
        connecting = false;
        if (error instanceof AuthenticationException) {
            dead = true;
            status = FeedState.CLOSED;
            engine.error("authentication", "credentials refused for " + engine.exchange + " " + route
                    + " channels, not retrying: " + FeedEngine.describe(error));
            engine.updateState("credentials refused");
            return;
        }
        if (engine.isPolling()) {
            status = FeedState.IDLE;
            LOG.info("{}: WebSocket probe failed: {}", engine.exchange, FeedEngine.describe(error));
            return;
        }
        engine.error("connect", "cannot connect to " + engine.exchange + ": " + FeedEngine.describe(error));
        retry(false, FeedEngine.describe(error));
    }

    void streaming(Connection connection) {
        if (connection == pending) {
            Connection old = primary;
            primary = connection;
            pending = null;
            if (old != null) {
                old.dispose("replaced by a new connection");
            }
            status = FeedState.STREAMING;
            engine.emit(new FeedEvent.Handover(engine.exchange, engine.clock.instant(), connection.handoverReason()));
            LOG.info("{}: handed over to a new connection ({})", engine.exchange, connection.handoverReason());
            engine.updateState("handover done");
        } else if (connection == primary) {
            status = FeedState.STREAMING;
            if (connection.isHandover()) {
                // The old connection closed before this one was subscribed: a handover all the same, maybe lossy.
                engine.emit(new FeedEvent.Handover(engine.exchange, engine.clock.instant(),
                        connection.handoverReason() + " (the old connection closed first)"));
            }
            engine.updateState("data flowing");
        }
    }

    void healthy(Connection connection) {
        if (connection == primary) {
            attempts = 0;
        }
    }

    void disconnected(Connection connection, String reason) {
        if (connection == pending) {
            pending = null;
            LOG.warn("{}: handover connection lost ({}); keeping the current one", engine.exchange, reason);
            return;
        }
        if (connection != primary) {
            return;
        }
        primary = null;
        connecting = false;
        if (pending != null) {
            primary = pending;
            pending = null;
            status = primary.isStreaming() ? FeedState.STREAMING : FeedState.SUBSCRIBING;
            engine.updateState("old connection closed during handover");
            return;
        }
        if (engine.isPolling()) {
            status = FeedState.IDLE;
            return;
        }
        engine.error("disconnected", engine.exchange + " connection " + index + " lost: " + reason);
        retry(connection.isHealthy(), reason);
    }

    private void retry(boolean afterHealthyConnection, String reason) {
        if (engine.isClosed() || engine.isPolling()) {
            return;
        }
        if (afterHealthyConnection) {
            attempts = 0;
            LOG.info("{}: reconnecting at once (the connection had been healthy)", engine.exchange);
            connect(false);
            return;
        }
        attempts++;
        if (attempts > engine.maxAttempts()) {
            engine.enterPolling("WebSocket gave up after " + (attempts - 1) + " failed reconnect attempts ("
                    + reason + "); polling REST");
            return;
        }
        Duration delay = engine.backoffDelay(attempts);
        status = FeedState.BACKOFF;
        engine.updateState("retry " + attempts + " of " + engine.maxAttempts() + " in " + delay.toMillis() + " ms");
        retryTask = engine.schedule(() -> {
            retryTask = null;
            connect(false);
        }, delay);
    }

    void handover(String reason) {
        if (engine.isClosed() || engine.isPolling() || pending != null || primary == null || dead) {
            return;
        }
        LOG.info("{}: opening a new connection before closing the old one ({})", engine.exchange, reason);
        connect(true);
        if (pending != null) {
            pending.handoverReason(reason);
        }
    }

    void shutdown(String reason) {
        FeedEngine.cancel(retryTask);
        retryTask = null;
        if (primary != null) {
            primary.dispose(reason);
        }
        if (pending != null) {
            pending.dispose(reason);
        }
        primary = null;
        pending = null;
        connecting = false;
        if (!dead) {
            status = FeedState.IDLE;
        }
    }
}
