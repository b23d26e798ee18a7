package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Buying on one exchange at its offer and selling on another at its bid gains more than both taker fees.
 *
 * @param market the market ({@link QuoteCurrencies#market})
 * @param buy where to buy: the exchange's best offer
 * @param sell where to sell: the exchange's best bid
 * @param size the most that both quotes show ({@code min} of the two sizes; the one known when the other exchange
 *     sent none), or {@code null} when neither exchange sent a size
 * @param netSpread per unit, after fees: {@code sell × (1 − sellFee) − buy × (1 + buyFee)}, exact
 * @param netSpreadBps the net spread in basis points of the cost of buying ({@code buy × (1 + buyFee)}), 2 decimals
 * @param at when it was seen (opened, changed or closed)
 */
public record Opportunity(Instrument market, Quote buy, Quote sell, BigDecimal size, BigDecimal netSpread,
        BigDecimal netSpreadBps, Instant at) {

    public Opportunity {
        Objects.requireNonNull(market, "market is null");
        Objects.requireNonNull(buy, "buy is null");
        Objects.requireNonNull(sell, "sell is null");
        Objects.requireNonNull(netSpread, "netSpread is null");
        Objects.requireNonNull(netSpreadBps, "netSpreadBps is null");
        Objects.requireNonNull(at, "at is null");
    }

    /** The same opportunity seen at another time. */
    Opportunity at(Instant time) {
        return new Opportunity(market, buy, sell, size, netSpread, netSpreadBps, time);
    }

    /** Whether prices, sizes or the spread differ (the time aside). */
    boolean differsFrom(Opportunity other) {
        return !buy.equals(other.buy) || !sell.equals(other.sell) || !Objects.equals(size, other.size)
                || netSpread.compareTo(other.netSpread) != 0;
    }
}
