package dev.pricefeed.runtime;

import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.threadpool.AbstractThreadPool;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.grizzly.threadpool.Threads;

/**
 * The worker pool Tyrus's Grizzly container is given, so that a frame is read, decoded and handed to our listener on
 * the connection's selector thread, with no hand-off to a worker thread per read.
 *
 * <p>Why: Tyrus builds each connection's Grizzly transport with the worker-thread I/O strategy and offers no property
 * to change it, only the worker pool's configuration. With that strategy every read is a hand-off: the selector
 * thread wakes a worker, the worker reads and then wakes the selector again to re-arm the read (measured: 5-6
 * context switches per frame at 1,000 frames/s). The pool's task queue is ours: a task offered on a Grizzly selector
 * thread runs right there, as Grizzly's own same-thread strategy would run it; anything else (a close started from
 * one of our threads, the pool's own shutdown signal) is queued for the pool's one thread as usual. Nothing handed
 * to the listener blocks (the runtime parses and updates the cache; listeners run elsewhere unless inline).
 */
final class SelectorThreadReads {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private SelectorThreadReads() {
    }

    /**
     * A one-thread worker pool configuration for one connection's transport (each needs its own, since the queue is
     * not shared); the pool's thread, {@code pricefeed-tyrus-N}, is added to {@code threads} so its owner can wait
     * for it to end.
     */
    static ThreadPoolConfig workerPool(Set<Thread> threads) {
        String name = "pricefeed-tyrus-" + POOLS.incrementAndGet();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
        return ThreadPoolConfig.defaultConfig()
                .setPoolName(name)
                .setCorePoolSize(1)
                .setMaxPoolSize(1)
                .setDaemon(true)
                .setQueue(new InlineOnSelector())
                .setThreadFactory(factory);
    }

    /** Whether the calling thread is a Grizzly selector thread (where reads now run). */
    static boolean onSelector() {
        return Threads.isService();
    }

    /**
     * Runs a task offered on a selector thread at once; queues any other for the pool's thread, and always the pool's
     * stop signal (the transport is often shut down from its own selector thread: run there, the signal would never
     * reach the pool's thread, which would then outlive the connection).
     */
    private static final class InlineOnSelector extends LinkedBlockingQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            if (Threads.isService() && task != StopSignal.POISON) {
                task.run();
                return true;
            }
            return super.offer(task);
        }
    }

    /** Reads Grizzly's pool stop signal, a protected constant of its pools; never instantiated. */
    private abstract static class StopSignal extends AbstractThreadPool {
        static final Runnable POISON = poison;

        private StopSignal() {
            super(null);
        }
    }
}
