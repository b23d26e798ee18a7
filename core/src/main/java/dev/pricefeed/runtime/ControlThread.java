package dev.pricefeed.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One feed's use of the process's shared control thread: life-cycle decisions and timers run here, one at a time.
 * It remembers the feed's timers so that {@link #shutdownNow()} cancels exactly those and leaves other feeds' alone;
 * after that, new tasks are refused (or, through {@link #run}, ignored). Connectors get it as their scheduler too.
 */
final class ControlThread extends AbstractExecutorService implements ScheduledExecutorService {

    private static final Logger LOG = LoggerFactory.getLogger(ControlThread.class);

    private final String exchange;
    private final ScheduledExecutorService shared;
    private final Set<Future<?>> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    ControlThread(String exchange, ScheduledExecutorService shared) {
        this.exchange = exchange;
        this.shared = shared;
    }

    // ---------------------------------------------------------------- what the runtime uses

    /** Runs a task on the control thread soon; after shutdown (or when the shared thread is gone) it is ignored. */
    void run(Runnable task) {
        try {
            execute(guarded(task));
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: task after close ignored", exchange);
        }
    }

    /** Runs a task once after {@code delay}; an exception is logged. */
    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs a task every {@code period}; an exception is logged and the next run still happens. */
    ScheduledFuture<?> every(Duration period, Runnable task) {
        return scheduleWithFixedDelay(guarded(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Cancels a timer if there is one. */
    static void cancel(Future<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** The task, with any exception logged so one bad step never kills the control thread's later work. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{}: internal error in the feed's control thread", exchange, e);
            }
        };
    }

    // ---------------------------------------------------------------- ScheduledExecutorService

    @Override
    public void execute(Runnable command) {
        refuseAfterShutdown();
        shared.execute(() -> {
            if (!shutdown) {
                command.run();
            }
        });
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        refuseAfterShutdown();
        return track(shared.schedule(command, delay, unit));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        refuseAfterShutdown();
        return track(shared.schedule(callable, delay, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        refuseAfterShutdown();
        return track(shared.scheduleAtFixedRate(command, initialDelay, period, unit));
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        refuseAfterShutdown();
        return track(shared.scheduleWithFixedDelay(command, initialDelay, delay, unit));
    }

    private <F extends Future<?>> F track(F timer) {
        timers.removeIf(Future::isDone);
        timers.add(timer);
        if (shutdown) {
            timer.cancel(false);
        }
        return timer;
    }

    private void refuseAfterShutdown() {
        if (shutdown) {
            throw new RejectedExecutionException(exchange + " feed is closed");
        }
    }

    /** Cancels this feed's timers and refuses new tasks; the shared thread goes on for other feeds. */
    @Override
    public void shutdown() {
        shutdownNow();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        for (Future<?> timer : timers) {
            timer.cancel(false);
        }
        timers.clear();
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }
}
