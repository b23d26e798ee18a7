package dev.pricefeed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The current price picture of one instrument on one exchange. Every field but exchange, instrument and receivedAt may
 * be {@code null} when the exchange does not send it; a parser may report a partial tick that the cache merges into
 * the previous one field by field. Prices and sizes are exact decimals from the wire text.
 *
 * @param exchange exchange id, such as {@code kraken}
 * @param instrument the instrument
 * @param last last trade price
 * @param lastSize last trade size
 * @param bid best bid price
 * @param bidSize best bid size
 * @param ask best ask price
 * @param askSize best ask size
 * @param open 24 h open price
 * @param high 24 h high
 * @param low 24 h low
 * @param volume 24 h volume in the base asset
 * @param quoteVolume 24 h volume in the quote asset
 * @param vwap 24 h volume-weighted average price
 * @param exchangeTime time the exchange gave the update, if it sent one
 * @param receivedAt time this process received the frame
 * @param sequence the exchange's sequence number, if it sent one
 */
public record Tick(
        String exchange,
        Instrument instrument,
        BigDecimal last,
        BigDecimal lastSize,
        BigDecimal bid,
        BigDecimal bidSize,
        BigDecimal ask,
        BigDecimal askSize,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal volume,
        BigDecimal quoteVolume,
        BigDecimal vwap,
        Instant exchangeTime,
        Instant receivedAt,
        Long sequence) {

    public Tick {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(instrument, "instrument is null");
        Objects.requireNonNull(receivedAt, "receivedAt is null");
    }

    /** Starts a tick for an instrument; {@code receivedAt} must be set before {@link Builder#build()}. */
    public static Builder builder(String exchange, Instrument instrument) {
        return new Builder(exchange, instrument);
    }

    /** Returns this tick with every field the update carries taken from the update. */
    public Tick merge(Tick update) {
        return new Tick(exchange, instrument,
                pick(update.last, last), pick(update.lastSize, lastSize),
                pick(update.bid, bid), pick(update.bidSize, bidSize),
                pick(update.ask, ask), pick(update.askSize, askSize),
                pick(update.open, open), pick(update.high, high), pick(update.low, low),
                pick(update.volume, volume), pick(update.quoteVolume, quoteVolume), pick(update.vwap, vwap),
                pick(update.exchangeTime, exchangeTime), update.receivedAt,
                pick(update.sequence, sequence));
    }

    private static <T> T pick(T newer, T older) {
        return newer != null ? newer : older;
    }

    /** Ask minus bid, or {@code null} when either is missing. */
    public BigDecimal spread() {
        return bid == null || ask == null ? null : ask.subtract(bid);
    }

    /** Last minus the 24 h open, or {@code null} when either is missing. */
    public BigDecimal change24h() {
        return last == null || open == null ? null : last.subtract(open);
    }

    /** A mutable builder for parsers; not thread-safe. */
    public static final class Builder {
        private final String exchange;
        private final Instrument instrument;
        private BigDecimal last;
        private BigDecimal lastSize;
        private BigDecimal bid;
        private BigDecimal bidSize;
        private BigDecimal ask;
        private BigDecimal askSize;
        private BigDecimal open;
        private BigDecimal high;
        private BigDecimal low;
        private BigDecimal volume;
        private BigDecimal quoteVolume;
        private BigDecimal vwap;
        private Instant exchangeTime;
        private Instant receivedAt;
        private Long sequence;

        private Builder(String exchange, Instrument instrument) {
            this.exchange = exchange;
            this.instrument = instrument;
        }

        public Builder last(BigDecimal v) { this.last = v; return this; }
        public Builder lastSize(BigDecimal v) { this.lastSize = v; return this; }
        public Builder bid(BigDecimal v) { this.bid = v; return this; }
        public Builder bidSize(BigDecimal v) { this.bidSize = v; return this; }
        public Builder ask(BigDecimal v) { this.ask = v; return this; }
        public Builder askSize(BigDecimal v) { this.askSize = v; return this; }
        public Builder open(BigDecimal v) { this.open = v; return this; }
        public Builder high(BigDecimal v) { this.high = v; return this; }
        public Builder low(BigDecimal v) { this.low = v; return this; }
        public Builder volume(BigDecimal v) { this.volume = v; return this; }
        public Builder quoteVolume(BigDecimal v) { this.quoteVolume = v; return this; }
        public Builder vwap(BigDecimal v) { this.vwap = v; return this; }
        public Builder exchangeTime(Instant v) { this.exchangeTime = v; return this; }
        public Builder receivedAt(Instant v) { this.receivedAt = v; return this; }
        public Builder sequence(Long v) { this.sequence = v; return this; }

        public Tick build() {
            return new Tick(exchange, instrument, last, lastSize, bid, bidSize, ask, askSize, open, high, low,
                    volume, quoteVolume, vwap, exchangeTime, receivedAt, sequence);
        }
    }
}
