package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
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
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.CandleHistory;
import dev.pricefeed.spi.ExchangeConnector;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.FallbackPoller;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.Subscription;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one feed: the connection life cycle of DESIGN.md over one or more connections (shards), REST fallback, the
 * cache, listener dispatch and metrics.
 *
 * <p>Threading: life-cycle decisions run on one control thread per feed (timers included), blocking work (bootstrap
 * requests, handshakes, REST polls) on an I/O pool, frames are parsed and applied to the cache on the socket's read
 * thread, and listeners run on the dispatcher thread.
 */
public final class FeedEngine {

    private static final Logger LOG = LoggerFactory.getLogger(FeedEngine.class);

    final FeedConfig config;
    final String exchange;
    final ExchangeConnector connector;
    final Clock clock;
    final Metrics metrics = new Metrics();
    final LatestPriceCache cache;
    final SequenceTracker sequences = new SequenceTracker();
    final Set<Subscription> rejected = ConcurrentHashMap.newKeySet();
    final ScheduledThreadPoolExecutor control;
    final ExecutorService io;
    private final HttpClient httpClient;
    private final Dispatcher dispatcher;
    private final Backoff backoff;
    private final ListenerFanout listeners;
    private final Map<Instrument, Activity> activity = new ConcurrentHashMap<>();
    private final AtomicInteger parseErrorsLogged = new AtomicInteger();
    private final AtomicInteger binaryFramesLogged = new AtomicInteger();
    private WebSocketTransport transport;
    private final List<Slot> slots = new ArrayList<>();

    private volatile FeedState state = FeedState.IDLE;
    private boolean started;
    private volatile boolean closed;
    private boolean polling;
    private ScheduledFuture<?> pollTask;
    private ScheduledFuture<?> probeTask;
    private ScheduledFuture<?> staleTask;

    private static final class Activity {
        volatile long lastNanos = System.nanoTime();
        volatile boolean stale;
    }

