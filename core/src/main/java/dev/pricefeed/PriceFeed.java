package dev.pricefeed;

import dev.pricefeed.config.ConfigException;
import dev.pricefeed.config.ConfigSources;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.runtime.Dispatcher;
import dev.pricefeed.runtime.FeedEngine;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * A live price feed from one exchange: connects, subscribes, keeps the connection alive, reconnects, falls back to REST
 * and keeps the latest prices in {@link #cache()}.
 *
 * <pre>{@code
 * try (PriceFeed feed = PriceFeed.builder().exchange("kraken").instruments("BTC/USD", "ETH/USD").build()) {
 *     Registration btc = feed.onTick("BTC/USD", tick -> System.out.println(tick.instrument() + " = " + tick.last()));
 *     feed.start();
 *     ...
 *     btc.close(); // no more BTC/USD ticks for this listener
 *     ...
 * }
 * }</pre>
 */
public final class PriceFeed implements AutoCloseable {

    private final FeedEngine engine;

    private PriceFeed(FeedEngine engine) {
        this.engine = engine;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calls the listener with the merged current tick of one instrument after each update (conflating). */
    public Registration onTick(String instrument, Consumer<Tick> listener) {
        return onTick(Instrument.of(instrument), listener, Delivery.conflate());
    }

    /** Calls the listener with the merged current tick of one instrument after each update (conflating). */
    public Registration onTick(Instrument instrument, Consumer<Tick> listener) {
        return onTick(instrument, listener, Delivery.conflate());
    }

    /** Calls the listener with the merged current tick of one instrument after each update, with the given delivery. */
    public Registration onTick(String instrument, Consumer<Tick> listener, Delivery delivery) {
        return onTick(Instrument.of(instrument), listener, delivery);
    }

    /** Calls the listener with the merged current tick of one instrument after each update, with the given delivery. */
    public Registration onTick(Instrument instrument, Consumer<Tick> listener, Delivery delivery) {
        Objects.requireNonNull(instrument, "instrument is null");
        return engine.addTickListener(instrument, listener, delivery);
    }

    /** Calls the listener with the merged current tick of every instrument after each update (conflating). */
    public Registration onTick(Consumer<Tick> listener) {
        return onTick(listener, Delivery.conflate());
    }

    /** Calls the listener with the merged current tick of every instrument, with the given delivery. */
    public Registration onTick(Consumer<Tick> listener, Delivery delivery) {
        return engine.addTickListener(null, listener, delivery);
    }

    /** Calls the listener with every trade, queued. */
    public Registration onTrade(Consumer<Trade> listener) {
        return onTrade(listener, Delivery.queue());
    }

    /** Calls the listener with every trade, with the given delivery ({@code CONFLATE} keeps the newest per instrument). */
    public Registration onTrade(Consumer<Trade> listener, Delivery delivery) {
        return engine.addTradeListener(listener, delivery);
    }

    /** Calls the listener with every state change, error, gap and staleness event, queued. */
    public Registration onEvent(Consumer<FeedEvent> listener) {
        return engine.addEventListener(listener);
    }

    /** Calls the listener with every private-channel event (executions, balances), queued. */
    public Registration onAccountEvent(Consumer<AccountEvent> listener) {
        return engine.addAccountListener(listener);
    }

    /** Calls the listener with every raw text frame and its receive time, queued (for recording). */
    public Registration onFrame(FrameListener listener) {
        return engine.addFrameListener(listener);
    }

    /** Validates instruments where the exchange lists them, then connects; returns at once. */
    public PriceFeed start() {
        engine.start();
        return this;
    }

    /** The state right now. */
    public FeedState state() {
        return engine.state();
    }

    /** The newest merged tick per instrument. */
    public PriceCache cache() {
        return engine.cache();
    }

    /** A snapshot of the counters. */
    public FeedMetrics metrics() {
        return engine.metrics();
    }

    /**
     * Historical candles over the exchange's REST API, when its plugin offers them (capability
     * {@link Capability#HISTORY}), else empty. It needs no connection: call it before {@link #start()} to load history
     * first and go live after, or on a feed that is never started. It uses this feed's endpoints, clock and HTTP
     * client, and lives as long as the feed.
     */
    public Optional<CandleHistory> history() {
        return engine.history();
    }

    /** The instruments without data for longer than {@code feed.stale-after} right now (see {@link FeedEvent.Stale}). */
    public Set<Instrument> staleInstruments() {
        return engine.staleInstruments();
    }

    /** The exchange id. */
    public String exchange() {
        return engine.config().exchange();
    }

    /** The resolved configuration. */
    public FeedConfig config() {
        return engine.config();
    }

    /** Closes every connection and stops every thread; listeners get what was already queued. */
    @Override
    public void close() {
        engine.close();
    }

    /** Builds a {@link PriceFeed}. Settings not given here come from the environment, system properties and file. */
    public static final class Builder {
        private String exchange;
        private final List<String> instruments = new ArrayList<>();
        private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
        private final Map<String, String> overrides = new HashMap<>();
        private Path configFile;
        private Map<String, String> environment;
        private Properties systemProperties;
        private PluginRegistry plugins;
        private Clock clock = Clock.systemUTC();
        private SSLContext sslContext;

        private Builder() {
        }

        /** The exchange id, such as {@code kraken}. */
        public Builder exchange(String id) {
            this.exchange = id;
            return this;
        }

        /** Instruments written {@code BASE/QUOTE}; adds to those already given. */
        public Builder instruments(String... instruments) {
            return instruments(Arrays.asList(instruments));
        }

        /** Instruments; adds to those already given. */
        public Builder instruments(Instrument... instruments) {
            for (Instrument instrument : instruments) {
                this.instruments.add(Objects.requireNonNull(instrument, "instrument is null").toString());
            }
            return this;
        }

        /** Instruments written {@code BASE/QUOTE}; adds to those already given. */
        public Builder instruments(Collection<String> instruments) {
            this.instruments.addAll(instruments);
            return this;
        }

        /** The channels (default: ticker only). */
        public Builder channels(Channel... channels) {
            this.channels.addAll(Arrays.asList(channels));
            return this;
        }

        /** Whether to use the WebSocket at all; {@code false} polls REST only. */
        public Builder websocketEnabled(boolean enabled) {
            return set("websocket.enabled", Boolean.toString(enabled));
        }

        /**
         * The WebSocket client: {@code "tyrus"} (the default) or {@code "jdk"} ({@code java.net.http.WebSocket}: less
         * CPU and latency per frame, no extra dependency); see the README's "Choosing the WebSocket transport".
         */
        public Builder websocketTransport(String transport) {
            return set("websocket.transport", transport);
        }

        /** The first backoff delay. */
        public Builder reconnectDelay(Duration delay) {
            return set("websocket.reconnect.delay", delay.toString());
        }

        /** The cap of the backoff delay. */
        public Builder maxReconnectDelay(Duration delay) {
            return set("websocket.reconnect.max-delay", delay.toString());
        }

        /** Failed attempts in a row before falling back to REST polling. */
        public Builder maxReconnectAttempts(int attempts) {
            return set("websocket.reconnect.max-attempts", Integer.toString(attempts));
        }

        /** How long a connection must stay up to count as healthy (and reset the attempt counter). */
        public Builder healthyAfter(Duration duration) {
            return set("websocket.healthy-after", duration.toString());
        }

        /** Silence after which an open socket is judged dead (default: the connector's). */
        public Builder livenessTimeout(Duration timeout) {
            return set("websocket.liveness-timeout", timeout.toString());
        }

        /** How long opening a WebSocket (TCP connect and upgrade) may take before the attempt fails (default 10 s). */
        public Builder handshakeTimeout(Duration timeout) {
            return set("websocket.handshake-timeout", timeout.toString());
        }

        /** No data for an instrument this long emits a {@link FeedEvent.Stale}. */
        public Builder staleAfter(Duration duration) {
            return set("feed.stale-after", duration.toString());
        }

        /** Time between REST polls in fallback. */
        public Builder pollInterval(Duration interval) {
            return set("rest.poll-interval", interval.toString());
        }

        /** While polling, how often the WebSocket is tried again. */
        public Builder probeInterval(Duration interval) {
            return set("rest.probe-interval", interval.toString());
        }

        /** Overrides the WebSocket endpoint. */
        public Builder endpoint(URI uri) {
            return endpoint("websocket", uri);
        }

        /** Overrides the REST endpoint. */
        public Builder restEndpoint(URI uri) {
            return endpoint("rest", uri);
        }

        /** Overrides a named endpoint ({@code websocket}, {@code rest} or one the connector documents). */
        public Builder endpoint(String name, URI uri) {
            Objects.requireNonNull(exchange, "set exchange(...) before endpoints");
            return set(exchange + ".endpoint." + name, uri.toString());
        }

        /** The API key and secret (otherwise from {@code <EXCHANGE>_API_KEY} / {@code <EXCHANGE>_API_SECRET}). */
        public Builder credentials(String apiKey, String apiSecret) {
            Objects.requireNonNull(exchange, "set exchange(...) before credentials");
            set(exchange + ".api-key", apiKey);
            return set(exchange + ".api-secret", apiSecret);
        }

        /** An exchange-specific option, such as {@code feed=advanced-trade} for Coinbase. */
        public Builder option(String key, String value) {
            Objects.requireNonNull(exchange, "set exchange(...) before options");
            return set(exchange + "." + key, value);
        }

        /** Any setting by its key in {@code pricefeed.properties}. */
        public Builder set(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        /** Reads settings from a properties file (below environment, system properties and this builder). */
        public Builder configFile(Path path) {
            this.configFile = path;
            return this;
        }

        /** The environment to read (default: the process's). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /** The system properties to read (default: the process's). */
        public Builder systemProperties(Properties properties) {
            this.systemProperties = properties;
            return this;
        }

        /** The plugins to pick the exchange from (default: those on the class path). */
        public Builder plugins(PluginRegistry registry) {
            this.plugins = registry;
            return this;
        }

        /** The clock for receive times (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /**
         * The TLS context for this feed's wss:// connections (either WebSocket transport) and its REST requests, for
         * a private trust store, a TLS-inspecting proxy's certificate authority or a client certificate. Without it
         * the JVM's default is used ({@link SSLContext#getDefault()}, which reads {@code javax.net.ssl.trustStore}).
         * The host name is verified either way.
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext is null");
            return this;
        }

        /** The settings layers this builder resolves against. */
        public ConfigSources sources() {
            ConfigSources.Builder sources = ConfigSources.builder()
                    .environment(environment != null ? environment : System.getenv())
                    .systemProperties(systemProperties != null ? systemProperties : System.getProperties());
            if (configFile != null) {
                sources.file(configFile);
            }
            overrides.forEach(sources::override);
            return sources.build();
        }

        /**
         * Resolves the configuration and finds the exchange's plugin.
         *
         * @throws dev.pricefeed.config.ConfigException listing every configuration problem
         * @throws UnknownExchangeException when no plugin provides the exchange
         */
        public PriceFeed build() {
            return build(null, null);
        }

        /**
         * Builds a feed whose listeners run on {@code sharedListeners} (a service's), or on a thread of its own when
         * that is {@code null}. Everything is checked before anything starts: configuration, plugin, channels, and
         * the plugin's own reading of its options; a failure leaves no thread or client behind.
         *
         * @param defaultTls the TLS context when this builder was given none (a service's), or {@code null}
         */
        PriceFeed build(Dispatcher sharedListeners, SSLContext defaultTls) {
            ConfigSources sources = sources();
            PluginRegistry registry = plugins != null ? plugins
                    : PluginRegistry.builder().pins(sources.withPrefix(PluginRegistry.PIN_PREFIX)).build();
            // the plugin's declared options are checked with the core's settings, so one error lists every problem;
            // settings are checked before a missing plugin is reported
            String id = exchange == null ? "" : exchange.trim().toLowerCase(java.util.Locale.ROOT);
            ExchangeProvider found = registry.ids().contains(id) ? registry.provider(id) : null;
            FeedConfig config = FeedConfig.resolve(exchange, instruments, channels, sources,
                    found == null ? List.of() : found.options());
            ExchangeProvider provider = found != null ? found : registry.provider(config.exchange());
            requireSupported(provider, config.channels());
            return new PriceFeed(new FeedEngine(config, provider, clock, sharedListeners,
                    sslContext != null ? sslContext : defaultTls));
        }

        private static void requireSupported(ExchangeProvider provider, Set<Channel> channels) {
            List<String> problems = new ArrayList<>();
            for (Channel channel : channels) {
                Capability needed = switch (channel) {
                    case TICKER -> Capability.TICKER;
                    case TRADES -> Capability.TRADES;
                    case EXECUTIONS, BALANCES -> Capability.PRIVATE_CHANNELS;
                };
                if (!provider.capabilities().contains(needed)) {
                    problems.add("the " + provider.id() + " plugin " + provider.version() + " does not support the "
                            + channel.name().toLowerCase(java.util.Locale.ROOT) + " channel (it offers "
                            + provider.capabilities() + ")");
                }
            }
            if (!problems.isEmpty()) {
                throw new ConfigException(problems);
            }
        }
    }
}
