package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A ledger entry that changed a balance, from a Kraken {@code balances} update (deposit, trade, withdrawal, ...).
 *
 * @param ledgerId the ledger entry id
 * @param refId the id of what caused it (a trade, a deposit)
 * @param type the ledger type, such as {@code deposit} or {@code trade}
 * @param category the finer category, such as {@code deposit} or {@code trade}
 * @param asset the asset, such as {@code BTC}
 * @param assetClass the asset class, such as {@code currency}
 * @param walletType the wallet type, such as {@code spot}
 * @param walletId the wallet id, such as {@code main}
 * @param amount the exact amount added (negative when taken)
 * @param fee the exact fee
 * @param balance the exact balance after the change
 * @param exchangeTime Kraken's time of the entry, or {@code null}
 * @param sequence the channel's sequence number (it restarts with every connection)
 * @param receivedAt time this process received the frame
 */
public record KrakenBalanceChange(String ledgerId, String refId, String type, String category, String asset,
        String assetClass, String walletType, String walletId, BigDecimal amount, BigDecimal fee, BigDecimal balance,
        Instant exchangeTime, long sequence, Instant receivedAt) implements AccountEvent {

    public KrakenBalanceChange {
        requireNonNull(asset, "asset is null");
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
