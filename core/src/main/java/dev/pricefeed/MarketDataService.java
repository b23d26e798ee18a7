package dev.pricefeed;

import dev.pricefeed.config.ConfigException;
import dev.pricefeed.runtime.Dispatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Several feeds, one per exchange, behind one stream of ticks, trades and events and one cache. Every listener of the
 * service, and of its feeds, runs on the service's one listener thread: a listener is never called from two threads
 * at once, and sees each feed's updates in order.
 *
 * <pre>{@code
 * try (MarketDataService service = MarketDataService.builder()
 *         .feed(PriceFeed.builder().exchange("kraken").instruments("BTC/USD"))
 *         .feed(PriceFeed.builder().exchange("binance").instruments("BTC/USDT"))
 *         .build()) {
 *     Registration ticks = service.onTick(tick -> System.out.println(tick.exchange() + " " + tick.instrument()
 *             + " " + tick.last()));
 *     service.start();
 * }
 * }</pre>
 */
public final class MarketDataService implements AutoCloseable {

    private final Map<String, PriceFeed> feeds;
    private final PriceCache cache;
    private final Dispatcher listeners;

    private MarketDataService(Map<String, PriceFeed> feeds, Dispatcher listeners) {
        this.feeds = Collections.unmodifiableMap(feeds);
        this.listeners = listeners;
        this.cache = new CombinedCache(List.copyOf(feeds.values()));
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Calls the listener with every merged tick of every feed (conflating per feed). */
    public Registration onTick(Consumer<Tick> listener) {
        return onTick(listener, Delivery.conflate());
    }

    /** Calls the listener with every merged tick of every feed, with the given delivery. */
    public Registration onTick(Consumer<Tick> listener, Delivery delivery) {
        return every(feed -> feed.onTick(listener, delivery));
    }

    /** Calls the listener with the merged ticks of one instrument from every feed that carries it (conflating). */
    public Registration onTick(String instrument, Consumer<Tick> listener) {
        return onTick(Instrument.of(instrument), listener);
    }

    /** Calls the listener with the merged ticks of one instrument from every feed that carries it (conflating). */
    public Registration onTick(Instrument instrument, Consumer<Tick> listener) {
        List<PriceFeed> carrying = feeds.values().stream()
                .filter(feed -> feed.config().instruments().contains(instrument)).toList();
        if (carrying.isEmpty()) {
            throw new IllegalArgumentException("no feed of this service carries " + instrument + " (feeds: "
                    + feeds.keySet() + ")");
        }
        return Registrations.all(carrying.stream().map(feed -> feed.onTick(instrument, listener)).toList());
    }

    /** Calls the listener with every trade of every feed. */
    public Registration onTrade(Consumer<Trade> listener) {
        return onTrade(listener, Delivery.queue());
    }

    /** Calls the listener with every trade of every feed, with the given delivery. */
    public Registration onTrade(Consumer<Trade> listener, Delivery delivery) {
        return every(feed -> feed.onTrade(listener, delivery));
    }

    /** Calls the listener with every event of every feed. */
    public Registration onEvent(Consumer<FeedEvent> listener) {
        return every(feed -> feed.onEvent(listener));
    }

    private Registration every(Function<PriceFeed, Registration> register) {
        return Registrations.all(feeds.values().stream().map(register).toList());
    }

    /** Starts every feed. */
    public MarketDataService start() {
        feeds.values().forEach(PriceFeed::start);
        return this;
    }

    /** The feed of an exchange, if this service runs one. */
    public Optional<PriceFeed> feed(String exchange) {
        return Optional.ofNullable(feeds.get(exchange));
    }

    /** Every feed by exchange id, in the order added. */
    public Map<String, PriceFeed> feeds() {
        return feeds;
    }

    /** One cache over every feed. */
    public PriceCache cache() {
        return cache;
    }

    /** Closes every feed, then the listener thread (after what was queued is delivered); idempotent. */
    @Override
    public void close() {
        feeds.values().forEach(PriceFeed::close);
        listeners.close();
    }

    /** Builds a {@link MarketDataService}. */
    public static final class Builder {
        private final List<PriceFeed.Builder> builders = new ArrayList<>();
        private SSLContext sslContext;

        private Builder() {
        }

        /**
         * The TLS context of every feed that was not given its own with {@link PriceFeed.Builder#sslContext}: its
         * wss:// connections and REST requests trust what this context trusts (default: the JVM's).
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "sslContext is null");
            return this;
        }

        /** Adds a feed; one per exchange. */
        public Builder feed(PriceFeed.Builder feed) {
            builders.add(feed);
            return this;
        }

        /**
         * Builds every feed; when some cannot be built, none is kept (nothing is left running) and one exception lists
         * every problem: the feed's own exception when only one feed failed ({@link ConfigException},
         * {@link UnknownExchangeException}, {@link PluginConflictException}), a {@link ConfigException} otherwise.
         */
        public MarketDataService build() {
            if (builders.isEmpty()) {
                throw new ConfigException(List.of("no feeds: add at least one with feed(...)"));
            }
            Dispatcher listeners = new Dispatcher("service");
            Map<String, PriceFeed> feeds = new LinkedHashMap<>();
            List<RuntimeException> failures = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            int duplicates = 0;
            for (PriceFeed.Builder builder : builders) {
                try {
                    PriceFeed feed = builder.build(listeners, sslContext);
                    if (feeds.putIfAbsent(feed.exchange(), feed) != null) {
                        feed.close();
                        duplicates++;
                        problems.add("two feeds for " + feed.exchange() + ": use one feed per exchange");
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                    problems.addAll(e instanceof ConfigException config ? config.problems() : List.of(e.getMessage()));
                }
            }
            if (!problems.isEmpty()) {
                feeds.values().forEach(PriceFeed::close);
                listeners.close();
                if (failures.size() == 1 && duplicates == 0) {
                    throw failures.get(0);
                }
                throw new ConfigException(problems);
            }
            return new MarketDataService(feeds, listeners);
        }
    }

    private static final class CombinedCache implements PriceCache {
        private final List<PriceFeed> feeds;

        CombinedCache(List<PriceFeed> feeds) {
            this.feeds = feeds;
        }

        @Override
        public Optional<Tick> latest(String exchange, Instrument instrument) {
            for (PriceFeed feed : feeds) {
                if (feed.exchange().equals(exchange)) {
                    return feed.cache().latest(instrument);
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<Tick> latest(Instrument instrument) {
            Tick found = null;
            for (PriceFeed feed : feeds) {
                Optional<Tick> tick = feed.cache().latest(instrument);
                if (tick.isPresent()) {
                    if (found != null) {
                        return Optional.empty();
                    }
                    found = tick.get();
                }
            }
            return Optional.ofNullable(found);
        }

        @Override
        public Collection<Tick> all() {
            List<Tick> all = new ArrayList<>();
            feeds.forEach(feed -> all.addAll(feed.cache().all()));
            return all;
        }
    }
}
