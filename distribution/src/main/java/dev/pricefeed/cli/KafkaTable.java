package dev.pricefeed.cli;

import dev.pricefeed.FeedState;
import dev.pricefeed.Tick;
import dev.pricefeed.kafka.KafkaPriceCache;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Redraws the price table of {@code watch --from-kafka} a few times a second from a {@link KafkaPriceCache}. */
final class KafkaTable implements AutoCloseable {

    private static final Duration REFRESH = Duration.ofMillis(250);
    private static final long RATE_WINDOW_NANOS = 5_000_000_000L;

    private final LineOutput out;
    private final Clock clock;
    private final KafkaPriceCache cache;
    private final String source;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private ScheduledExecutorService timer;

    KafkaTable(LineOutput out, Clock clock, KafkaPriceCache cache, String servers) {
        this.out = Objects.requireNonNull(out, "out is null");
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.cache = Objects.requireNonNull(cache, "cache is null");
        this.source = "kafka " + servers + " " + cache.topics().prefix() + ".*";
    }

    /** Starts redrawing. */
    synchronized void start() {
        out.print(TerminalTable.HIDE_CURSOR + TerminalTable.CLEAR_SCREEN);
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "pricefeed-table");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::draw, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void draw() {
        List<Tick> ticks = new ArrayList<>(cache.all());
        ticks.sort(Comparator.comparing(Tick::exchange).thenComparing(Tick::instrument));
        long now = System.nanoTime();
        long records = cache.records();
        // records per second over the last few seconds, so a redraw between two records does not show 0
        samples.addLast(new long[] {records, now});
        while (samples.size() > 2 && now - samples.peekFirst()[1] > RATE_WINDOW_NANOS) {
            samples.pollFirst();
        }
        long[] oldest = samples.peekFirst();
        long rate = now > oldest[1] ? (records - oldest[0]) * 10_000_000_000L / (now - oldest[1]) : 0;
        Duration age = cache.lastRecordAt().map(at -> Duration.between(at, clock.instant())).orElse(null);
        FeedStatus status = new FeedStatus(source, cache.restored() ? FeedState.STREAMING : FeedState.CONNECTING,
                rate, 0, age, cache.duplicates() == 0 ? null : cache.duplicates() + " duplicates dropped", null);
        out.print(TerminalTable.frame(TerminalTable.lines(ticks, List.of(status), clock.instant())));
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
