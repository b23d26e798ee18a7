package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Candle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Gathers the candles of several pages into the answer a {@link dev.pricefeed.spi.CandleHistory} gives: only open
 * times in {@code [from, to)}, one candle per open time, oldest first. Pages may overlap or come newest first; where
 * two pages hold the same open time, the later page wins (it was read later, so it is at least as final).
 */
public final class CandleCollector {

    private final Instant from;
    private final Instant to;
    private final TreeMap<Instant, Candle> byOpenTime = new TreeMap<>();

    /** A collector for candles opening in {@code [from, to)}. */
    public CandleCollector(Instant from, Instant to) {
        this.from = requireNonNull(from, "from is null");
        this.to = requireNonNull(to, "to is null");
    }

    /** Keeps the candle if it opens in the range; returns whether it did. */
    public boolean add(Candle candle) {
        Instant open = candle.openTime();
        if (open.isBefore(from) || !open.isBefore(to)) {
            return false;
        }
        byOpenTime.put(open, candle);
        return true;
    }

    /** How many candles are kept. */
    public int size() {
        return byOpenTime.size();
    }

    /** The newest open time kept, or {@code null} when none. */
    public Instant newest() {
        return byOpenTime.isEmpty() ? null : byOpenTime.lastKey();
    }

    /** The candles kept, oldest first. */
    public List<Candle> candles() {
        return List.copyOf(new ArrayList<>(byOpenTime.values()));
    }
}
