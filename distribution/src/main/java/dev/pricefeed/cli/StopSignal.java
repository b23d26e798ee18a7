package dev.pricefeed.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a clean stop. The JVM runs shutdown hooks on those signals; the hook here
 * asks the running command to stop, waits until it has closed its feeds and flushed its output, and then ends the
 * process with the command's exit code (0 for a requested stop) instead of the JVM's 130 or 143.
 */
final class StopSignal {

    /** How long the hook waits for the command to finish after a signal before giving up. */
    private static final Duration GRACE = Duration.ofSeconds(10);

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode;
    private volatile Runnable beforeHalt = () -> { };

    /** A signal that only stops when {@link #requestStop()} is called (for tests and in-process use). */
    StopSignal() {
    }

    /** Creates a signal and registers its shutdown hook with the JVM. */
    static StopSignal installed() {
        StopSignal signal = new StopSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(signal::onShutdown, "pricefeed-shutdown"));
        return signal;
    }

    /** Asks the running command to stop as if the user pressed Ctrl-C. */
    void requestStop() {
        stopRequested.countDown();
    }

    /** Whether a stop was asked for. */
    boolean stopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** Waits until a stop is requested or the time is up; {@code null} waits without limit. */
    void await(Duration limit) throws InterruptedException {
        if (limit == null) {
            stopRequested.await();
        } else {
            stopRequested.await(limit.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Runs once, just before the process is ended after a signal (flushes the outputs). */
    void beforeHalt(Runnable action) {
        this.beforeHalt = action;
    }

    /** Records that the command has finished with an exit code; a pending signal then ends the process with it. */
    void finished(int code) {
        this.exitCode = code;
        finished.countDown();
    }

    private void onShutdown() {
        if (finished.getCount() == 0) {
            // a normal System.exit: the command is done and its exit code already chosen
            return;
        }
        stopRequested.countDown();
        boolean done;
        try {
            done = finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        beforeHalt.run();
        // halt keeps the command's exit code; exit would block here, as shutdown is already in progress
        Runtime.getRuntime().halt(done ? exitCode : 1);
    }
}
