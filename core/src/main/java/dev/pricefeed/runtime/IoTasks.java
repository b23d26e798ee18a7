package dev.pricefeed.runtime;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's blocking work (bootstrap requests, handshakes, REST polls, socket closes) on the process's shared I/O
 * pool. {@link #stop} refuses new work, waits a little for what is running and interrupts what is still running, so
 * no task of a closed feed goes on.
 */
final class IoTasks implements Executor {

    private static final Logger LOG = LoggerFactory.getLogger(IoTasks.class);

    private final String exchange;
    private final ExecutorService shared;
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
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
        shared.execute(() -> {
            Thread self = Thread.currentThread();
            running.add(self);
            try {
                if (!stopped) {
                    task.run();
                }
            } finally {
                running.remove(self);
                Thread.interrupted(); // an interrupt from stop() must not reach the pool's next task
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        });
    }

    /** Refuses new work, waits up to {@code grace} for running work, then interrupts what is left. */
    void stop(Duration grace) {
        stopped = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (idle) {
            while (!running.isEmpty()) {
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
