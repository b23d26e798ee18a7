package dev.pricefeed.analytics;

import dev.pricefeed.Instrument;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One side of one exchange's best price: where to buy (its offer) or sell (its bid).
 *
 * @param exchange exchange id
 * @param instrument the instrument as the exchange lists it (such as {@code BTC/USDT})
 * @param price exact price
 * @param size exact size available at that price, or {@code null} when the exchange did not send it
 */
public record Quote(String exchange, Instrument instrument, BigDecimal price, BigDecimal size) {

    public Quote {
        Objects.requireNonNull(exchange, "exchange is null");
        Objects.requireNonNull(instrument, "instrument is null");
        Objects.requireNonNull(price, "price is null");
    }
}
