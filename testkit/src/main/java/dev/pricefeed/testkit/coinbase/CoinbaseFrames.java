package dev.pricefeed.testkit.coinbase;

import dev.pricefeed.Side;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Writes Coinbase frames in the shapes of the documented samples, for both feeds. */
final class CoinbaseFrames {

    /** Fixed 24 h statistics and sizes, with trailing zeros, so tests can prove they arrive exactly as sent. */
    static final String HIGH_24H = "110.50";
    static final String LOW_24H = "90.25";
    static final String VOLUME_24H = "12345.67890000";
    static final String VOLUME_30D = "987654.32100000";
    static final String BID_SIZE = "0.50000000";
    static final String ASK_SIZE = "1.25000000";
    static final String LAST_SIZE = "0.01000000";

    /** Go's {@code time.String()} layout, which Advanced Trade uses for {@code heartbeats.current_time}. */
    private static final DateTimeFormatter GO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS '+0000 UTC'").withZone(ZoneOffset.UTC);

    private CoinbaseFrames() {
    }

    // ---- Coinbase Exchange ----

    static String exchangeSubscriptions(Map<String, Set<String>> channels) {
        StringBuilder json = new StringBuilder("{\"type\":\"subscriptions\",\"channels\":[");
        boolean first = true;
        for (Map.Entry<String, Set<String>> channel : channels.entrySet()) {
            json.append(first ? "" : ",").append("{\"name\":").append(quote(channel.getKey()))
                    .append(",\"product_ids\":");
            strings(json, channel.getValue());
            json.append('}');
            first = false;
        }
        return json.append("]}").toString();
    }

    static String exchangeError(String message, String reason) {
        return "{\"type\":\"error\",\"message\":" + quote(message) + ",\"reason\":" + quote(reason) + "}";
    }

    static String exchangeTicker(String productId, long sequence, ProductState.Quote quote, String open24h,
            long tradeId, Instant time) {
        return "{\"type\":\"ticker\",\"sequence\":" + sequence + ",\"product_id\":" + quote(productId)
                + ",\"price\":" + quote(quote.last()) + ",\"open_24h\":" + quote(open24h)
                + ",\"volume_24h\":" + quote(VOLUME_24H) + ",\"low_24h\":" + quote(LOW_24H)
                + ",\"high_24h\":" + quote(HIGH_24H) + ",\"volume_30d\":" + quote(VOLUME_30D)
                + ",\"best_bid\":" + quote(quote.bid()) + ",\"best_bid_size\":" + quote(BID_SIZE)
                + ",\"best_ask\":" + quote(quote.ask()) + ",\"best_ask_size\":" + quote(ASK_SIZE)
                + ",\"side\":\"buy\",\"time\":" + quote(time.toString()) + ",\"trade_id\":" + tradeId
                + ",\"last_size\":" + quote(LAST_SIZE) + "}";
    }

    /** A {@code match} or {@code last_match}: Coinbase writes the maker's side, the opposite of the taker's. */
    static String exchangeMatch(String type, String productId, long sequence, ProductState.LastTrade trade) {
        return "{\"type\":" + quote(type) + ",\"trade_id\":" + trade.tradeId() + ",\"sequence\":" + sequence
                + ",\"maker_order_id\":\"ac928c66-ca53-498f-9c13-a110027a60e8\""
                + ",\"taker_order_id\":\"132fb6ae-456b-4654-b4e0-d681ac05cea1\""
                + ",\"time\":" + quote(trade.time()) + ",\"product_id\":" + quote(productId)
                + ",\"size\":" + quote(trade.size()) + ",\"price\":" + quote(trade.price())
                + ",\"side\":" + quote(trade.takerSide().opposite().wireName()) + "}";
    }

    static String exchangeHeartbeat(String productId, long sequence, long lastTradeId, Instant time) {
        return "{\"type\":\"heartbeat\",\"sequence\":" + sequence + ",\"last_trade_id\":" + lastTradeId
                + ",\"product_id\":" + quote(productId) + ",\"time\":" + quote(time.toString()) + "}";
    }

    // ---- Coinbase Advanced Trade ----

    static String advancedError(String message) {
        return "{\"type\":\"error\",\"message\":" + quote(message) + "}";
    }

    static String advancedSubscriptions(long sequenceNum, Map<String, Set<String>> channels, Instant now) {
        StringBuilder json = envelope("subscriptions", sequenceNum, now).append("[{\"subscriptions\":{");
        boolean first = true;
        for (Map.Entry<String, Set<String>> channel : channels.entrySet()) {
            json.append(first ? "" : ",").append(quote(channel.getKey())).append(':');
            strings(json, channel.getValue().isEmpty() ? Set.of(channel.getKey()) : channel.getValue());
            first = false;
        }
        return json.append("}}]}").toString();
    }

