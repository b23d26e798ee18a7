package dev.pricefeed.analytics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls an application's listener; what it throws is logged and counted, and the caller goes on. */
final class GuardedListener<T> {

    private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

    private final Consumer<T> listener;
    private final String name;
    private final AtomicLong errors = new AtomicLong();

    /**
     * Wraps a listener.
     *
     * @param listener the application's listener
     * @param name what it listens to, for the log, such as {@code kraken BTC/USD candle}
     */
    GuardedListener(Consumer<T> listener, String name) {
        this.listener = listener;
        this.name = name;
    }

    /** Calls the listener. */
    void accept(T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            errors.incrementAndGet();
            LOG.warn("{} listener failed", name, e);
        }
    }

    /** Exceptions thrown by the listener so far. */
    long errors() {
        return errors.get();
    }

    /** Stops a clock task, logging rather than throwing when that fails (close paths never throw). */
    static void stop(AutoCloseable task, String name) {
        if (task == null) {
            return;
        }
        try {
            task.close();
        } catch (Exception e) {
            LOG.warn("stopping the {} clock failed", name, e);
        }
    }
}
