package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The balance of one asset from a Kraken {@code balances} snapshot (sent on every subscribe).
 *
 * @param asset the asset, such as {@code BTC}
 * @param assetClass the asset class, such as {@code currency}
 * @param balance the exact total balance
 * @param wallets the balance per wallet
 * @param sequence the channel's sequence number (it restarts with every connection)
 * @param receivedAt time this process received the frame
 */
public record KrakenBalance(String asset, String assetClass, BigDecimal balance, List<KrakenWallet> wallets,
        long sequence, Instant receivedAt) implements AccountEvent {

    public KrakenBalance {
        requireNonNull(asset, "asset is null");
        requireNonNull(balance, "balance is null");
        wallets = List.copyOf(requireNonNull(wallets, "wallets is null"));
        requireNonNull(receivedAt, "receivedAt is null");
    }

    @Override
    public String exchange() {
        return KrakenProvider.ID;
    }

    @Override
    public Channel channel() {
        return Channel.BALANCES;
    }
}
