package dev.pricefeed.runtime;

import dev.pricefeed.Delivery;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs listeners on one thread, in order, never on the socket thread: one per feed, or one per
 * {@code MarketDataService} shared by its feeds (so each listener is called from one thread). Each listener has a
 * mailbox that conflates (newest per key wins) or queues up to a bound; what is conflated or dropped is counted. The
 * thread starts with the first listener: a feed without listeners has none. Internal: not an API.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final int BATCH = 1024;

    /** Mailboxes with something to deliver, each queued at most once (see {@code Base.scheduled}). */
    private final ConcurrentLinkedQueue<Base<?>> ready = new ConcurrentLinkedQueue<>();
    /** Set by the listener thread just before it parks; a producer unparks it only then (no wake-up per update). */
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean started;

    /** A dispatcher whose thread, {@code pricefeed-<name>-listeners}, starts with the first listener. */
    public Dispatcher(String name) {
        this.thread = new Thread(this::loop, "pricefeed-" + name + "-listeners");
        this.thread.setDaemon(true);
    }

    private synchronized void startOnce() {
        if (!started && running) {
            started = true;
            thread.start();
        }
    }

    private void loop() {
        while (true) {
            Base<?> mailbox = ready.poll();
            if (mailbox != null) {
                mailbox.run();
                continue;
            }
            if (!running) {
                return;
            }
            // No spinning before parking: measured against spins of 8 and 20 us (Tyrus + queue, 2026-12-07 18:00
            // UTC), a spin saved the read thread ~0.5 us per frame at saturation but cost the listener thread ~4 us
            // per frame at 20k/s (8-10 against 4.8-5.4), where each burst ends in a failed spin; see BENCHMARKS.md.
            sleeping.set(true);
            if (ready.isEmpty() && running) {
                LockSupport.park(this);
            }
            sleeping.set(false);
        }
    }

    private void wake() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    /** A listener's mailbox; {@link #offer} is thread-safe and never blocks. */
    interface Mailbox<T> {
        void offer(T value);

        /** Stops delivering: nothing is handed to the listener after this returns, except a call already running. */
        void cancel();
    }

    /**
     * Registers a listener; {@code key} names what conflation keeps one of (ignored for queues); conflated, dropped
     * and failed deliveries are counted in {@code metrics} (the feed's, when feeds share this dispatcher).
     */
    <T> Mailbox<T> register(String what, Consumer<? super T> listener, Delivery delivery, Function<T, Object> key,
            Metrics metrics) {
        if (delivery.policy() == Delivery.OverflowPolicy.INLINE) {
            return new InlineMailbox<>(what, listener, metrics);
        }
        startOnce();
        return delivery.policy() == Delivery.OverflowPolicy.CONFLATE
                ? new Conflating<>(what, listener, key, metrics)
                : new Queued<>(what, listener, delivery.capacity(), metrics);
    }

    private abstract class Base<T> implements Mailbox<T> {
        private final String what;
        private final Consumer<? super T> listener;
        final Metrics metrics;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile boolean cancelled;

        Base(String what, Consumer<? super T> listener, Metrics metrics) {
            this.what = what;
            this.listener = listener;
            this.metrics = metrics;
        }

        final void schedule() {
            if (scheduled.compareAndSet(false, true)) {
                if (!running) {
                    LOG.debug("{} listener update after close ignored", what);
                    return;
                }
                ready.offer(this);
                wake();
            }
        }

        @Override
        public final void cancel() {
            cancelled = true;
            discard();
        }

        final boolean cancelled() {
            return cancelled;
        }

        final void deliver(T value) {
            if (cancelled) {
                return;
            }
            try {
                listener.accept(value);
            } catch (RuntimeException | Error e) {
                metrics.listenerError();
                LOG.warn("{} listener threw; it stays registered and the feed goes on", what, e);
            }
        }

        final void run() {
            scheduled.set(false);
            boolean more = drain();
            while (more && !running) {
                // Closing: deliver what was queued before close rather than dropping it.
                more = drain();
            }
            if (more) {
                schedule();
            }
        }

        /** Delivers what is waiting; returns true when more is left for another turn. */
        abstract boolean drain();

        /** Forgets what is waiting (the listener was removed). */
        abstract void discard();
    }

    private final class Queued<T> extends Base<T> {
        private final MpscRing<T> queue;

        Queued(String what, Consumer<? super T> listener, int capacity, Metrics metrics) {
            super(what, listener, metrics);
            this.queue = new MpscRing<>(capacity);
        }

        @Override
        public void offer(T value) {
            if (cancelled()) {
                return;
            }
            if (!queue.offer(value)) {
                metrics.dropped();
            }
            schedule();
        }

        @Override
        boolean drain() {
            for (int i = 0; i < BATCH; i++) {
                T value = queue.poll();
                if (value == null) {
                    return false;
                }
                deliver(value);
            }
            return !queue.isEmpty();
        }

        @Override
        void discard() {
            // Only the listener thread may take from the ring: it empties it (delivering nothing once cancelled).
            schedule();
        }
    }

    private final class Conflating<T> extends Base<T> {
        private final Function<T, Object> key;
        /** Newest value per key, waiting; the producers' side, guarded by {@code this}. */
        private Map<Object, T> pending = new LinkedHashMap<>();
        /** The listener thread's side: emptied after each delivery and swapped in again (no map per turn). */
        private Map<Object, T> spare = new LinkedHashMap<>();

        Conflating(String what, Consumer<? super T> listener, Function<T, Object> key, Metrics metrics) {
            super(what, listener, metrics);
            this.key = key;
        }

        @Override
        public void offer(T value) {
            if (cancelled()) {
                return;
            }
            T replaced;
            synchronized (this) {
                replaced = pending.put(key.apply(value), value);
            }
            if (replaced != null) {
                metrics.conflated();
            }
            schedule();
        }

        @Override
        boolean drain() {
            Map<Object, T> batch;
            synchronized (this) {
                if (pending.isEmpty()) {
                    return false;
                }
                batch = pending;
                pending = spare;
            }
            batch.values().forEach(this::deliver); // deliver() catches what a listener throws
            batch.clear();
            spare = batch; // the listener thread's own: it is read above, under the lock, on this thread only
            return false;
        }

        @Override
        synchronized void discard() {
            pending.clear();
        }
    }

    /** Delivers what is already queued (up to a short wait), then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
            if (!started) {
                return;
            }
        }
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(2));
            if (thread.isAlive()) {
                LOG.warn("listeners still busy after 2 s at close; interrupting them");
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
        }
    }
}
