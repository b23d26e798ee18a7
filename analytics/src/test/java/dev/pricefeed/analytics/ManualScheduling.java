package dev.pricefeed.analytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scheduling that starts no thread: the test runs the registered tasks when it wants. */
final class ManualScheduling implements Scheduling {

    private final List<Runnable> tasks = new ArrayList<>();
    private int stopped;

    @Override
    public synchronized AutoCloseable every(Duration period, Runnable task) {
        tasks.add(task);
        return () -> {
            synchronized (this) {
                tasks.remove(task);
                stopped++;
            }
        };
    }

    /** Runs every registered task once. */
    void runAll() {
        List<Runnable> now;
        synchronized (this) {
            now = List.copyOf(tasks);
        }
        now.forEach(Runnable::run);
    }

    synchronized int registered() {
        return tasks.size();
    }

    synchronized int stopped() {
        return stopped;
    }
}
