package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order status change or fill of the account, from Kraken's {@code executions} channel. Fields Kraken did not
 * send for this kind of event are {@code null}.
 *
 * @param execType what happened: {@code pending_new}, {@code new}, {@code trade}, {@code filled}, {@code canceled},
 *     {@code expired}, {@code amended}, {@code restated} or {@code status}
 * @param orderId Kraken's order id
 * @param clientOrderId the client's order id ({@code cl_ord_id}), if one was given
 * @param execId the execution id
 * @param tradeId the trade id of a fill, as sent
 * @param instrument the instrument, or {@code null}
 * @param side the order's side
 * @param orderType the order type, such as {@code limit}
 * @param orderStatus the order's status after the event, such as {@code partially_filled}
 * @param orderQuantity the exact order quantity
 * @param limitPrice the exact limit price
 * @param lastQuantity the exact quantity of this fill
 * @param lastPrice the exact price of this fill
 * @param cost the exact value of this fill in the quote asset
 * @param cumulativeQuantity the exact quantity filled so far
 * @param cumulativeCost the exact value filled so far
 * @param averagePrice the exact average fill price
 * @param fees the fees of this fill
 * @param liquidity {@code t} (taker) or {@code m} (maker) for fills
 * @param reason Kraken's reason for a cancel or expiry
 * @param exchangeTime Kraken's time of the event, or {@code null}
 * @param snapshot whether the event came in the snapshot sent on subscribe
 * @param sequence the channel's sequence number (it restarts with every connection)
 * @param receivedAt time this process received the frame
 */
public record KrakenExecution(String execType, String orderId, String clientOrderId, String execId, String tradeId,
        Instrument instrument, Side side, String orderType, String orderStatus, BigDecimal orderQuantity,
        BigDecimal limitPrice, BigDecimal lastQuantity, BigDecimal lastPrice, BigDecimal cost,
        BigDecimal cumulativeQuantity, BigDecimal cumulativeCost, BigDecimal averagePrice, List<KrakenFee> fees,
        String liquidity, String reason, Instant exchangeTime, boolean snapshot, long sequence, Instant receivedAt)
        implements AccountEvent {

    public KrakenExecution {
        fees = List.copyOf(requireNonNull(fees, "fees is null"));
        requireNonNull(receivedAt, "receivedAt is null");
    }

    @Override
    public String exchange() {
        return KrakenProvider.ID;
    }

    @Override
    public Channel channel() {
        return Channel.EXECUTIONS;
    }
}
