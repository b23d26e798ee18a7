package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedMetrics;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Redraws the price table a few times a second from the feeds' caches and metrics (never from the socket thread). */
final class TableView implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofMillis(250);

    private final LineOutput out;
    private final Clock clock;
    private final Supplier<List<String>> extra;
    private final StatusNotes notes = new StatusNotes();
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;
    private final Map<String, java.util.ArrayDeque<long[]>> frameSamples = new HashMap<>();
    private ScheduledExecutorService timer;
    private List<PriceFeed> feeds = List.of();

    TableView(LineOutput out, Clock clock) {
        this(out, clock, List::of);
    }

    /** A table with more lines under the prices (the demo's candles and arbitrage). */
    TableView(LineOutput out, Clock clock, Supplier<List<String>> extra) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.extra = Objects.requireNonNull(extra, "extra is null");
    }

    /** Remembers the newest state change and error of a feed for its status line. */
    void event(FeedEvent event) {
        notes.record(event);
    }

    /** Starts redrawing the feeds' table. */
    synchronized void start(List<PriceFeed> shown) {
        this.feeds = List.copyOf(shown);
        out.print(TerminalTable.HIDE_CURSOR + TerminalTable.CLEAR_SCREEN);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pricefeed-table");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::draw, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void draw() {
        List<Tick> ticks = new ArrayList<>();
        List<FeedStatus> statuses = new ArrayList<>();
        long now = System.nanoTime();
        for (PriceFeed feed : feeds) {
            ticks.addAll(feed.cache().all());
            FeedMetrics metrics = feed.metrics();
            // The rate over the last few seconds, so a redraw between two frames does not show 0 frames/s.
            java.util.ArrayDeque<long[]> samples = frameSamples.computeIfAbsent(feed.exchange(),
                    k -> new java.util.ArrayDeque<>());
            samples.addLast(new long[] {metrics.frames(), now});
            while (samples.size() > 2 && now - samples.peekFirst()[1] > RATE_WINDOW_NANOS) {
                samples.pollFirst();
            }
            long[] oldest = samples.peekFirst();
            long rate = now > oldest[1] ? (metrics.frames() - oldest[0]) * 10_000_000_000L / (now - oldest[1]) : 0;
            statuses.add(new FeedStatus(feed.exchange(), feed.state(), rate, metrics.reconnects(),
                    metrics.lastFrameAge(), notes.lastChange(feed.exchange()), notes.why(feed.exchange())));
        }
        ticks.sort(Comparator.comparing(Tick::exchange).thenComparing(Tick::instrument));
        List<String> lines = new ArrayList<>(TerminalTable.lines(ticks, statuses, clock.instant()));
        // the extra lines go above the closing "Ctrl-C to stop"
        lines.addAll(lines.size() - 1, extra.get());
        out.print(TerminalTable.frame(lines));
    }

    /** Stops redrawing, draws the final picture and shows the cursor again. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            draw();
            out.print(TerminalTable.SHOW_CURSOR);
        }
    }
}
