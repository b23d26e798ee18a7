package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the best prices across exchanges for arbitrage: buying at one exchange's offer and selling at another's bid
 * of the same market for more than both taker fees. Reports when such an opportunity opens, changes and closes. Quotes
 * that are stale or crossed never make one (see {@link CrossExchangeBook}); a clock task closes opportunities whose
 * quotes went stale without a new tick.
 *
 * <pre>{@code
 * try (MarketDataService service = MarketDataService.builder()
 *         .feed(PriceFeed.builder().exchange("kraken").instruments("BTC/USD"))
 *         .feed(PriceFeed.builder().exchange("coinbase").instruments("BTC/USD"))
 *         .build();
 *         ArbitrageMonitor arbitrage = ArbitrageMonitor.builder()
 *                 .onEvent(event -> System.out.println(event.state() + " " + event.opportunity()))
 *                 .build()) {
 *     service.onTick(arbitrage::accept);
 *     service.start();
 *     arbitrage.start();
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe; the listener is called under this object's lock. A listener that throws is logged and counted.
 */
public final class ArbitrageMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArbitrageMonitor.class);
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    /** How often the clock looks for quotes that went stale. */
    static final Duration CLOCK_PERIOD = Duration.ofMillis(250);

    private final CrossExchangeBook book;
    private final FeeSchedule fees;
    private final Clock clock;
    private final Scheduling scheduling;
    private final GuardedListener<ArbitrageEvent> listener;
    private final Map<Pair, Opportunity> open = new LinkedHashMap<>();
    private final Set<String> withoutFee = new HashSet<>();
    private AutoCloseable timer;
    private boolean closed;

    /** Buying one (exchange, instrument) and selling another. */
    private record Pair(Instrument market, String buyExchange, Instrument buyInstrument, String sellExchange,
            Instrument sellInstrument) {
    }

    private ArbitrageMonitor(Builder builder) {
        this.book = new CrossExchangeBook(builder.currencies, builder.staleAfter);
        this.fees = builder.fees;
        this.clock = builder.clock;
        this.scheduling = builder.scheduling;
        this.listener = new GuardedListener<>(builder.listener, "arbitrage");
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Takes a feed's tick and re-evaluates its market. */
    public synchronized void accept(Tick tick) {
        if (closed) {
            return;
        }
        book.update(tick);
        evaluate(book.market(tick.instrument()), clock.instant());
    }

    /** Starts the clock task that closes opportunities whose quotes went stale. */
    public synchronized void start() {
        if (timer == null && !closed) {
            timer = scheduling.every(CLOCK_PERIOD, this::check);
        }
    }

    /** Re-evaluates every market at the clock's time; the clock task calls it, tests may too. */
    public synchronized void check() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        for (Instrument market : book.markets()) {
            evaluate(market, now);
        }
    }

    /** The best bid and offer of a market across exchanges right now. */
    public BestBidOffer best(Instrument market) {
        return book.best(market, clock.instant());
    }

    /** The opportunities open right now. */
    public synchronized List<Opportunity> open() {
        return List.copyOf(open.values());
    }

    /** Exceptions thrown by the listener. */
    public long listenerErrors() {
        return listener.errors();
    }

    /** Stops the clock task. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        GuardedListener.stop(timer, "arbitrage");
    }

    private void evaluate(Instrument market, Instant now) {
        List<Tick> quotes = new ArrayList<>();
        for (Tick tick : book.usable(market, now)) {
            if (fees.taker(tick.exchange()).isPresent()) {
                quotes.add(tick);
            } else if (withoutFee.add(tick.exchange())) {
                LOG.warn("no taker fee known for {}: its quotes are left out of arbitrage (set one)", tick.exchange());
            }
        }
        Map<Pair, Opportunity> found = new LinkedHashMap<>();
        for (Tick buy : quotes) {
            for (Tick sell : quotes) {
                if (buy == sell || buy.ask() == null || sell.bid() == null) {
                    continue;
                }
                Opportunity opportunity = opportunity(market, buy, sell, now);
                if (opportunity != null) {
                    found.put(new Pair(market, buy.exchange(), buy.instrument(), sell.exchange(), sell.instrument()),
                            opportunity);
                }
            }
        }
        List<ArbitrageEvent> events = new ArrayList<>();
        for (var it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Pair, Opportunity> entry = it.next();
            if (entry.getKey().market().equals(market) && !found.containsKey(entry.getKey())) {
                it.remove();
                events.add(new ArbitrageEvent(ArbitrageEvent.State.CLOSED, entry.getValue().at(now)));
            }
        }
        found.forEach((pair, opportunity) -> {
            Opportunity before = open.put(pair, opportunity);
            if (before == null) {
                events.add(new ArbitrageEvent(ArbitrageEvent.State.OPEN, opportunity));
            } else if (opportunity.differsFrom(before)) {
                events.add(new ArbitrageEvent(ArbitrageEvent.State.UPDATE, opportunity));
            } else {
                // unchanged: keep the time it was last reported
                open.put(pair, before);
            }
        });
        events.forEach(listener::accept);
    }

    /** The opportunity of buying at {@code buy}'s offer and selling at {@code sell}'s bid, or null when none. */
    private Opportunity opportunity(Instrument market, Tick buy, Tick sell, Instant now) {
        BigDecimal buyFee = fees.taker(buy.exchange()).orElseThrow();
        BigDecimal sellFee = fees.taker(sell.exchange()).orElseThrow();
        BigDecimal cost = buy.ask().multiply(BigDecimal.ONE.add(buyFee));
        BigDecimal proceeds = sell.bid().multiply(BigDecimal.ONE.subtract(sellFee));
        BigDecimal net = proceeds.subtract(cost);
        if (net.signum() <= 0) {
            return null;
        }
        BigDecimal bps = net.multiply(TEN_THOUSAND).divide(cost, 2, RoundingMode.HALF_EVEN);
        BigDecimal size = buy.askSize() == null ? sell.bidSize()
                : sell.bidSize() == null ? buy.askSize() : buy.askSize().min(sell.bidSize());
        return new Opportunity(market, new Quote(buy.exchange(), buy.instrument(), buy.ask(), buy.askSize()),
                new Quote(sell.exchange(), sell.instrument(), sell.bid(), sell.bidSize()), size, net, bps, now);
    }

    /** Builds an {@link ArbitrageMonitor}. */
    public static final class Builder {
        private QuoteCurrencies currencies = QuoteCurrencies.distinct();
        private Duration staleAfter = Duration.ofSeconds(10);
        private FeeSchedule fees = FeeSchedule.defaults();
        private Clock clock = Clock.systemUTC();
        private Scheduling scheduling;
        private Consumer<ArbitrageEvent> listener = event -> { };

        private Builder() {
        }

        /** Which quote currencies count as one (default: none, USD, USDT and USDC differ). */
        public Builder currencies(QuoteCurrencies currencies) {
            this.currencies = Objects.requireNonNull(currencies, "currencies is null");
            return this;
        }

        /** Quotes received longer ago than this are left out (default 10 s). */
        public Builder staleAfter(Duration staleAfter) {
            this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter is null");
            return this;
        }

        /** Taker fees per exchange (default: {@link FeeSchedule#defaults()}). */
        public Builder fees(FeeSchedule fees) {
            this.fees = Objects.requireNonNull(fees, "fees is null");
            return this;
        }

        /** The clock for staleness and event times (default: UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock is null");
            return this;
        }

        /** Runs the staleness check (default: one daemon thread, stopped by {@link #close()}). */
        public Builder scheduling(Scheduling scheduling) {
            this.scheduling = Objects.requireNonNull(scheduling, "scheduling is null");
            return this;
        }

        /** Receives every opportunity opening, changing and closing. */
        public Builder onEvent(Consumer<ArbitrageEvent> listener) {
            this.listener = Objects.requireNonNull(listener, "listener is null");
            return this;
        }

        /** Builds the monitor; the clock task runs from {@link ArbitrageMonitor#start()}. */
        public ArbitrageMonitor build() {
            if (scheduling == null) {
                scheduling = Scheduling.daemonThread("pricefeed-arbitrage");
            }
            return new ArbitrageMonitor(this);
        }
    }
}
