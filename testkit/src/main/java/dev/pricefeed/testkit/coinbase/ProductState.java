package dev.pricefeed.testkit.coinbase;

import dev.pricefeed.Side;

/** What the simulator remembers about one product; guarded by the simulator's lock. */
final class ProductState {

    /** One published trade, taker side as given. */
    record LastTrade(long tradeId, String price, String size, Side takerSide, String time) {
    }

    /** One published quote. */
    record Quote(String last, String bid, String ask) {
    }

    final String productId;
    /** Coinbase's per-product sequence; it also counts order-book messages nobody here subscribes to. */
    long sequence = 1000;
    long lastTradeId = 100;
    LastTrade lastTrade;
    Quote lastTicker;
    /** The first last price published: the 24 h open the simulator reports, so the 24 h change stays plausible. */
    String open24h;
    Quote restTicker;

    ProductState(String productId) {
        this.productId = productId;
    }
}
