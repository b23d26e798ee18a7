package dev.pricefeed.analytics;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task periodically: the seam through which clock-driven work (closing candles, expiring stale quotes) is
 * scheduled, so tests can run it by hand instead of waiting.
 */
@FunctionalInterface
public interface Scheduling {

    /**
     * Runs {@code task} every {@code period} until the returned handle is closed.
     *
     * @return stops the task (and whatever thread this scheduling started for it)
     */
    AutoCloseable every(Duration period, Runnable task);

    /** One daemon thread per task, named {@code name}, stopped when the handle is closed. */
    static Scheduling daemonThread(String name) {
        return (period, task) -> {
            ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, name);
                thread.setDaemon(true);
                return thread;
            });
            ScheduledFuture<?> future = executor.scheduleWithFixedDelay(task, period.toNanos(), period.toNanos(),
                    TimeUnit.NANOSECONDS);
            return () -> {
                future.cancel(false);
                executor.shutdownNow();
            };
        };
    }
}
