package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * A fee charged on a Kraken execution.
 *
 * @param asset the asset the fee was paid in
 * @param quantity the exact fee amount
 */
public record KrakenFee(String asset, BigDecimal quantity) {

    public KrakenFee {
        requireNonNull(quantity, "quantity is null");
    }
}
