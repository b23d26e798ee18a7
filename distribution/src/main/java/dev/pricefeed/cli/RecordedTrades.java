package dev.pricefeed.cli;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trades in a recording ({@code pricefeed record}) or a file of raw frames, read through the exchange plugin's
 * own parser exactly as {@code replay} reads them (repeated trade ids dropped, gaps reported); for {@code candles
 * --from}.
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
     * @param provider the exchange's plugin
     * @param exchange the exchange id
     * @param instruments context for symbols that cannot be split (Binance {@code BTCUSDT})
     * @param options the exchange's options from configuration
     * @param file the recording, or raw frames one per line
     * @param raw whether the file holds raw frames (receive times are then the clock's)
     * @param clock the clock for raw frames and events
     * @param trades receives the trades
     * @param events receives unreadable lines and sequence gaps
     */
    static Summary read(ExchangeProvider provider, String exchange, List<Instrument> instruments,
            Map<String, String> options, Path file, boolean raw, Clock clock, Consumer<Trade> trades,
            Consumer<FeedEvent> events) throws IOException {
        ReplaySink replay = new ReplaySink(exchange, line -> { }, events);
        TradeSink sink = new TradeSink(replay, trades);
        long frames = 0;
        long errors = 0;
        try (OfflineExchangeContext offline = new OfflineExchangeContext(exchange, instruments, options, clock);
                ExchangeConnector connector = provider.create(offline);
                BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            MessageParser parser = connector.newParser(Optional.empty());
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String frame;
                if (raw) {
                    frame = line;
                    replay.frameReceivedAt(clock.instant());
                } else {
                    try {
                        RecordedFrame recorded = RecordedFrame.parse(line);
                        frame = recorded.frame();
                        replay.frameReceivedAt(recorded.receivedAt());
                    } catch (IllegalArgumentException e) {
                        errors++;
                        events.accept(new FeedEvent.Error(exchange, clock.instant(), "recording", file + " line "
                                + lineNumber + " is not a recording line (" + e.getMessage()
                                + "); use --raw for a file of raw frames"));
                        continue;
                    }
                }
                frames++;
                try {
                    parser.parse(frame, sink);
                } catch (RuntimeException e) {
                    errors++;
                    events.accept(new FeedEvent.Error(exchange, replay.receivedAt(), "parse",
                            file + " line " + lineNumber + " could not be parsed: " + Cli.describe(e)));
                }
            }
        }
        return new Summary(frames, replay.trades(), errors);
    }

    /** Lets the replay sink judge every frame (sequence checks, counts) and passes the trades on. */
    private record TradeSink(ReplaySink replay, Consumer<Trade> trades) implements ParseSink {

        @Override
        public Instant receivedAt() {
            return replay.receivedAt();
        }

        @Override
        public void tick(Tick tick) {
            replay.tick(tick);
        }

        @Override
        public void trade(Trade trade) {
            replay.trade(trade);
            trades.accept(trade);
        }

        @Override
        public void account(AccountEvent event) {
            replay.account(event);
        }

        @Override
        public boolean sequence(String stream, Instrument instrument, long sequence) {
            return replay.sequence(stream, instrument, sequence);
        }

        @Override
        public void heartbeat() {
            replay.heartbeat();
        }

        @Override
        public void pong() {
            replay.pong();
        }

        @Override
        public void welcome() {
            replay.welcome();
        }

        @Override
        public void subscribed(Channel channel, Instrument instrument) {
            replay.subscribed(channel, instrument);
        }

        @Override
        public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
            replay.subscribeFailed(channel, instrument, reason);
        }

        @Override
        public void exchangeError(String code, String message) {
            replay.exchangeError(code, message);
        }

        @Override
        public void reconnectRequested(String reason) {
            replay.reconnectRequested(reason);
        }

        @Override
        public void unknown(String type) {
            replay.unknown(type);
        }
    }
}
