package dev.pricefeed.runtime;

import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link dev.pricefeed.Delivery#inline()}: the listener runs on the thread that offers, the socket's read thread, with
 * no queue and no hand-off. A throwing listener is logged and counted like any other and stays registered.
 */
final class InlineMailbox<T> implements Dispatcher.Mailbox<T> {

    private static final Logger LOG = LoggerFactory.getLogger(InlineMailbox.class);

    private final String what;
    private final Consumer<? super T> listener;
    private final Metrics metrics;
    private volatile boolean cancelled;

    InlineMailbox(String what, Consumer<? super T> listener, Metrics metrics) {
        this.what = what;
        this.listener = listener;
        this.metrics = metrics;
    }

    @Override
    public void offer(T value) {
        if (cancelled) {
            return;
        }
        try {
            listener.accept(value);
        } catch (RuntimeException | Error e) {
            metrics.listenerError();
            LOG.warn("{} listener (inline) threw; it stays registered and the feed goes on", what, e);
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
    }
}
