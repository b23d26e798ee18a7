package dev.pricefeed.runtime;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceCache;
import dev.pricefeed.Tick;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest merged tick per instrument of one exchange; reads are lock-free ({@link ConcurrentHashMap#get}).
 * Real-time updates win field by field; a statistics update (a 24 h ticker, a market snapshot) fills the last price,
 * bid and ask only where they are missing or older by exchange time, so it never overwrites a newer real-time quote.
 */
public final class LatestPriceCache implements PriceCache {

    private final String exchange;
    private final ConcurrentHashMap<Instrument, Entry> entries = new ConcurrentHashMap<>();

    public LatestPriceCache(String exchange) {
        this.exchange = exchange;
    }

    /** Merges a real-time (possibly partial) tick into the newest one and returns the merged tick. */
    public Tick apply(Tick update) {
        return entries.compute(update.instrument(),
                (instrument, old) -> old == null ? Entry.first(update) : old.realTime(update)).tick();
    }

    /** Merges a tick from a slower statistics message by freshness and returns the merged tick. */
    public Tick applyStatistics(Tick update) {
        return entries.compute(update.instrument(),
                (instrument, old) -> old == null ? Entry.first(update).markStatistics(update) : old.statistics(update))
                .tick();
    }

    @Override
    public Optional<Tick> latest(String exchange, Instrument instrument) {
        return this.exchange.equals(exchange) ? latest(instrument) : Optional.empty();
    }

    @Override
    public Optional<Tick> latest(Instrument instrument) {
        Entry entry = entries.get(instrument);
        return entry == null ? Optional.empty() : Optional.of(entry.tick());
    }

    @Override
    public Collection<Tick> all() {
        return entries.values().stream().map(Entry::tick).toList();
    }

    /**
     * A merged tick with the exchange time at which each quote group (last, bid, ask) was set, or {@code null} where
     * the update that set it carried no exchange time (then only real-time updates replace it), and which groups a
     * statistics update set ({@code LAST}, {@code BID}, {@code ASK} bits).
     */
    private record Entry(Tick tick, Instant lastAt, Instant bidAt, Instant askAt, int fromStatistics) {

        private static final int LAST = 1;
        private static final int BID = 2;
        private static final int ASK = 4;

        static Entry first(Tick update) {
            Instant at = update.exchangeTime();
            return new Entry(update, update.last() != null ? at : null, update.bid() != null ? at : null,
                    update.ask() != null ? at : null, 0);
        }

        /** The same entry with the quote groups {@code update} carries marked as set by statistics. */
        Entry markStatistics(Tick update) {
            int set = (update.last() != null ? LAST : 0) | (update.bid() != null ? BID : 0)
                    | (update.ask() != null ? ASK : 0);
            return new Entry(tick, lastAt, bidAt, askAt, fromStatistics | set);
        }

        Entry realTime(Tick update) {
            Instant at = update.exchangeTime();
            int realTimeFields = (update.last() != null ? LAST : 0) | (update.bid() != null ? BID : 0)
                    | (update.ask() != null ? ASK : 0);
            return new Entry(tick.merge(update), update.last() != null ? at : lastAt,
                    update.bid() != null ? at : bidAt, update.ask() != null ? at : askAt,
                    fromStatistics & ~realTimeFields);
        }

        Entry statistics(Tick update) {
            Instant at = update.exchangeTime();
            boolean last = fills(tick.last(), lastAt, (fromStatistics & LAST) != 0, update.last(), at);
            boolean bid = fills(tick.bid(), bidAt, (fromStatistics & BID) != 0, update.bid(), at);
            boolean ask = fills(tick.ask(), askAt, (fromStatistics & ASK) != 0, update.ask(), at);
            Tick merged = new Tick(tick.exchange(), tick.instrument(),
                    last ? update.last() : tick.last(), last ? update.lastSize() : tick.lastSize(),
                    bid ? update.bid() : tick.bid(), bid ? update.bidSize() : tick.bidSize(),
                    ask ? update.ask() : tick.ask(), ask ? update.askSize() : tick.askSize(),
                    pick(update.open(), tick.open()), pick(update.high(), tick.high()),
                    pick(update.low(), tick.low()), pick(update.volume(), tick.volume()),
                    pick(update.quoteVolume(), tick.quoteVolume()), pick(update.vwap(), tick.vwap()),
                    newest(tick.exchangeTime(), at), update.receivedAt(), tick.sequence());
            int set = (last ? LAST : 0) | (bid ? BID : 0) | (ask ? ASK : 0);
            return new Entry(merged, last ? at : lastAt, bid ? at : bidAt, ask ? at : askAt, fromStatistics | set);
        }

        /**
         * Whether a statistics value replaces the cached one: nothing cached, or cached at a known time that is older
         * (a real-time value) or not newer (a value of an earlier statistics message: two in one millisecond arrive in
         * order, and the later one is the newer).
         */
        private static boolean fills(Object cached, Instant cachedAt, boolean cachedFromStatistics, Object offered,
                Instant offeredAt) {
            if (offered == null) {
                return false;
            }
            if (cached == null) {
                return true;
            }
            if (cachedAt == null || offeredAt == null) {
                return false;
            }
            return cachedFromStatistics ? !offeredAt.isBefore(cachedAt) : offeredAt.isAfter(cachedAt);
        }

        private static <T> T pick(T newer, T older) {
            return newer != null ? newer : older;
        }

        private static Instant newest(Instant a, Instant b) {
            if (a == null) {
                return b;
            }
            return b == null || a.isAfter(b) ? a : b;
        }
    }
}
