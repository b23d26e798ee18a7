package dev.pricefeed.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's blocking work (bootstrap requests, handshakes, REST polls, socket closes) on the process's shared I/O
 * pool. {@link #stop} refuses new work, lets what was already handed in run (closing a socket is such work), waits a
 * little for it and interrupts what is still running, so no task of a closed feed goes on.
 */
final class IoTasks implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(IoTasks.class);

    private final String exchange;
    private final ExecutorService shared;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    /** Tasks handed in and not finished, queued ones included. */
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Object idle = new Object();
    private volatile boolean stopped;

    IoTasks(String exchange, ExecutorService shared) {
        this.exchange = exchange;
        this.shared = shared;
    }

    /** Runs blocking work on the shared pool; refused once the feed stopped. */
    @Override
    public void execute(Runnable task) {
        if (stopped) {
            throw new RejectedExecutionException(exchange + " feed is closed");
        }
        unfinished.incrementAndGet();
        try {
            shared.execute(() -> {
                Thread self = Thread.currentThread();
                running.add(self);
                try {
                    task.run();
                } finally {
                    running.remove(self);
                    Thread.interrupted(); // an interrupt from stop() must not reach the pool's next task
                    finished();
                }
            });
        } catch (RejectedExecutionException e) {
            finished();
            throw e;
        }
    }

    private void finished() {
        unfinished.decrementAndGet();
        synchronized (idle) {
            idle.notifyAll();
        }
    }

    /** Refuses new work, waits up to {@code grace} for the work handed in, then interrupts what still runs. */
    void stop(Duration grace) {
        stopped = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (unfinished.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    idle.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!running.isEmpty()) {
            LOG.debug("{}: interrupting {} I/O tasks still running at close", exchange, running.size());
            running.forEach(Thread::interrupt);
        }
    }
}
