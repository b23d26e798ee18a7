package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;

/**
 * One wallet's share of an asset balance in a Kraken {@code balances} snapshot.
 *
 * @param type the wallet type, such as {@code spot} or {@code earn}
 * @param id the wallet id, such as {@code main}, {@code flex} or {@code bonded}
 * @param balance the exact balance held in that wallet
 */
public record KrakenWallet(String type, String id, BigDecimal balance) {

    public KrakenWallet {
        requireNonNull(balance, "balance is null");
    }
}
