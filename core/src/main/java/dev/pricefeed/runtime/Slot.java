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

    private final SlotHost host;
    private final String route;
    private final List<Subscription> subscriptions;
    private final int index;
    private FeedState status = FeedState.IDLE;
    private int attempts;
    private Connection primary;
    private Connection pending;
    private ScheduledFuture<?> retryTask;
    private boolean connecting;
    private boolean everConnected;
    private boolean dead;

    Slot(SlotHost host, ShardPlan.Shard shard) {
        this.host = host;
        this.route = shard.route();
        this.subscriptions = shard.subscriptions();
        this.index = shard.index();
    }

    /** The connector's route of this slot's subscriptions. */
    String route() {
        return route;
    }

    /** The connection's number in the feed, from 1. */
    int index() {
        return index;
    }

    /** How many subscriptions this slot carries, refused ones included. */
    int size() {
        return subscriptions.size();
    }

    /** Where this slot's connection is in its life cycle. */
    FeedState status() {
        return status;
    }

    /** The subscriptions still wanted: those the exchange refused are not sent again. */
    List<Subscription> active() {
        return subscriptions.stream().filter(s -> !host.data().isRefused(s)).toList();
    }

    /** Whether a connection is open, being opened or scheduled, or the slot gave up for good. */
    boolean busy() {
        return dead || connecting || primary != null || retryTask != null;
    }

    /** Whether the slot gave up for good (credentials refused). */
    boolean dead() {
        return dead;
    }

    /** Forgets failed attempts (the WebSocket came back after REST polling). */
    void resetAttempts() {
        attempts = 0;
    }

    void connect(boolean handover) {
        if (host.isClosed() || dead) {
            return;
        }
        Connection connection = new Connection(host, this, handover);
        if (handover) {
            pending = connection;
        } else {
            if (everConnected) {
                host.counters().reconnect();
            }
            primary = connection;
            connecting = true;
            status = FeedState.CONNECTING;
            host.slotChanged("connecting" + (host.isPolling() ? " (probe)" : ""));
        }
        host.io().execute(connection::open);
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
            host.slotChanged("connected to " + connection.uriForLog());
        }
        connection.start();
    }

    /**
     * Opening failed.
     *
     * @param why the failure in plain words ({@code cannot resolve ws.kraken.com — is the network up?})
     */
    void connectFailed(Connection connection, Exception error, String why) {
        if (connection == pending) {
            pending = null;
            LOG.warn("{}: handover connection failed ({}); keeping the current one", host.exchange(), why);
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
            host.data().error("authentication", "credentials refused for the " + route + " channels, not retrying: "
                    + why);
            host.slotChanged("credentials refused");
            return;
        }
        if (host.isPolling()) {
            status = FeedState.IDLE;
            LOG.info("{}: WebSocket probe failed: {}", host.exchange(), why);
            return;
        }
        host.data().error("connect", "cannot connect: " + why);
        retry(false, why);
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
            host.data().event(new FeedEvent.Handover(host.exchange(), host.clock().instant(),
                    connection.handoverReason()));
            LOG.info("{}: handed over to a new connection ({})", host.exchange(), connection.handoverReason());
            host.slotChanged("handover done");
        } else if (connection == primary) {
            status = FeedState.STREAMING;
            if (connection.isHandover()) {
                // The old connection closed before this one was subscribed: a handover all the same, maybe lossy.
                host.data().event(new FeedEvent.Handover(host.exchange(), host.clock().instant(),
                        connection.handoverReason() + " (the old connection closed first)"));
            }
            host.slotChanged("data flowing");
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
            LOG.warn("{}: handover connection lost ({}); keeping the current one", host.exchange(), reason);
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
            host.slotChanged("old connection closed during handover");
            return;
        }
        if (host.isPolling()) {
            status = FeedState.IDLE;
            return;
        }
        host.data().error("disconnected", "connection " + index + " lost: " + reason);
        retry(connection.isHealthy(), reason);
    }

    private void retry(boolean afterHealthyConnection, String reason) {
        if (host.isClosed() || host.isPolling()) {
            return;
        }
        if (afterHealthyConnection) {
            attempts = 0;
            LOG.info("{}: reconnecting at once (the connection had been healthy)", host.exchange());
            connect(false);
            return;
        }
        attempts++;
        if (attempts > host.maxAttempts()) {
            host.enterPolling("WebSocket gave up after " + (attempts - 1) + " failed reconnect attempts ("
                    + reason + "); polling REST");
            return;
        }
        Duration delay = host.backoffDelay(attempts);
        status = FeedState.BACKOFF;
        host.slotChanged("retry " + attempts + " of " + host.maxAttempts() + " in " + delay.toMillis() + " ms");
        retryTask = host.control().after(delay, () -> {
            retryTask = null;
            connect(false);
        });
    }

    void handover(String reason) {
        if (host.isClosed() || host.isPolling() || pending != null || primary == null || dead) {
            return;
        }
        LOG.info("{}: opening a new connection before closing the old one ({})", host.exchange(), reason);
        connect(true);
        if (pending != null) {
            pending.handoverReason(reason);
        }
    }

    void shutdown(String reason) {
        ControlThread.cancel(retryTask);
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
