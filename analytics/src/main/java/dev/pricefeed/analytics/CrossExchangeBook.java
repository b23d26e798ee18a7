package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest best bid and offer of every (exchange, instrument) from the feeds' ticks, and the best of them per market
 * across exchanges. A quote is left out when it is older than the staleness bound (by its receive time) or crossed
 * (its bid at or above its own offer, which no real book shows). Thread-safe.
 */
public final class CrossExchangeBook {

    private final QuoteCurrencies currencies;
    private final Duration staleAfter;
    private final Map<Key, Tick> latest = new ConcurrentHashMap<>();

    private record Key(String exchange, Instrument instrument) {
    }

    /**
     * Creates an empty book.
     *
     * @param currencies which quote currencies count as one
     * @param staleAfter quotes received longer ago than this are left out
     */
    public CrossExchangeBook(QuoteCurrencies currencies, Duration staleAfter) {
        this.currencies = Objects.requireNonNull(currencies, "currencies is null");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter is null");
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter must be positive, got " + staleAfter);
        }
    }

    /** Takes the newest merged tick of an instrument on an exchange (a feed's {@code onTick}). */
    public void update(Tick tick) {
        latest.merge(new Key(tick.exchange(), tick.instrument()), tick,
                (old, neu) -> neu.receivedAt().isBefore(old.receivedAt()) ? old : neu);
    }

    /** The market a tick's instrument belongs to. */
    public Instrument market(Instrument instrument) {
        return currencies.market(instrument);
    }

    /** Every market seen so far, in order. */
    public Set<Instrument> markets() {
        Set<Instrument> markets = new TreeSet<>();
        latest.keySet().forEach(key -> markets.add(currencies.market(key.instrument())));
        return markets;
    }

    /** The best bid and best offer of a market across exchanges, from fresh, uncrossed quotes only. */
    public BestBidOffer best(Instrument market, Instant now) {
        List<Tick> usable = usable(market, now);
        Optional<Quote> bid = usable.stream().filter(t -> t.bid() != null)
                .max(Comparator.comparing(Tick::bid))
                .map(t -> new Quote(t.exchange(), t.instrument(), t.bid(), t.bidSize()));
        Optional<Quote> ask = usable.stream().filter(t -> t.ask() != null)
                .min(Comparator.comparing(Tick::ask))
                .map(t -> new Quote(t.exchange(), t.instrument(), t.ask(), t.askSize()));
        return new BestBidOffer(market, bid, ask);
    }

    /** The fresh, uncrossed ticks of a market, by exchange and instrument. */
    List<Tick> usable(Instrument market, Instant now) {
        List<Tick> usable = new ArrayList<>();
        for (Map.Entry<Key, Tick> entry : latest.entrySet()) {
            Tick tick = entry.getValue();
            if (currencies.market(tick.instrument()).equals(market) && usable(tick, now)) {
                usable.add(tick);
            }
        }
        usable.sort(Comparator.comparing(Tick::exchange).thenComparing(Tick::instrument));
        return usable;
    }

    /** Whether a quote may be used: received within the staleness bound and not crossed. */
    boolean usable(Tick tick, Instant now) {
        if (Duration.between(tick.receivedAt(), now).compareTo(staleAfter) > 0) {
            return false;
        }
        return tick.bid() == null || tick.ask() == null || tick.bid().compareTo(tick.ask()) < 0;
    }
}