    static String advancedTicker(long sequenceNum, String eventType, String productId, ProductState.Quote quote,
            Instant now) {
        return envelope("ticker", sequenceNum, now).append("[{\"type\":").append(quote(eventType))
                .append(",\"tickers\":[{\"type\":\"ticker\",\"product_id\":").append(quote(productId))
                .append(",\"price\":").append(quote(quote.last()))
                .append(",\"volume_24_h\":").append(quote(VOLUME_24H))
                .append(",\"low_24_h\":").append(quote(LOW_24H))
                .append(",\"high_24_h\":").append(quote(HIGH_24H))
                .append(",\"low_52_w\":\"15460\",\"high_52_w\":\"48240\",\"price_percent_chg_24_h\":\"-4.15775596190603\"")
                .append(",\"best_bid\":").append(quote(quote.bid()))
                .append(",\"best_bid_quantity\":").append(quote(BID_SIZE))
                .append(",\"best_ask\":").append(quote(quote.ask()))
                .append(",\"best_ask_quantity\":").append(quote(ASK_SIZE))
                .append("}]}]}").toString();
    }

    /** Advanced Trade's {@code market_trades} names the taker's side in upper case. */
    static String advancedTrade(long sequenceNum, String eventType, String productId, ProductState.LastTrade trade,
            Instant now) {
        String side = trade.takerSide() == Side.BUY ? "BUY" : "SELL";
        return envelope("market_trades", sequenceNum, now).append("[{\"type\":").append(quote(eventType))
                .append(",\"trades\":[{\"trade_id\":").append(quote(Long.toString(trade.tradeId())))
                .append(",\"product_id\":").append(quote(productId))
                .append(",\"price\":").append(quote(trade.price()))
                .append(",\"size\":").append(quote(trade.size()))
                .append(",\"side\":").append(quote(side))
                .append(",\"time\":").append(quote(trade.time()))
                .append("}]}]}").toString();
    }

    static String advancedHeartbeat(long sequenceNum, long counter, Instant now, long uptimeNanos) {
        String monotonic = String.format(java.util.Locale.ROOT, "m=+%.9f", uptimeNanos / 1e9);
        return envelope("heartbeats", sequenceNum, now).append("[{\"current_time\":")
                .append(quote(GO_TIME.format(now) + " " + monotonic))
                .append(",\"heartbeat_counter\":").append(counter).append("}]}").toString();
    }

    private static StringBuilder envelope(String channel, long sequenceNum, Instant now) {
        return new StringBuilder(256).append("{\"channel\":").append(quote(channel))
                .append(",\"client_id\":\"\",\"timestamp\":").append(quote(now.toString()))
                .append(",\"sequence_num\":").append(sequenceNum).append(",\"events\":");
    }

    // ---- REST ----

    static String restTicker(long tradeId, ProductState.Quote quote, Instant time) {
        return "{\"trade_id\":" + tradeId + ",\"price\":" + quote(quote.last()) + ",\"size\":" + quote(LAST_SIZE)
                + ",\"time\":" + quote(time.toString()) + ",\"bid\":" + quote(quote.bid())
                + ",\"ask\":" + quote(quote.ask()) + ",\"volume\":" + quote(VOLUME_24H)
                + ",\"rfq_volume\":\"123.122\",\"conversions_volume\":\"0.00\"}";
    }

    static String restProducts(Collection<String> productIds) {
        StringBuilder json = new StringBuilder("[");
        boolean first = true;
        for (String id : productIds) {
            int dash = id.indexOf('-');
            json.append(first ? "" : ",").append("{\"id\":").append(quote(id))
                    .append(",\"base_currency\":").append(quote(id.substring(0, dash)))
                    .append(",\"quote_currency\":").append(quote(id.substring(dash + 1)))
                    .append(",\"quote_increment\":\"0.01\",\"base_increment\":\"0.00000001\"")
                    .append(",\"display_name\":").append(quote(id.replace('-', '/')))
                    .append(",\"status\":\"online\",\"trading_disabled\":false}");
            first = false;
        }
        return json.append(']').toString();
    }

    static String restError(String message) {
        return "{\"message\":" + quote(message) + "}";
    }

    // ---- JSON ----

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static void strings(StringBuilder json, Collection<String> values) {
        json.append('[');
        boolean first = true;
        for (String value : values) {
            json.append(first ? "" : ",").append(quote(value));
            first = false;
        }
        json.append(']');
    }
}
