package dev.pricefeed.analytics;

import dev.pricefeed.Candle;
import dev.pricefeed.Instrument;
import dev.pricefeed.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the candles of one instrument on one exchange at one interval from its trades, optionally continuing an
 * exchange's candle history. Not thread-safe: {@link LiveCandles} serializes the calls.
 *
 * <p>Rules:
 * <ul>
 *   <li>A trade belongs to the interval of its exchange time (its receive time when the exchange sends none); the
 *       boundaries are whole multiples of the interval since the epoch, in UTC ({@link Intervals#openTime}).</li>
 *   <li>A candle closes when a trade of a later interval arrives ({@link #trade}) or when the clock reaches its close
 *       time plus the grace ({@link #advance}); an interval without trades becomes a flat candle at the previous
 *       close (volume 0, 0 trades, no VWAP).</li>
 *   <li>A trade for an interval already closed is not merged: it is counted as late ({@link #lateTrades()}).</li>
 *   <li>History ({@link #history}): its closed rows are final, gaps between them are filled with flat candles, and
 *       trades for their intervals are counted as covered ({@link #coveredTrades()}), never added again. Its
 *       unfinished last row is continued by the live candle of that interval: the row's values are the start, and
 *       only trades at or after {@code asOf} (when the history was fetched) are added, because the exchange counted
 *       the earlier ones in the row.</li>
 * </ul>
 * OHLC, volume and the trade count are exact; the VWAP is the exact traded notional divided by the volume, rounded to
 * 34 significant digits ({@link MathContext#DECIMAL128}) when the quotient does not terminate.
 */
public final class CandleAggregator {

    private final String exchange;
    private final Instrument instrument;
    private final Duration interval;
    private final Duration grace;

    /** Every interval that opens before this instant is final. */
    private Instant finalizedBefore;
    /** Trades before this instant were counted by the history's closed rows. */
    private Instant historyEnd;
    /** The unfinished history row's interval and the time its values were read. */
    private Instant resumedOpen;
    private Instant resumedAsOf;

    private Instant currentOpen;
    private BigDecimal previousClose;
    private BigDecimal open;
    private BigDecimal high;
    private BigDecimal low;
    private BigDecimal close;
    private BigDecimal volume = BigDecimal.ZERO;
    private BigDecimal notional = BigDecimal.ZERO;
    private boolean notionalKnown = true;
    private long trades;
    private boolean tradesKnown = true;
    private Instant firstTradeTime;
    private Instant lastTradeTime;
    private boolean started;

    private long lateTrades;
    private long coveredTrades;

    /**
     * Creates an aggregator.
     *
     * @param exchange exchange id
     * @param instrument the instrument
     * @param interval the candle length ({@link Intervals#require})
     * @param grace how long after its close time a candle waits for trades before the clock closes it
     */
    public CandleAggregator(String exchange, Instrument instrument, Duration interval, Duration grace) {
        this.exchange = Objects.requireNonNull(exchange, "exchange is null");
        this.instrument = Objects.requireNonNull(instrument, "instrument is null");
        this.interval = Intervals.require(interval);
        this.grace = Objects.requireNonNull(grace, "grace is null");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
    }

    /**
     * Starts from the exchange's candle history; call before the first trade.
     *
     * @param rows the history, any order; a row with the same open time as another replaces it
     * @param asOf when the history was fetched: rows that end after it, and the newest row when the exchange says it
     *     is unfinished, are continued live
     * @return the final history candles, oldest first, with flat candles for intervals the history left out
     * @throws IllegalStateException when trades or history were already applied
     * @throws IllegalArgumentException when a row is of another instrument or interval
     */
    public List<Candle> history(List<Candle> rows, Instant asOf) {
        if (started) {
            throw new IllegalStateException("history must be applied before any trade or other history");
        }
        started = true;
        TreeMap<Instant, Candle> byOpen = new TreeMap<>();
        for (Candle row : rows) {
            if (!row.interval().equals(interval) || !row.instrument().equals(instrument)) {
                throw new IllegalArgumentException("history row " + row.instrument() + " "
                        + Intervals.format(row.interval()) + " at " + row.openTime() + " is not " + instrument + " "
                        + Intervals.format(interval));
            }
            byOpen.put(row.openTime(), row);
        }
        List<Candle> out = new ArrayList<>();
        Candle unfinished = null;
        for (Candle row : byOpen.values()) {
            boolean last = row == byOpen.lastEntry().getValue();
            if (last && (!row.closed() || row.closeTime().isAfter(asOf))) {
                unfinished = row;
                break;
            }
            if (previousClose != null) {
                fillFlat(currentOpen, row.openTime(), out);
            }
            Candle closed = row.closed() ? row : copy(row, true);
            out.add(closed);
            previousClose = closed.close();
            currentOpen = closed.closeTime();
        }
        if (currentOpen != null) {
            historyEnd = currentOpen;
            finalizedBefore = currentOpen;
        }
        if (unfinished != null) {
            if (previousClose != null) {
                fillFlat(currentOpen, unfinished.openTime(), out);
            }
            // the flat candles before the unfinished row are history too
            historyEnd = unfinished.openTime();
            resume(unfinished, asOf);
        }
        return out;
    }

    /**
     * Adds a trade of this instrument.
     *
     * @return the candles this trade closed (the previous interval and flat ones after it), oldest first
     */
    public List<Candle> trade(Trade trade) {
        if (!trade.instrument().equals(instrument) || !trade.exchange().equals(exchange)) {
            throw new IllegalArgumentException("trade of " + trade.exchange() + " " + trade.instrument()
                    + " given to the candles of " + exchange + " " + instrument);
        }
        started = true;
        Instant time = time(trade);
        if (historyEnd != null && time.isBefore(historyEnd)) {
            coveredTrades++;
            return List.of();
        }
        Instant tradeOpen = Intervals.openTime(time, interval);
        if (resumedOpen != null && tradeOpen.equals(resumedOpen) && time.isBefore(resumedAsOf)) {
            coveredTrades++;
            return List.of();
        }
        if (finalizedBefore != null && time.isBefore(finalizedBefore)) {
            lateTrades++;
            return List.of();
        }
        List<Candle> closed = new ArrayList<>();
        if (currentOpen == null) {
            currentOpen = tradeOpen;
            finalizedBefore = tradeOpen;
        } else if (tradeOpen.isAfter(currentOpen)) {
            closeThrough(tradeOpen, closed);
        }
        add(trade.price(), trade.size(), time);
        return closed;
    }

    /**
     * Closes every candle whose close time plus the grace is not after {@code now}, with flat candles for intervals
     * without trades.
     *
     * @return the candles closed, oldest first
     */
    public List<Candle> advance(Instant now) {
        List<Candle> closed = new ArrayList<>();
        while (currentOpen != null && previousOrCurrentPrice() != null
                && !now.isBefore(currentOpen.plus(interval).plus(grace))) {
            closeThrough(currentOpen.plus(interval), closed);
        }
        return closed;
    }

    /** The unfinished candle of the current interval ({@code closed == false}), once a price is known. */
    public Optional<Candle> current() {
        if (currentOpen == null) {
            return Optional.empty();
        }
        if (open != null) {
            return Optional.of(build(false));
        }
        if (previousClose != null) {
            return Optional.of(flat(currentOpen, false));
        }
        return Optional.empty();
    }

    /** Trades that arrived for an interval already closed, and were left out. */
    public long lateTrades() {
        return lateTrades;
    }

    /** Trades left out because the history had already counted them. */
    public long coveredTrades() {
        return coveredTrades;
    }

    /** The candle length. */
    public Duration interval() {
        return interval;
    }

    private void resume(Candle row, Instant asOf) {
        currentOpen = row.openTime();
        finalizedBefore = row.openTime();
        resumedOpen = row.openTime();
        resumedAsOf = asOf;
        open = row.open();
        high = row.high();
        low = row.low();
        close = row.close();
        volume = row.volume();
        notionalKnown = row.vwap() != null || row.volume().signum() == 0;
        notional = row.vwap() != null ? row.vwap().multiply(row.volume()) : BigDecimal.ZERO;
        tradesKnown = row.trades() >= 0;
        trades = Math.max(0, row.trades());
        // the row's trades all happened before the history was read
        firstTradeTime = row.openTime();
        lastTradeTime = asOf;
    }

    private void add(BigDecimal price, BigDecimal size, Instant time) {
        if (open == null) {
            open = price;
            high = price;
            low = price;
            close = price;
            firstTradeTime = time;
            lastTradeTime = time;
        } else {
            high = high.max(price);
            low = low.min(price);
            if (time.isBefore(firstTradeTime)) {
                // arrived out of order: the earliest trade opens the candle
                open = price;
                firstTradeTime = time;
            }
            if (!time.isBefore(lastTradeTime)) {
                close = price;
                lastTradeTime = time;
            }
        }
        volume = volume.add(size);
        notional = notional.add(price.multiply(size));
        trades++;
    }

    /** Closes the current interval and the empty ones after it, up to the interval opening at {@code nextOpen}. */
    private void closeThrough(Instant nextOpen, List<Candle> out) {
        if (open != null) {
            Candle candle = build(true);
            out.add(candle);
            previousClose = candle.close();
        } else if (previousClose != null) {
            out.add(flat(currentOpen, true));
        }
        fillFlat(currentOpen.plus(interval), nextOpen, out);
        currentOpen = nextOpen;
        finalizedBefore = nextOpen;
        open = null;
        high = null;
        low = null;
        close = null;
        volume = BigDecimal.ZERO;
        notional = BigDecimal.ZERO;
        notionalKnown = true;
        trades = 0;
        tradesKnown = true;
        firstTradeTime = null;
        lastTradeTime = null;
    }

    private void fillFlat(Instant from, Instant until, List<Candle> out) {
        if (previousClose == null) {
            return;
        }
        for (Instant at = from; at.isBefore(until); at = at.plus(interval)) {
            out.add(flat(at, true));
        }
    }

    private BigDecimal previousOrCurrentPrice() {
        return open != null ? open : previousClose;
    }

    private Candle build(boolean closed) {
        BigDecimal vwap = notionalKnown && volume.signum() > 0 ? notional.divide(volume, MathContext.DECIMAL128) : null;
        return new Candle(exchange, instrument, interval, currentOpen, open, high, low, close, volume,
                tradesKnown ? trades : -1, vwap, closed);
    }

    private Candle flat(Instant openTime, boolean closed) {
        return new Candle(exchange, instrument, interval, openTime, previousClose, previousClose, previousClose,
                previousClose, BigDecimal.ZERO, 0, null, closed);
    }

    private static Candle copy(Candle row, boolean closed) {
        return new Candle(row.exchange(), row.instrument(), row.interval(), row.openTime(), row.open(), row.high(),
                row.low(), row.close(), row.volume(), row.trades(), row.vwap(), closed);
    }

    /** The trade's time for bucketing: the exchange's, or the receive time when the exchange sends none. */
    static Instant time(Trade trade) {
        return trade.exchangeTime() != null ? trade.exchangeTime() : trade.receivedAt();
    }
}
