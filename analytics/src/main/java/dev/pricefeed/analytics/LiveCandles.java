package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.CandleHistory;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Live candles of one instrument on one exchange, with indicators, optionally started from the exchange's history.
 * Give it the feed's trades ({@code feed.onTrade(candles::accept)}) and call {@link #start()}: it fetches the history
 * (trades that arrive meanwhile wait), emits the history's closed candles, then the live ones as they close, by a
 * later trade or by the clock at the close time plus the grace.
 *
 * <pre>{@code
 * try (PriceFeed feed = PriceFeed.builder().exchange("kraken").instruments("BTC/USD").channels(Channel.TRADES).build();
 *         LiveCandles candles = LiveCandles.builder("kraken", Instrument.of("BTC/USD"), Duration.ofMinutes(1))
 *                 .history(feed.history().orElseThrow(), Duration.ofHours(2))
 *                 .indicators(IndicatorSpec.parseList("sma20,rsi14"))
 *                 .onCandle(event -> System.out.println(event.candle() + " " + event.indicators()))
 *                 .build()) {
 *     feed.onTrade(candles::accept);
 *     feed.start();
 *     candles.start();
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe; the listener is called under this object's lock, in candle order, from the thread that delivered the
 * trade or from the clock's thread. A listener that throws is logged and counted, and stays registered.
 */
public final class LiveCandles implements AutoCloseable {

    /** How often the clock looks for candles to close: they close at most this long after boundary plus grace. */
    static final Duration CLOCK_PERIOD = Duration.ofMillis(250);

    private final String exchange;
    private final Instrument instrument;
    private final CandleSeries series;
    private final Clock clock;
    private final Scheduling scheduling;
    private final CandleHistory history;
    private final Duration lookback;
    private final GuardedListener<CandleEvent> listener;

    private final List<Trade> waiting = new ArrayList<>();
    private boolean live;
    private boolean closed;
    private AutoCloseable timer;

    private LiveCandles(Builder builder) {
        this.exchange = builder.exchange;
        this.instrument = builder.instrument;
        this.series = new CandleSeries(new CandleAggregator(builder.exchange, builder.instrument, builder.interval,
                builder.grace), new IndicatorSet(builder.indicators, builder.interval));
        this.clock = builder.clock;
        this.scheduling = builder.scheduling;
        this.history = builder.history;
        this.lookback = builder.lookback;
        this.listener = new GuardedListener<>(builder.listener, builder.exchange + " " + builder.instrument + " candle");
    }

    /** Starts a builder for candles of {@code interval} ({@link Intervals#require}). */
    public static Builder builder(String exchange, Instrument instrument, Duration interval) {
        return new Builder(exchange, instrument, interval);
    }

    /** Takes a trade; trades of other exchanges or instruments are ignored, those before {@link #start()} wait. */
    public synchronized void accept(Trade trade) {
        if (closed || !trade.exchange().equals(exchange) || !trade.instrument().equals(instrument)) {
            return;
        }
        if (!live) {
            waiting.add(trade);
            return;
        }
        emit(series.trade(trade, CandleSource.LIVE));
    }

    /**
     * Fetches and emits the history (when one was given), then the trades that waited, then goes live and starts
     * the clock. Blocks while the history is fetched.
     *
     * @throws IOException when the history cannot be fetched (nothing was emitted; call again or close)
     * @throws IllegalStateException when already started
     */
    public void start() throws IOException, InterruptedException {
        synchronized (this) {
            if (live || closed) {
                throw new IllegalStateException(closed ? "closed" : "already started");
            }
        }
        List<Candle> rows = List.of();
        Instant asOf = null;
        if (history != null) {
            Instant now = clock.instant();
            Instant from = Intervals.openTime(now.minus(lookback), series.candles().interval());
            rows = history.candles(instrument, series.candles().interval(), from,
                    now.plus(series.candles().interval()));
            asOf = clock.instant();
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            if (asOf != null) {
                emit(series.history(rows, asOf));
            }
            live = true;
            for (Trade trade : waiting) {
                emit(series.trade(trade, CandleSource.LIVE));
            }
            waiting.clear();
            emit(series.advance(clock.instant(), CandleSource.LIVE));
            timer = scheduling.every(CLOCK_PERIOD, this::tick);
        }
    }

    /** Closes the candles the clock has passed; the clock task calls it, tests may too. */
    public synchronized void tick() {
        if (live && !closed) {
            emit(series.advance(clock.instant(), CandleSource.LIVE));
        }
    }

    /** The unfinished candle of the current interval, once a price is known. */
    public synchronized Optional<Candle> current() {
        return series.candles().current();
    }

    /** Trades that came for a candle already closed and were left out. */
    public synchronized long lateTrades() {
        return series.candles().lateTrades();
    }

    /** Trades left out because the history had counted them. */
    public synchronized long coveredTrades() {
        return series.candles().coveredTrades();
    }

    /** Exceptions thrown by the listener. */
    public long listenerErrors() {
        return listener.errors();
    }

    /** Stops the clock; trades given afterwards are ignored. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        GuardedListener.stop(timer, exchange + " " + instrument + " candle");
    }

    private void emit(List<CandleEvent> events) {
        events.forEach(listener::accept);
    }

    /** Builds {@link LiveCandles}. */
    public static final class Builder {
        private final String exchange;
        private final Instrument instrument;
        private final Duration interval;
        private Duration grace = Duration.ofSeconds(2);
        private Clock clock = Clock.systemUTC();
        private Scheduling scheduling;
        private List<IndicatorSpec> indicators = List.of();
        private CandleHistory history;
        private Duration lookback;
        private Consumer<CandleEvent> listener = event -> { };

        private Builder(String exchange, Instrument instrument, Duration interval) {
            this.exchange = Objects.requireNonNull(exchange, "exchange is null");
            this.instrument = Objects.requireNonNull(instrument, "instrument is null");
            this.interval = Intervals.require(interval);
        }

        /** How long after its close time a candle waits for late trades before the clock closes it (default 2 s). */
        public Builder grace(Duration grace) {
            this.grace = Objects.requireNonNull(grace, "grace is null");
            return this;
        }

        /** The clock for closing candles and fetching history (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /** Runs the clock task (default: one daemon thread, stopped by {@link #close()}). */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling is null");
            return this;
        }

        /** The indicators computed on each closed candle. */
        public Builder indicators(List<IndicatorSpec> indicators) {
            this.indicators = List.copyOf(indicators);
            return this;
        }

        /** Starts from this much of the exchange's history ({@code feed.history()}). */
        public Builder history(CandleHistory history, Duration lookback) {
            this.history = Objects.requireNonNull(history, "history is null");
            this.lookback = Objects.requireNonNull(lookback, "lookback is null");
            if (lookback.isNegative()) {
                throw new IllegalArgumentException("history lookback must not be negative, got " + lookback);
            }
            return this;
        }

        /** Receives every closed candle, history first. */
        public Builder onCandle(Consumer<CandleEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null");
            return this;
        }

        /** Builds the candles; nothing runs until {@link LiveCandles#start()}. */
        public LiveCandles build() {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("grace must not be negative, got " + grace);
            }
            if (scheduling == null) {
                scheduling = Scheduling.daemonThread("pricefeed-candles-" + exchange + "-" + instrument);
            }
            return new LiveCandles(this);
        }
    }
}
