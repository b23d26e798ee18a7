package dev.pricefeed.cli;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.analytics.CandleAggregator;
import dev.pricefeed.analytics.CandleEvent;
import dev.pricefeed.analytics.CandleSeries;
import dev.pricefeed.analytics.CandleSource;
import dev.pricefeed.analytics.IndicatorSet;
import dev.pricefeed.analytics.IndicatorSpec;
import dev.pricefeed.analytics.Intervals;
import dev.pricefeed.analytics.LiveCandles;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.spi.CandleHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pricefeed candles}: OHLCV candles with indicators, history first and then live, or from a recording. */
@Command(name = "candles", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Candles (OHLCV, trade count, VWAP) with indicators, built from trades.",
                "Live: the exchange's candle history first (--history), then candles built from live trades, each "
                        + "printed when it closes. Offline (--from): candles built from the trades in a recording."},
        footer = {"", "Examples:",
                "  pricefeed candles kraken BTC/USD --interval 1m --history 2h --indicators sma20,rsi14,macd",
                "  pricefeed candles binance BTC/USDT --interval 5m --format jsonl --duration 30m > candles.jsonl",
                "  pricefeed candles kraken BTC/USD --from kraken.jsonl --interval 1m --indicators ema10"})
final class CandlesCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXCHANGE", description = "The exchange id, such as kraken.")
    String exchange;

    @Parameters(index = "1", paramLabel = "INSTRUMENT", description = "The instrument, such as BTC/USD.")
    String instrument;

    @Option(names = "--interval", paramLabel = "INTERVAL", defaultValue = "1m",
            description = "Candle length: 30s, 1m, 5m, 15m, 1h, 4h, 1d, ... (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(names = "--history", paramLabel = "TIME",
            description = "Start with this much of the exchange's candle history, such as 2h (default: none).")
    Duration history;

    @Option(names = "--indicators", paramLabel = "LIST",
            description = "Comma-separated: sma<N>, ema<N>, rsi<N>, atr<N>, bb<N>, macd, vwap, vwap<N>.")
    String indicators;

    @Option(names = "--grace", paramLabel = "TIME", defaultValue = "2s",
            description = "How long after its end a live candle waits for late trades (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Build the candles from the trades in this recording instead of a live feed.")
    Path from;

    @Option(names = "--raw", description = "With --from: the file holds one raw frame per line.")
    boolean raw;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table or jsonl (default: table in a terminal, jsonl otherwise).")
    OutputFormat format;

    @Mixin
    FeedOptions feedOptions;

    @Mixin
    CommonOptions common;

    CandlesCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Duration length;
        List<IndicatorSpec> specs;
        Instrument wanted;
        try {
            length = Intervals.parse(interval);
            specs = indicators == null ? List.of() : IndicatorSpec.parseList(indicators);
            wanted = Instrument.of(instrument);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (grace.isNegative()) {
            throw new UsageError("--grace must not be negative, got " + grace);
        }
        if (!feedOptions.channels.isEmpty()) {
            throw new UsageError("candles subscribes to trades by itself; leave out --channels");
        }
        String id = exchange.trim().toLowerCase(Locale.ROOT);
        ConfigSources sources = common.sources(env);
        PluginRegistry registry = common.registry(env, sources);
        if (!registry.ids().contains(id)) {
            throw new UsageError("unknown exchange '" + exchange + "'; installed: " + String.join(", ", registry.ids()));
        }
        LineOutput out = new LineOutput(spec.commandLine().getOut());
        LineOutput err = new LineOutput(spec.commandLine().getErr());
        if (from != null) {
            return offline(registry, sources, id, wanted, length, specs, out, err);
        }
        if (raw) {
            throw new UsageError("--raw goes with --from FILE");
        }
        return live(registry, id, wanted, length, specs, out, err);
    }

    private int offline(PluginRegistry registry, ConfigSources sources, String id, Instrument wanted, Duration length,
            List<IndicatorSpec> specs, LineOutput out, LineOutput err) throws IOException {
        if (history != null || !feedOptions.endpoints.isEmpty() || !feedOptions.restEndpoints.isEmpty()
                || feedOptions.duration != null) {
            throw new UsageError("--from reads a file: --history, --endpoint, --rest-endpoint and --duration are "
                    + "for live candles");
        }
        if (!Files.isRegularFile(from) || !Files.isReadable(from)) {
            throw new UsageError("recording " + from + " cannot be read" + (Files.exists(from) ? "" : ": no such file"));
        }
        CandleSeries series = new CandleSeries(new CandleAggregator(id, wanted, length, grace),
                new IndicatorSet(specs, length));
        EventOutput events = new EventOutput(err);
        RecordedTrades.Summary summary = RecordedTrades.read(registry, id, List.of(wanted),
                ReplayCommand.options(sources, id), from, raw, env.clock(), trade -> {
                    if (trade.instrument().equals(wanted)) {
                        series.trade(trade, CandleSource.REPLAY).forEach(event -> out.println(AnalyticsLines.candle(event)));
                    }
                }, events);
        // the file ends, not the interval: the last candle is printed as it stands, unfinished
        series.current(CandleSource.REPLAY).ifPresent(event -> out.println(AnalyticsLines.candle(event)));
        err.println("read " + summary.frames() + " frames from " + from + ": " + summary.trades() + " trades, "
                + series.candles().lateTrades() + " late, " + summary.errors() + " errors");
        return Cli.OK;
    }

    private int live(PluginRegistry registry, String id, Instrument wanted, Duration length, List<IndicatorSpec> specs,
            LineOutput out, LineOutput err) throws IOException, InterruptedException {
        OutputFormat chosen = format != null ? format : WatchRun.defaultFormat(env);
        Logging.forFormat(chosen);
        if (history != null && (history.isNegative() || history.isZero())) {
            throw new UsageError("--history must be positive, got " + history);
        }
        Map<String, Consumer<PriceFeed.Builder>> endpoints = feedOptions.endpointSettings(Set.of(id));
        List<String> columns = specs.stream().flatMap(s -> s.outputs().stream()).collect(Collectors.toList());
        AtomicReference<LiveCandles> candles = new AtomicReference<>();
        AtomicReference<CandleScreen> screen = new AtomicReference<>();
        AtomicInteger code = new AtomicInteger(Cli.OK);
        EventOutput events = new EventOutput(err);
        AtomicBoolean closing = new AtomicBoolean();
        Consumer<CandleEvent> print = event -> {
            if (screen.get() != null) {
                screen.get().add(event);
            } else if (!out.println(AnalyticsLines.candle(event))) {
                env.stop().requestStop();
            }
        };
        List<FeedRequest> request = List.of(new FeedRequest(id, List.of(wanted), endpoints.get(id)));
        try (LiveFeeds feeds = LiveFeeds.build(request, EnumSet.of(Channel.TRADES), registry,
                common.configFile(env).orElse(null), feed -> {
                    LiveCandles.Builder builder = LiveCandles.builder(id, wanted, length).grace(grace)
                            .indicators(specs).onCandle(print);
                    if (history != null) {
                        Optional<CandleHistory> exchangeHistory = feed.history();
                        if (exchangeHistory.isEmpty()) {
                            throw new UsageError("the " + id + " plugin has no candle history; leave out --history");
                        }
                        List<Duration> served = exchangeHistory.get().intervals();
                        if (!served.contains(length)) {
                            throw new UsageError(id + " has no " + Intervals.format(length) + " candle history; it "
                                    + "serves " + served.stream().map(Intervals::format)
                                            .collect(Collectors.joining(", ")));
                        }
                        builder.history(exchangeHistory.get(), history);
                    }
                    candles.set(builder.build());
                    feed.onTrade(candles.get()::accept);
                    feed.onEvent(event -> {
                        events.accept(event);
                        if (LiveFeeds.closedByItself(event, closing.get())) {
                            code.set(Cli.FAILURE);
                            env.stop().requestStop();
                        }
                    });
                });
                LiveCandles live = candles.get()) {
            ScreenView view = null;
            if (chosen == OutputFormat.TABLE) {
                CandleScreen table = new CandleScreen(CandleScreen.title(id, wanted, length), columns, live::current);
                screen.set(table);
                view = new ScreenView(out, table::lines);
            }
            feeds.start();
            try {
                live.start();
            } catch (IOException e) {
                throw new CandleHistoryFailed(id, e);
            }
            if (view != null) {
                view.start();
            }
            try {
                env.stop().await(feedOptions.duration);
            } finally {
                closing.set(true);
                live.close();
                if (view != null) {
                    view.close();
                } else {
                    // stopped before its interval ended: the running candle as it stands
                    live.current().ifPresent(candle -> out.println(AnalyticsLines.candle(
                            new CandleEvent(candle, CandleSource.LIVE, Map.of()))));
                }
            }
        }
        if (candles.get() != null && candles.get().lateTrades() > 0) {
            err.println("candles: " + candles.get().lateTrades() + " late trades left out");
        }
        return code.get();
    }

    /** The history could not be fetched: a runtime failure (exit 1), named after the exchange. */
    static final class CandleHistoryFailed extends IOException {
        private static final long serialVersionUID = 1L;

        CandleHistoryFailed(String exchange, IOException cause) {
            super("fetching the " + exchange + " candle history failed", cause);
        }
    }
}
