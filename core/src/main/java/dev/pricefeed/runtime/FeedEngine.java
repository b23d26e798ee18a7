package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedMetrics;
import dev.pricefeed.FeedState;
import dev.pricefeed.FrameListener;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceCache;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.config.ConfigException;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import java.io.IOException;
import java.net.ProxySelector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one feed: the connection life cycle of DESIGN.md over one or more connections ({@link Slot}s planned by
 * {@link ShardPlan}), REST fallback ({@link FallbackPolling}), staleness ({@link StalenessWatch}), the cache and the
 * listeners ({@link DataPath}, {@link ListenerFanout}) and metrics.
 *
 * <p>Threading: life-cycle decisions and timers run on the process's shared control thread ({@link ControlThread}),
 * blocking work (bootstrap requests, handshakes, REST polls) on the shared I/O pool ({@link IoTasks}), frames are
 * parsed and applied to the cache on the socket's read thread, and listeners run on the dispatcher thread (the
 * feed's own, or its service's). Shared threads belong to {@link SharedRuntime} and stop with the last feed.
 *
 * <p>Construction starts no thread: a connector that refuses its settings leaves nothing behind.
 */
public final class FeedEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FeedEngine.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final FeedConfig config;
    private final String exchange;
    private final Clock clock;
    private final Metrics metrics = new Metrics();
    private final LatestPriceCache cache;
    private final Backoff backoff;
    private final SharedRuntime.Lease lease;
    private final ControlThread control;
    private final IoTasks io;
    private final ExchangeConnector connector;
    private final Dispatcher dispatcher;
    private final boolean ownDispatcher;
    private final ListenerFanout listeners;
    private final StalenessWatch staleness;
    private final DataPath data;
    /** Written once on the control thread before any other slot work; read there. */
    private final List<Slot> slots = new ArrayList<>();
    private final SlotHost host = new Host();
    private final FeedStateTracker state;
    private final FallbackPolling polling;
    /** The TLS context of both WebSocket transports and the REST client, or {@code null} for the JVM's default. */
    private final SSLContext ssl;
    private WebSocketTransport transport;

    private boolean started;
    private volatile boolean closed;
    private ScheduledFuture<?> staleTask;

    /** A feed with its own listener thread. */
    public FeedEngine(FeedConfig config, ExchangeProvider provider, Clock clock) {
        this(config, provider, clock, null);
    }

    /**
     * A feed whose listeners run on {@code sharedDispatcher} (owned by the caller), or on a dispatcher of its own when
     * that is {@code null}.
     *
     * @throws ConfigException when the connector refuses the settings ({@link IllegalArgumentException} from
     *     {@link ExchangeProvider#create}); nothing is left running
     */
    public FeedEngine(FeedConfig config, ExchangeProvider provider, Clock clock, Dispatcher sharedDispatcher) {
        this(config, provider, clock, sharedDispatcher, null);
    }

    /**
     * A feed as {@link #FeedEngine(FeedConfig, ExchangeProvider, Clock, Dispatcher)} whose WebSocket connections and
     * REST requests use {@code ssl} to trust servers (and present a client certificate, if it holds one).
     *
     * @param ssl the TLS context, or {@code null} for the JVM's default ({@code javax.net.ssl.trustStore} and so on)
     */
    public FeedEngine(FeedConfig config, ExchangeProvider provider, Clock clock, Dispatcher sharedDispatcher,
            SSLContext ssl) {
        this.config = config;
        this.ssl = ssl;
        this.exchange = config.exchange();
        this.clock = clock;
        this.cache = new LatestPriceCache(exchange);
        this.backoff = new Backoff(config.reconnectDelay(), config.maxReconnectDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.lease = SharedRuntime.acquire(ssl);
        try {
            this.control = new ControlThread(exchange, lease.control());
            this.io = new IoTasks(exchange, lease.io());
            this.connector = create(provider, new DefaultExchangeContext(config, lease.httpClient(), clock, control));
        } catch (RuntimeException | Error e) {
            lease.close();
            throw e;
        }
        this.ownDispatcher = sharedDispatcher == null;
        this.dispatcher = ownDispatcher ? new Dispatcher(exchange) : sharedDispatcher;
        this.listeners = new ListenerFanout(dispatcher, metrics);
        this.staleness = new StalenessWatch(exchange, config.instruments(), config.staleAfter(), clock,
                listeners::event);
        this.data = new DataPath(exchange, clock, metrics, cache, listeners, staleness);
        this.state = new FeedStateTracker(exchange, clock, metrics, data);
        this.polling = new FallbackPolling(host, slots, state::set);
    }

    /** The connector, or a {@link ConfigException} naming the plugin when it refuses the settings. */
    private static ExchangeConnector create(ExchangeProvider provider, DefaultExchangeContext context) {
        try {
            return provider.create(context);
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("the " + provider.id() + " plugin " + provider.version()
                    + " refused its settings: " + ErrorText.describe(e)));
        }
    }

    // ---------------------------------------------------------------- listeners

    public Registration addTickListener(Instrument instrument, Consumer<Tick> listener, Delivery delivery) {
        if (instrument != null && !config.instruments().contains(instrument)) {
            throw new IllegalArgumentException("instrument " + instrument + " is not one of this feed's "
                    + config.instruments());
        }
        return listeners.addTick(instrument, listener, delivery);
    }

    public Registration addTradeListener(Consumer<Trade> listener, Delivery delivery) {
        return listeners.addTrade(listener, delivery);
    }

    public Registration addEventListener(Consumer<FeedEvent> listener) {
        return listeners.addEvent(listener);
    }

    public Registration addAccountListener(Consumer<AccountEvent> listener) {
        return listeners.addAccount(listener);
    }

    public Registration addFrameListener(FrameListener listener) {
        return listeners.addFrame(listener);
    }

    // ---------------------------------------------------------------- public face

    public FeedState state() {
        return state.get();
    }

    public FeedConfig config() {
        return config;
    }

    public PriceCache cache() {
        return cache;
    }

    public FeedMetrics metrics() {
        return metrics.snapshot();
    }

    /** The connector's REST candle history, where it offers one; usable before {@link #start()}. */
    public Optional<CandleHistory> history() {
        return connector.history();
    }

    /** The instruments judged stale by the last staleness check, in subscription order. */
    public Set<Instrument> staleInstruments() {
        return staleness.stale();
    }

    /**
     * Validates instruments against the exchange's list (when it can be fetched), then starts connecting. The listing
     * runs without the feed's lock, so {@link #close()} never waits behind it.
     */
    public void start() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("feed is closed");
            }
            if (started) {
                return;
            }
            started = true;
        }
        try {
            validateInstruments();
        } catch (RuntimeException e) {
            synchronized (this) {
                started = false;
            }
            throw e;
        }
        control.run(this::launch);
    }

    private void validateInstruments() {
        boolean publicChannels = config.channels().stream().anyMatch(c -> !c.isPrivate());
        if (!publicChannels) {
            return;
        }
        try {
            Set<Instrument> listed = connector.listInstruments().orElse(Set.of());
            if (!listed.isEmpty() && !closed) {
                InstrumentCheck.requireListed(exchange, config.instruments(), listed);
            }
        } catch (IOException e) {
            if (!closed) {
                LOG.warn("{}: cannot fetch the instrument list to validate {} ({}); going on without validation",
                        exchange, config.instruments(), ErrorText.plain(e, config.endpoints().get("rest")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Plans the connections and opens them (control thread). */
    private void launch() {
        if (closed) {
            return;
        }
        for (ShardPlan.Shard shard : ShardPlan.plan(config.channels(), config.instruments(), connector::route,
                connector::weight, connector.limits().maxWeightPerConnection())) {
            slots.add(new Slot(host, shard));
        }
        if (slots.size() > 1) {
            LOG.info("{}: {} subscriptions spread over {} connections", exchange,
                    slots.stream().mapToInt(Slot::size).sum(), slots.size());
        }
        staleTask = control.every(staleness.checkPeriod(), () -> {
            if (!closed && state.get() != FeedState.IDLE) {
                staleness.check();
            }
        });
        if (!config.websocketEnabled()) {
            polling.enter("WebSocket disabled by configuration (websocket.enabled=false)");
        } else if (slots.isEmpty()) {
            LOG.warn("{}: nothing to subscribe (every subscription was refused)", exchange);
        } else {
            for (Slot slot : slots) {
                slot.connect(false);
            }
        }
    }

    /** Closes every connection and stops every thread this feed started or shares (when it is the last); idempotent. */
    public void close() {
        boolean launched;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            launched = started;
        }
        Runnable shutdown = () -> {
            polling.stop();
            ControlThread.cancel(staleTask);
            for (Slot slot : slots) {
                slot.shutdown("feed closed");
            }
            state.set(FeedState.CLOSED, "closed by the application");
        };
        if (launched) {
            try {
                control.submit(shutdown).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.warn("{}: close did not finish cleanly: {}", exchange, e.toString());
            }
        } else {
            shutdown.run();
        }
        control.shutdownNow();
        io.stop(Duration.ofSeconds(2));
        synchronized (this) {
            if (transport != null) {
                transport.close();
            }
        }
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: the connector failed to close: {}", exchange, ErrorText.describe(e));
        }
        if (ownDispatcher) {
            dispatcher.close();
        }
        lease.close();
    }

    // ---------------------------------------------------------------- what slots and connections see

    /** The feed as its slots and connections see it: {@link SlotHost}, nothing more. */
    private final class Host implements SlotHost {
        @Override
        public String exchange() {
            return exchange;
        }

        @Override
        public FeedConfig config() {
            return config;
        }

        @Override
        public ExchangeConnector connector() {
            return connector;
        }

        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public Metrics counters() {
            return metrics;
        }

        @Override
        public ControlThread control() {
            return control;
        }

        @Override
        public Executor io() {
            return io;
        }

        @Override
        public WebSocketTransport transport() {
            synchronized (FeedEngine.this) {
                if (transport == null) {
                    long handshakeMillis = config.handshakeTimeout().toMillis();
                    transport = config.websocketTransport().equals("jdk")
                            ? new JdkTransport(handshakeMillis, FrameLimit.MAX_FRAME_BYTES, ProxySelector.getDefault(), ssl)
                            : new TyrusTransport(handshakeMillis, ssl);
                }
                return transport;
            }
        }

        @Override
        public DataPath data() {
            return data;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public boolean isPolling() {
            return polling.active();
        }

        /** Recomputes the feed state from the slots (control thread). */
        @Override
        public void slotChanged(String reason) {
            if (closed) {
                return;
            }
            if (polling.active()) {
                polling.leaveIfBack();
            } else {
                state.fromSlots(slots, reason);
            }
        }

        @Override
        public void enterPolling(String reason) {
            polling.enter(reason);
        }

        @Override
        public Duration backoffDelay(int attempt) {
            return backoff.delay(attempt);
        }

        @Override
        public int maxAttempts() {
            return config.maxReconnectAttempts();
        }
    }
}
