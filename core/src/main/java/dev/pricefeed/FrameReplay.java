package dev.pricefeed;

import dev.pricefeed.config.ConfigException;
import dev.pricefeed.config.PluginOptions;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.MessageParser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an exchange's WebSocket frames offline (a recording, a file of raw frames, a test's fixtures) through the
 * exchange plugin's own parser into ticks, trades and events, merging partial ticks in the same cache a live feed
 * uses, so each tick a listener gets is the merged, current picture. No socket, no thread: listeners run on the
 * caller's thread, during {@link #replay}.
 *
 * <pre>{@code
 * try (FrameReplay replay = FrameReplay.builder().exchange("kucoin").instruments("BTC/USDT").build()) {
 *     replay.onTick(tick -> System.out.println(tick.last() + " " + tick.bid() + " / " + tick.ask()));
 *     for (String frame : frames) {
 *         replay.replay(frame, Instant.now());
 *     }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: replay from one thread.
 */
public final class FrameReplay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReplay.class);

    private final String exchange;
    private final ReplayContext context;
    private final ExchangeConnector connector;
    private final MessageParser parser;
    private final ReplaySink sink;
    private long frames;
    private long errors;

    private FrameReplay(String exchange, ReplayContext context, ExchangeConnector connector) {
        this.exchange = exchange;
        this.context = context;
        this.connector = connector;
        this.parser = connector.newParser(Optional.empty());
        this.sink = new ReplaySink(exchange);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calls {@code listener} with each merged tick, on the thread that calls {@link #replay}. */
    public Registration onTick(Consumer<Tick> listener) {
        return sink.ticks.add(listener);
    }

    /** Calls {@code listener} with each trade, on the thread that calls {@link #replay}. */
    public Registration onTrade(Consumer<Trade> listener) {
        return sink.trades.add(listener);
    }

    /**
     * Calls {@code listener} with each event the frames cause: sequence gaps, refused subscriptions, exchange errors,
     * shutdown notices, and an {@link FeedEvent.Error} with code {@code parse} for each frame that could not be read.
     */
    public Registration onEvent(Consumer<FeedEvent> listener) {
        return sink.events.add(listener);
    }

    /**
     * Parses one frame as if it had been received at {@code receivedAt}. A malformed frame is counted, reported as an
     * {@link FeedEvent.Error} with code {@code parse} and skipped, as a live feed does.
     *
     * @return whether the frame could be parsed
     */
    public boolean replay(String frame, Instant receivedAt) {
        Objects.requireNonNull(frame, "frame is null");
        sink.receivedAt(Objects.requireNonNull(receivedAt, "receivedAt is null"));
        frames++;
        try {
            parser.parse(frame, sink);
            return true;
        } catch (RuntimeException e) {
            errors++;
            LOG.debug("{}: a replayed frame could not be parsed", exchange, e);
            sink.event(new FeedEvent.Error(exchange, receivedAt, "parse", "could not be parsed: " + e));
            return false;
        }
    }

    /** The merged ticks so far, newest per instrument. */
    public PriceCache cache() {
        return sink.cache;
    }

    /** The exchange id. */
    public String exchange() {
        return exchange;
    }

    /** Frames replayed so far. */
    public long frames() {
        return frames;
    }

    /** Ticks reported so far (each partial tick counts once). */
    public long ticks() {
        return sink.tickCount;
    }

    /** Trades reported so far. */
    public long trades() {
        return sink.tradeCount;
    }

    /** Frames of types the parser does not handle, and account events (never part of public data). */
    public long unknown() {
        return sink.unknownCount;
    }

    /** Frames that could not be parsed. */
    public long errors() {
        return errors;
    }

    /** Releases what the plugin's connector holds (an HTTP client or scheduler it asked for); idempotent. */
    @Override
    public void close() {
        try {
            connector.close();
        } finally {
            context.close();
        }
    }

    /** Settings of a replay: the exchange, the instruments the frames are about, the plugin's options. */
    public static final class Builder {
        private String exchange;
        private final List<Instrument> instruments = new ArrayList<>();
        private final Map<String, String> options = new LinkedHashMap<>();
        private PluginRegistry plugins;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The exchange id, such as {@code kraken}. */
        public Builder exchange(String exchange) {
            this.exchange = Objects.requireNonNull(exchange, "exchange is null").trim().toLowerCase(Locale.ROOT);
            return this;
        }

        /** The instruments the frames are about (helps plugins that cannot split native symbols), as text. */
        public Builder instruments(String... instruments) {
            for (String text : instruments) {
                this.instruments.add(Instrument.of(text));
            }
            return this;
        }

        /** The instruments the frames are about. */
        public Builder instruments(Instrument... instruments) {
            this.instruments.addAll(List.of(instruments));
            return this;
        }

        /** A plugin option ({@code <exchange>.<key>} without the prefix), checked against the plugin's declarations. */
        public Builder option(String key, String value) {
            options.put(Objects.requireNonNull(key, "key is null"), Objects.requireNonNull(value, "value is null"));
            return this;
        }

        /** The plugins to find the exchange in (default: those on the class path). */
        public Builder plugins(PluginRegistry registry) {
            this.plugins = Objects.requireNonNull(registry, "registry is null");
            return this;
        }

        /** The clock a plugin reads, if it reads one (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * Finds the plugin, checks the options and makes its parser.
         *
         * @throws ConfigException listing every option problem
         * @throws UnknownExchangeException when no plugin provides the exchange
         */
        public FrameReplay build() {
            if (exchange == null || exchange.isEmpty()) {
                throw new ConfigException(List.of("no exchange given: set one such as kraken"));
            }
            PluginRegistry registry = plugins != null ? plugins : PluginRegistry.builder().build();
            ExchangeProvider provider = registry.provider(exchange);
            PluginOptions checked = PluginOptions.of(exchange, provider.options(), options);
            ReplayContext context = new ReplayContext(exchange, instruments, checked, clock);
            try {
                return new FrameReplay(exchange, context, provider.create(context));
            } catch (RuntimeException e) {
                context.close();
                throw e;
            }
        }
    }
}
