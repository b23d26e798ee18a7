package dev.pricefeed.cli;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Redraws a screen of lines in place a few times a second, in a terminal (every live table of the commands). */
final class ScreenView implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofMillis(250);

    private final LineOutput out;
    private final Supplier<List<String>> screen;
    private final String threadName;
    private ScheduledExecutorService timer;

    ScreenView(LineOutput out, Supplier<List<String>> screen) {
        this(out, screen, "pricefeed-screen");
    }

    /**
     * @param screen the lines of one picture, asked for on the redraw thread (never from two threads at once)
     * @param threadName the redraw thread's name
     */
    ScreenView(LineOutput out, Supplier<List<String>> screen, String threadName) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.screen = Objects.requireNonNull(screen, "screen is null");
        this.threadName = Objects.requireNonNull(threadName, "threadName is null");
    }

    /** Clears the terminal and starts redrawing. */
    synchronized void start() {
        out.print(TerminalTable.HIDE_CURSOR + TerminalTable.CLEAR_SCREEN);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::draw, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void draw() {
        out.print(TerminalTable.frame(screen.get()));
    }

    /** Stops redrawing, draws the final picture and shows the cursor again. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            draw();
            out.print(TerminalTable.SHOW_CURSOR);
            timer = null;
        }
    }
}
