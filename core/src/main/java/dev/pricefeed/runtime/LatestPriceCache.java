package dev.pricefeed.runtime;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceCache;
import dev.pricefeed.Tick;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The newest merged tick per instrument of one exchange; reads are lock-free ({@link ConcurrentHashMap#get}). */
public final class LatestPriceCache implements PriceCache {

    private final String exchange;
    private final ConcurrentHashMap<Instrument, Tick> ticks = new ConcurrentHashMap<>();

    public LatestPriceCache(String exchange) {
        this.exchange = exchange;
    }

    /** Merges a (possibly partial) tick into the newest one and returns the merged tick. */
    public Tick apply(Tick update) {
        return ticks.merge(update.instrument(), update, Tick::merge);
    }

    @Override
    public Optional<Tick> latest(String exchange, Instrument instrument) {
        return this.exchange.equals(exchange) ? latest(instrument) : Optional.empty();
    }

    @Override
    public Optional<Tick> latest(Instrument instrument) {
        return Optional.ofNullable(ticks.get(instrument));
    }

    @Override
    public Collection<Tick> all() {
        return List.copyOf(ticks.values());
    }
}
