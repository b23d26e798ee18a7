package com.example.pricefeed.bitstamp;

/** Bitstamp's channel names: {@code <kind>_<pair>}, such as {@code live_trades_btcusd}. */
final class BitstampChannels {

    /** Every trade, with price, amount and the taker's side. */
    static final String LIVE_TRADES = "live_trades_";
    /** The top of the order book (best bids and asks), pushed on every change. */
    static final String ORDER_BOOK = "order_book_";

    private BitstampChannels() {
    }

    /** The pair of a channel name, or {@code null} when it is not one of the two kinds above. */
    static String pairOf(String channel) {
        if (channel == null) {
            return null;
        }
        if (channel.startsWith(LIVE_TRADES)) {
            return channel.substring(LIVE_TRADES.length());
        }
        if (channel.startsWith(ORDER_BOOK)) {
            return channel.substring(ORDER_BOOK.length());
        }
        return null;
    }
}
