package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The best bid and best offer of one market across exchanges.
 *
 * @param market the market ({@link QuoteCurrencies#market})
 * @param bid the highest bid of any fresh, uncrossed quote, if any
 * @param ask the lowest offer of any fresh, uncrossed quote, if any
 */
public record BestBidOffer(Instrument market, Optional<Quote> bid, Optional<Quote> ask) {

    public BestBidOffer {
        Objects.requireNonNull(market, "market is null");
        Objects.requireNonNull(bid, "bid is null");
        Objects.requireNonNull(ask, "ask is null");
    }

    /** Best offer minus best bid (negative when the exchanges cross each other), when both are there. */
    public Optional<BigDecimal> spread() {
        return bid.isPresent() && ask.isPresent() ? Optional.of(ask.get().price().subtract(bid.get().price()))
                : Optional.empty();
    }
}