    public FeedEngine(FeedConfig config, ExchangeProvider provider, Clock clock) {
        this.config = config;
        this.exchange = config.exchange();
        this.clock = clock;
        this.cache = new LatestPriceCache(exchange);
        this.dispatcher = new Dispatcher(exchange);
        this.listeners = new ListenerFanout(dispatcher, metrics);
        this.backoff = new Backoff(config.reconnectDelay(), config.maxReconnectDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.control = new ScheduledThreadPoolExecutor(1, daemon("pricefeed-" + exchange + "-control"));
        this.control.setRemoveOnCancelPolicy(true);
        this.io = Executors.newCachedThreadPool(daemon("pricefeed-" + exchange + "-io"));
        this.httpClient = DefaultExchangeContext.newHttpClient();
        this.connector = provider.create(new DefaultExchangeContext(config, httpClient, clock, control));
        for (Instrument instrument : config.instruments()) {
            activity.put(instrument, new Activity());
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public FeedConfig config() {
        return config;
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
        return state;
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
        Set<Instrument> stale = new LinkedHashSet<>();
        for (Instrument instrument : config.instruments()) {
            Activity a = activity.get(instrument);
            if (a != null && a.stale) {
                stale.add(instrument);
            }
        }
        return Collections.unmodifiableSet(stale);
    }

    /** Validates instruments against the exchange's list (when it can be fetched), then starts connecting. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("feed is closed");
        }
        if (started) {
            return;
        }
        validateInstruments();
        started = true;
        runOnControl(() -> {
            planSlots();
            Duration staleCheck = clamp(config.staleAfter().dividedBy(4), Duration.ofMillis(50), Duration.ofSeconds(5));
            staleTask = every(staleCheck, this::checkStaleness);
            if (!config.websocketEnabled()) {
                enterPolling("WebSocket disabled by configuration (websocket.enabled=false)");
            } else if (slots.isEmpty()) {
                LOG.warn("{}: nothing to subscribe (every subscription was refused)", exchange);
            } else {
                for (Slot slot : slots) {
                    slot.connect(false);
                }
            }
        });
    }

    private void validateInstruments() {
        boolean publicChannels = config.channels().stream().anyMatch(c -> !c.isPrivate());
        if (!publicChannels) {
            return;
        }
        try {
            Set<Instrument> listed = connector.listInstruments().orElse(Set.of());
            if (!listed.isEmpty()) {
                InstrumentCheck.requireListed(exchange, config.instruments(), listed);
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot fetch the instrument list to validate {} ({}); going on without validation",
                    exchange, config.instruments(), describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes every connection and stops every thread; idempotent. */
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            control.submit(() -> {
                cancel(pollTask);
                cancel(probeTask);
                cancel(staleTask);
                for (Slot slot : slots) {
                    slot.shutdown("feed closed");
                }
                setState(FeedState.CLOSED, "closed by the application");
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{}: close did not finish cleanly: {}", exchange, e.toString());
        }
        control.shutdownNow();
        io.shutdown();
        try {
            if (!io.awaitTermination(2, TimeUnit.SECONDS)) {
                io.shutdownNow();
            }
        } catch (InterruptedException e) {
            io.shutdownNow();
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (transport != null) {
                transport.close();
            }
        }
        connector.close();
        dispatcher.close();
    }

    // ---------------------------------------------------------------- plan

    /** Groups subscriptions by route and spreads each group over connections within the declared weight limit. */
    private void planSlots() {
        Map<String, List<Subscription>> byRoute = new java.util.LinkedHashMap<>();
        for (Channel channel : config.channels()) {
            if (channel.isPrivate()) {
                Subscription sub = new Subscription(channel, null);
                byRoute.computeIfAbsent(connector.route(sub), k -> new ArrayList<>()).add(sub);
            }
        }
        for (Instrument instrument : config.instruments()) {
            for (Channel channel : config.channels()) {
                if (!channel.isPrivate()) {
                    Subscription sub = new Subscription(channel, instrument);
                    byRoute.computeIfAbsent(connector.route(sub), k -> new ArrayList<>()).add(sub);
                }
            }
        }
        int limit = connector.limits().maxWeightPerConnection();
        int index = 0;
        for (Map.Entry<String, List<Subscription>> route : byRoute.entrySet()) {
            List<Subscription> shard = new ArrayList<>();
            int weight = 0;
            for (Subscription sub : route.getValue()) {
                int w = Math.max(1, connector.weight(sub));
                if (!shard.isEmpty() && weight + w > limit) {
                    slots.add(new Slot(this, route.getKey(), shard, ++index));
                    shard = new ArrayList<>();
                    weight = 0;
                }
                shard.add(sub);
                weight += w;
            }
            if (!shard.isEmpty()) {
                slots.add(new Slot(this, route.getKey(), shard, ++index));
            }
        }
        if (slots.size() > 1) {
            LOG.info("{}: {} subscriptions spread over {} connections", exchange,
                    slots.stream().mapToInt(s -> s.subscriptions.size()).sum(), slots.size());
        }
    }

    synchronized WebSocketTransport transport() {
        if (transport == null) {
            transport = config.websocketTransport().equals("jdk")
                    ? new JdkTransport(10_000)
                    : new TyrusTransport(10_000);
        }
        return transport;
    }

    // ---------------------------------------------------------------- state

    /** Recomputes the feed state from the slots (control thread). */
    void updateState(String reason) {
        if (closed) {
            return;
        }
        if (polling) {
            if (slots.stream().anyMatch(s -> !s.dead())
                    && slots.stream().allMatch(s -> s.dead() || s.status == FeedState.STREAMING)) {
                leavePolling();
            }
            return;
        }
        FeedState worst = null;
        for (Slot slot : slots) {
            if (!slot.dead()) {
                worst = worst == null ? slot.status : worse(worst, slot.status);
            }
        }
        if (worst != null && worst != FeedState.IDLE) {
            setState(worst, reason);
        }
    }

    private static FeedState worse(FeedState a, FeedState b) {
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(FeedState s) {
        switch (s) {
            case STREAMING: return 0;
            case SUBSCRIBING: return 1;
            case CONNECTING: return 2;
            case BACKOFF: return 3;
            default: return 4;
        }
    }

    void setState(FeedState next, String reason) {
        FeedState previous = state;
        if (previous == next || previous == FeedState.CLOSED) {
            return;
        }
        state = next;
        metrics.state(next);
        if (next == FeedState.BACKOFF || next == FeedState.POLLING) {
            LOG.warn("{}: {} -> {} ({})", exchange, previous, next, reason);
        } else {
            LOG.info("{}: {} -> {} ({})", exchange, previous, next, reason);
        }
        emit(new FeedEvent.StateChanged(exchange, clock.instant(), previous, next, reason));
    }

    int maxAttempts() {
        return config.maxReconnectAttempts();
    }

    Duration backoffDelay(int attempt) {
        return backoff.delay(attempt);
    }

    boolean isClosed() {
        return closed;
    }

    boolean isPolling() {
        return polling;
    }

    // ---------------------------------------------------------------- REST fallback

    /** Gives up on the WebSocket: closes every connection and polls REST; probes the WebSocket now and then. */
    void enterPolling(String reason) {
        if (polling || closed) {
            return;
        }
        polling = true;
        for (Slot slot : slots) {
            slot.shutdown("falling back to REST polling");
        }
        setState(FeedState.POLLING, reason);
        schedulePoll(Duration.ZERO);
        if (config.websocketEnabled() && !slots.isEmpty()) {
            probeTask = every(config.probeInterval(), this::probe);
        }
    }

    private void probe() {
        if (!polling || closed) {
            return;
        }
        for (Slot slot : slots) {
            if (!slot.busy()) {
                LOG.info("{}: probing the WebSocket for connection {}", exchange, slot.index);
                slot.connect(false);
            }
        }
    }

    private void leavePolling() {
        polling = false;
        cancel(pollTask);
        cancel(probeTask);
        for (Slot slot : slots) {
            slot.attempts = 0;
        }
        setState(FeedState.STREAMING, "WebSocket is back; REST polling stopped");
    }

    private void schedulePoll(Duration delay) {
        if (!polling || closed) {
            return;
        }
        pollTask = control.schedule(() -> io.execute(this::pollOnce), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void pollOnce() {
        if (!polling || closed) {
            return;
        }
        FallbackPoller poller = connector.poller();
        List<Instrument> instruments = config.instruments();
        Duration next = max(config.pollInterval(), poller.minInterval(instruments.size()));
        try {
            List<Tick> ticks = poller.poll(instruments);
            metrics.poll();
            for (Tick tick : ticks) {
                applyTick(tick);
            }
        } catch (RateLimitedException e) {
            next = max(next, e.retryAfter());
            error("rate-limited", "REST poll rate-limited, waiting " + e.retryAfter().toMillis() + " ms: "
                    + describe(e));
        } catch (IOException | RuntimeException e) {
            error("rest", "REST poll failed: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Duration delay = next;
        runOnControl(() -> schedulePoll(delay));
    }

    // ---------------------------------------------------------------- data path (socket threads)

    void onFrame(Instant receivedAt, String text) {
        listeners.frame(receivedAt, text);
    }

    /** A binary frame arrived: counted; one the connector's parser did not read is skipped, the first logged. */
    void binaryFrame(int bytes, boolean read) {
        metrics.binaryFrame();
        if (!read && binaryFramesLogged.getAndIncrement() == 0) {
            LOG.info("{}: skipped a binary frame of {} bytes (binary frames are counted and skipped)", exchange,
                    bytes);
        }
    }

    void parseError(String frame, RuntimeException error) {
        metrics.parseError();
        int logged = parseErrorsLogged.incrementAndGet();
        if (logged <= 10 || logged % 1000 == 0) {
            LOG.warn("{}: skipped a frame that could not be parsed ({} so far): {}: {}", exchange, logged,
                    error.toString(), abbreviate(frame));
        }
    }

    /** Merges a (partial) tick into the cache and hands the merged tick to listeners. */
    void applyTick(Tick update) {
        delivered(update, cache.apply(update));
    }

    /** Merges a statistics tick by freshness (see {@link LatestPriceCache#applyStatistics}) and hands it on. */
    void applyStatistics(Tick update) {
        delivered(update, cache.applyStatistics(update));
    }

    private void delivered(Tick update, Tick merged) {
        metrics.tick();
        touched(update.instrument());
        listeners.tick(merged);
    }

    void applyTrade(Trade trade) {
        metrics.trade();
        touched(trade.instrument());
        listeners.trade(trade);
    }

    void applyAccount(AccountEvent event) {
        listeners.account(event);
    }

    boolean checkSequence(String stream, Instrument instrument, long sequence) {
        return checkSequence(sequences, stream, instrument, sequence);
    }

    /** Checks a number against {@code tracker} (the feed's, or one connection's), reporting a gap as an event. */
    boolean checkSequence(SequenceTracker tracker, String stream, Instrument instrument, long sequence) {
        SequenceTracker.Result result = tracker.check(stream, sequence);
        if (result.verdict() == SequenceTracker.Verdict.GAP) {
            metrics.gap();
            LOG.warn("{}: sequence gap on {}: missed {}..{}", exchange, stream, result.previous() + 1, sequence - 1);
            emit(new FeedEvent.SequenceGap(exchange, clock.instant(), instrument, stream, result.previous() + 1,
                    sequence - 1));
        }
        return result.verdict() != SequenceTracker.Verdict.STALE;
    }

    void subscriptionRefused(Channel channel, Instrument instrument, String reason) {
        Subscription sub = new Subscription(channel, instrument);
        if (rejected.add(sub)) {
            LOG.warn("{}: subscription {} refused by the exchange, not retried: {}", exchange, sub, reason);
            emit(new FeedEvent.SubscriptionFailed(exchange, clock.instant(), channel, instrument, reason));
        }
    }

    private void touched(Instrument instrument) {
        Activity a = activity.get(instrument);
        if (a != null) {
            a.lastNanos = System.nanoTime();
            if (a.stale) {
                a.stale = false;
                emit(new FeedEvent.Fresh(exchange, clock.instant(), instrument));
            }
        }
    }

    private void checkStaleness() {
        if (closed || state == FeedState.IDLE) {
            return;
        }
        long now = System.nanoTime();
        long limit = config.staleAfter().toNanos();
        activity.forEach((instrument, a) -> {
            long silent = now - a.lastNanos;
            if (!a.stale && silent > limit) {
                a.stale = true;
                LOG.info("{}: no data for {} for {} ms", exchange, instrument, silent / 1_000_000);
                emit(new FeedEvent.Stale(exchange, clock.instant(), instrument, Duration.ofNanos(silent)));
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    void emit(FeedEvent event) {
        listeners.event(event);
    }

    void error(String code, String message) {
        LOG.warn("{}: {}", exchange, message);
        emit(new FeedEvent.Error(exchange, clock.instant(), code, message));
    }

    void runOnControl(Runnable task) {
        if (control.isShutdown()) {
            return;
        }
        try {
            control.execute(guarded(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: task after close ignored", exchange);
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return control.schedule(guarded(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs a task on the control thread every {@code period}; an exception is logged and the next run still happens. */
    ScheduledFuture<?> every(Duration period, Runnable task) {
        return control.scheduleWithFixedDelay(guarded(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The task, with any exception logged so one bad step never kills the control thread's later work. */
    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("{}: internal error in the feed's control thread", exchange, e);
            }
        };
    }

    static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    static Duration clamp(Duration value, Duration min, Duration max) {
        return value.compareTo(min) < 0 ? min : value.compareTo(max) > 0 ? max : value;
    }

    /** A readable one-line account of an error, even when it has no message (a refused connection). */
    static String describe(Throwable error) {
        String message = error.getMessage();
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        Throwable cause = error.getCause();
        if (cause != null && cause != error && (message == null || !message.contains(String.valueOf(cause.getMessage())))) {
            text += " (" + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()) + ")";
        }
        return text;
    }

    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }
}
