package dev.pricefeed;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One public trade.
 *
 * @param exchange exchange id
 * @param instrument the instrument
 * @param price exact trade price
 * @param size exact trade size in the base asset
 * @param side the aggressor's (taker's) side
 * @param tradeId the exchange's trade id, or {@code null}
 * @param exchangeTime the exchange's trade time, or {@code null}
 * @param receivedAt time this process received the frame
 */
public record Trade(
        String exchange,
        Instrument instrument,
        BigDecimal price,
        BigDecimal size,
        Side side,
        String tradeId,
        Instant exchangeTime,
        Instant receivedAt) {

    public Trade {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(instrument, "instrument is null");
        Objects.requireNonNull(price, "price is null");
        Objects.requireNonNull(size, "size is null");
        Objects.requireNonNull(receivedAt, "receivedAt is null");
    }
}
