package dev.pricefeed.runtime;

import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.ExchangeConnector;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * What a {@link Slot} and its {@link Connection}s need from the feed that runs them, and all they may touch: the
 * feed's parts, its state questions, and the few decisions that belong to the feed as a whole.
 */
interface SlotHost {

    /** The exchange id, for log lines. */
    String exchange();

    /** The feed's configuration. */
    FeedConfig config();

    /** The exchange's connector. */
    ExchangeConnector connector();

    /** The clock for event times. */
    Clock clock();

    /** The feed's counters. */
    Metrics counters();

    /** The control thread: every Slot method and timer runs there. */
    ControlThread control();

    /** Where blocking work runs (bootstrap, handshake, socket close). */
    Executor io();

    /** Opens WebSocket connections. */
    WebSocketTransport transport();

    /** What happens to a frame's content, on the socket thread. */
    DataPath data();

    /** Whether the feed was closed. */
    boolean isClosed();

    /** Whether the feed polls REST (connections are only probes then). */
    boolean isPolling();

    /** A slot's status changed: the feed recomputes its state (control thread). */
    void slotChanged(String reason);

    /** The WebSocket gave up: the feed polls REST (control thread). */
    void enterPolling(String reason);

    /** The wait before reconnect attempt {@code attempt} (1 for the first). */
    Duration backoffDelay(int attempt);

    /** Failed attempts in a row before falling back to REST. */
    int maxAttempts();
}
