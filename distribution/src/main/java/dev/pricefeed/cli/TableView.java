package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedMetrics;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.Tick;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** Redraws the price table a few times a second from the feeds' caches and metrics (never from the socket thread). */
final class TableView implements AutoCloseable {

    private final Clock clock;
    private final Supplier<List<String>> extra;
    private final StatusNotes notes = new StatusNotes();
    /** Frames per feed; redraw thread only. */
    private final Map<String, RateWindow> frameRates = new HashMap<>();
    private final ScreenView view;
    private volatile List<PriceFeed> feeds = List.of();

    TableView(LineOutput out, Clock clock) {
        this(out, clock, List::of);
    }

    /** A table with more lines under the prices (the demo's candles and arbitrage). */
    TableView(LineOutput out, Clock clock, Supplier<List<String>> extra) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.extra = Objects.requireNonNull(extra, "extra is null");
        this.view = new ScreenView(out, this::lines, "pricefeed-table");
    }

    /** Remembers the newest state change and error of a feed for its status line. */
    void event(FeedEvent event) {
        notes.record(event);
    }

    /** Starts redrawing the feeds' table. */
    void start(List<PriceFeed> shown) {
        this.feeds = List.copyOf(shown);
        view.start();
    }

    /** One picture: the prices, a status line per feed and the extra lines (redraw thread). */
    private List<String> lines() {
        List<Tick> ticks = new ArrayList<>();
        List<FeedStatus> statuses = new ArrayList<>();
        long now = System.nanoTime();
        for (PriceFeed feed : feeds) {
            ticks.addAll(feed.cache().all());
            FeedMetrics metrics = feed.metrics();
            long rate = frameRates.computeIfAbsent(feed.exchange(), k -> new RateWindow())
                    .tenthsPerSecond(metrics.frames(), now);
            statuses.add(new FeedStatus(feed.exchange(), feed.state(), rate, metrics.reconnects(),
                    metrics.lastFrameAge(), notes.lastChange(feed.exchange()), notes.why(feed.exchange())));
        }
        ticks.sort(Comparator.comparing(Tick::exchange).thenComparing(Tick::instrument));
        List<String> lines = new ArrayList<>(TerminalTable.lines(ticks, statuses, clock.instant()));
        // the extra lines go above the closing "Ctrl-C to stop"
        lines.addAll(lines.size() - 1, extra.get());
        return lines;
    }

    /** Stops redrawing, draws the final picture and shows the cursor again. */
    @Override
    public void close() {
        view.close();
    }
}
