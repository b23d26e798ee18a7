package dev.pricefeed.testkit.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import java.util.Locale;

/** Builds Binance Spot frames in the shapes of the official examples and recordings. */
final class BinanceWire {

    private BinanceWire() {
    }

    /** {@code BTCUSDT} for {@code BTC/USDT}. */
    static String symbol(Instrument instrument) {
        return instrument.base() + instrument.quote();
    }

    /** {@code btcusdt@ticker} and the like. */
    static String stream(Instrument instrument, String type) {
        return symbol(instrument).toLowerCase(Locale.ROOT) + "@" + type;
    }

    /** A {@code <symbol>@ticker} event ({@code 24hrTicker}) for a quote. */
    static String ticker(Instrument instrument, Quote quote, long eventTime) {
        return "{\"e\":\"24hrTicker\",\"E\":" + eventTime + ",\"s\":\"" + symbol(instrument) + "\",\"p\":\"0\",\"P\":\"0\","
                + "\"w\":\"" + quote.last() + "\",\"x\":\"" + quote.last() + "\",\"c\":\"" + quote.last() + "\",\"Q\":\""
                + quote.size() + "\",\"b\":\"" + quote.bid() + "\",\"B\":\"" + quote.size() + "\",\"a\":\"" + quote.ask()
                + "\",\"A\":\"" + quote.size() + "\",\"o\":\"" + quote.last() + "\",\"h\":\"" + quote.last()
                + "\",\"l\":\"" + quote.last() + "\",\"v\":\"" + quote.volume() + "\",\"q\":\"" + quote.volume()
                + "\",\"O\":" + (eventTime - 86_400_000L) + ",\"C\":" + eventTime + ",\"F\":0,\"L\":0,\"n\":1}";
    }

    /** A {@code <symbol>@bookTicker} event: no event type, no time, update id {@code u}. */
    static String bookTicker(Instrument instrument, Quote quote, long updateId) {
        return "{\"u\":" + updateId + ",\"s\":\"" + symbol(instrument) + "\",\"b\":\"" + quote.bid() + "\",\"B\":\""
                + quote.size() + "\",\"a\":\"" + quote.ask() + "\",\"A\":\"" + quote.size() + "\"}";
    }

    /** A {@code <symbol>@trade} event; {@code m} is true when the buyer was the maker, that is the taker sold. */
    static String trade(Instrument instrument, long tradeId, String price, String size, Side takerSide, long time) {
        return "{\"e\":\"trade\",\"E\":" + time + ",\"s\":\"" + symbol(instrument) + "\",\"t\":" + tradeId + ",\"p\":\""
                + price + "\",\"q\":\"" + size + "\",\"T\":" + time + ",\"m\":" + (takerSide == Side.SELL)
                + ",\"M\":true}";
    }

    /** The {@code serverShutdown} event. */
    static String serverShutdown(long eventTime) {
        return "{\"e\":\"serverShutdown\",\"E\":" + eventTime + "}";
    }

    /** A combined-stream envelope. */
    static String combined(String stream, String payload) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    /** The success reply to a request. */
    static String result(String id, String result) {
        return "{\"result\":" + result + ",\"id\":" + id + "}";
    }

    /** An error reply in the documented shape, with the request id when there is one. */
    static String error(int code, String msg, String id) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\"", "\\\"") + "\""
                + (id == null ? "" : ",\"id\":" + id) + "}";
    }

    /**
     * The prices the emulator streams for an instrument.
     *
     * @param last last trade price
     * @param bid best bid
     * @param ask best ask
     * @param size the size shown at bid, ask and last
     * @param volume the 24 h volume
     */
    record Quote(String last, String bid, String ask, String size, String volume) {

        static Quote of(String last, String bid, String ask) {
            return new Quote(last, bid, ask, "1.00000000", "100.00000000");
        }
    }
}
