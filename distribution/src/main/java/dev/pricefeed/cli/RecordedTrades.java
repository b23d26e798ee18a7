package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FrameReplay;
import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.Trade;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The trades in a recording ({@code pricefeed record}) or a file of raw frames, read through the exchange plugin's
 * own parser by the core's {@link FrameReplay} exactly as {@code replay} reads them (repeated trade ids dropped, gaps
 * reported); for {@code candles --from}.
 */
final class RecordedTrades {

    /** What reading found. */
    record Summary(long frames, long trades, long errors) {
    }

    private RecordedTrades() {
    }

    /**
     * Reads the file and hands every trade to {@code trades}, in file order.
     *
     * @param registry the plugins
     * @param exchange the exchange id
     * @param instruments context for symbols that cannot be split (Binance {@code BTCUSDT})
     * @param options the exchange's options from configuration
     * @param file the recording, or raw frames one per line
     * @param raw whether the file holds raw frames (receive times are then the clock's)
     * @param clock the clock for raw frames and events
     * @param trades receives the trades
     * @param events receives unreadable lines and sequence gaps
     */
    static Summary read(PluginRegistry registry, String exchange, List<Instrument> instruments,
            Map<String, String> options, Path file, boolean raw, Clock clock, Consumer<Trade> trades,
            Consumer<FeedEvent> events) throws IOException {
        FrameReplay.Builder builder = FrameReplay.builder().exchange(exchange)
                .instruments(instruments.toArray(Instrument[]::new)).plugins(registry).clock(clock);
        options.forEach(builder::option);
        RecordingReader reader = new RecordingReader(file, raw, clock);
        try (FrameReplay replay = builder.build()) {
            replay.onTrade(trades);
            replay.onEvent(events);
            reader.replayInto(replay, events, () -> false);
            return new Summary(replay.frames(), replay.trades(), reader.badLines() + replay.errors());
        }
    }
}
