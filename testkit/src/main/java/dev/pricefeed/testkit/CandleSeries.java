package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The candles the emulators serve on their history endpoints: one per interval and open time, computed from a seed,
 * the symbol, the interval and the open time alone, so a test can ask this series for the exact values a plugin must
 * read. Open times are multiples of the interval since the epoch; the series ends with the candle that contains
 * "now" on its clock (the unfinished one). Thread-safe.
 */
public final class CandleSeries {

    /** The seed emulators use unless told otherwise. */
    public static final long DEFAULT_SEED = 20_261_207L;

    /**
     * One candle of the series, with exact decimals.
     *
     * @param openTime start of the interval
     * @param interval the interval
     * @param open first price
     * @param high highest price
     * @param low lowest price
     * @param close last price
     * @param volume traded size in the base asset (never zero)
     * @param quoteVolume traded value in the quote asset, exactly {@code vwap × volume}
     * @param vwap volume-weighted average price, between low and high
     * @param trades number of trades (at least 1)
     */
    public record Row(Instant openTime, Duration interval, BigDecimal open, BigDecimal high, BigDecimal low,
            BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, BigDecimal vwap, long trades) {

        /** End of the interval (exclusive). */
        public Instant closeTime() {
            return openTime.plus(interval);
        }
    }

    private final long seed;
    private volatile Clock clock;

    /** A series from a seed, ending at the clock's "now". */
    public CandleSeries(long seed, Clock clock) {
        this.seed = seed;
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Sets the clock whose "now" ends the series (tests use a fixed one). */
    public void clock(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The series' "now". */
    public Instant now() {
        return clock.instant();
    }

    /** The open time of the candle that contains "now": the newest, unfinished one. */
    public Instant currentOpen(Duration interval) {
        long step = interval.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now().toEpochMilli(), step) * step);
    }

    /** The candles opening in {@code [from, to]} (both inclusive), oldest first, none after the current one. */
    public List<Row> rows(String symbol, Duration interval, Instant from, Instant to) {
        long step = interval.toMillis();
        long first = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
        long last = Math.min(Math.floorDiv(to.toEpochMilli(), step) * step, currentOpen(interval).toEpochMilli());
        List<Row> rows = new ArrayList<>();
        for (long open = first; open <= last; open += step) {
            rows.add(row(symbol, interval, Instant.ofEpochMilli(open)));
        }
        return rows;
    }

    /** The candle of a symbol, interval and open time (which should be a multiple of the interval). */
    public Row row(String symbol, Duration interval, Instant openTime) {
        long h = mix(seed ^ mix(symbol.hashCode()) ^ mix(interval.getSeconds() * 31 + openTime.getEpochSecond()));
        long base = 2_000_000 + Math.floorMod(h, 4_000_000);          // cents: 20000.00 .. 59999.99
        long close = base + Math.floorMod(mix(h + 1), 2_001) - 1_000;   // within ±10.00
        long high = Math.max(base, close) + Math.floorMod(mix(h + 2), 500);
        long low = Math.min(base, close) - Math.floorMod(mix(h + 3), 500);
        long vwap = low + Math.floorMod(mix(h + 4), high - low + 1);
        BigDecimal volume = BigDecimal.valueOf(1 + Math.floorMod(mix(h + 5), 99_999_999L), 8);
        BigDecimal vwapPrice = BigDecimal.valueOf(vwap, 2);
        return new Row(openTime, interval, BigDecimal.valueOf(base, 2), BigDecimal.valueOf(high, 2),
                BigDecimal.valueOf(low, 2), BigDecimal.valueOf(close, 2), volume, vwapPrice.multiply(volume),
                vwapPrice, 1 + Math.floorMod(mix(h + 6), 500));
    }

    /** A 64-bit finalizer (SplitMix64's): every input bit changes about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
