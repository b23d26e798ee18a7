package dev.pricefeed.cli;

import dev.pricefeed.FeedState;
import dev.pricefeed.Tick;
import dev.pricefeed.kafka.KafkaPriceCache;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Redraws the price table of {@code watch --from-kafka} a few times a second from a {@link KafkaPriceCache}. */
final class KafkaTable implements AutoCloseable {

    private final Clock clock;
    private final KafkaPriceCache cache;
    private final String source;
    private final RateWindow records = new RateWindow();
    private final ScreenView view;

    KafkaTable(LineOutput out, Clock clock, KafkaPriceCache cache, String servers) {
        this.clock = Objects.requireNonNull(clock, "clock is null");
        this.cache = Objects.requireNonNull(cache, "cache is null");
        this.source = "kafka " + servers + " " + cache.topics().prefix() + ".*";
        this.view = new ScreenView(out, this::lines, "pricefeed-table");
    }

    /** Starts redrawing. */
    void start() {
        view.start();
    }

    /** One picture: the cache's ticks and the source's status line (redraw thread). */
    private List<String> lines() {
        List<Tick> ticks = new ArrayList<>(cache.all());
        ticks.sort(Comparator.comparing(Tick::exchange).thenComparing(Tick::instrument));
        long rate = records.tenthsPerSecond(cache.records(), System.nanoTime());
        Duration age = cache.lastRecordAt().map(at -> Duration.between(at, clock.instant())).orElse(null);
        FeedStatus status = new FeedStatus(source, cache.restored() ? FeedState.STREAMING : FeedState.CONNECTING,
                rate, 0, age, cache.duplicates() == 0 ? null : cache.duplicates() + " duplicates dropped", null);
        return TerminalTable.lines(ticks, List.of(status), clock.instant());
    }

    /** Stops redrawing, draws the final picture and shows the cursor again. */
    @Override
    public void close() {
        view.close();
    }
}
