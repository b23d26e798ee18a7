package dev.pricefeed.testkit.kraken;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Kraken's frames and REST bodies as the simulator writes them, in the shapes of Kraken's documented examples.
 * Prices and sizes go out as JSON numbers written from the given text, so a client that keeps numbers exact can be
 * checked digit for digit.
 */
final class KrakenWire {

    /** An unsigned 64-bit connection id beyond the range of {@code long}, as Kraken sends. */
    static final String CONNECTION_ID = "13834774380200032777";

    private KrakenWire() {
    }

    /**
     * One ticker's numbers as text.
     *
     * @param last last trade price
     * @param bid best bid
     * @param ask best ask
     */
    record Quote(String last, String bid, String ask) {
    }

    /**
     * One trade as text.
     *
     * @param symbol v2 symbol
     * @param price price
     * @param qty size
     * @param side {@code buy} or {@code sell}
     * @param tradeId trade id (a number on the wire when it is one)
     * @param timestamp RFC 3339 time
     */
    record TradeRow(String symbol, String price, String qty, String side, String tradeId, String timestamp) {
    }

    static String status(String system) {
        return "{\"channel\":\"status\",\"data\":[{\"api_version\":\"v2\",\"connection_id\":" + CONNECTION_ID
                + ",\"system\":" + quote(system) + ",\"version\":\"2.0.0\"}],\"type\":\"update\"}";
    }

    static String heartbeat() {
        return "{\"channel\":\"heartbeat\"}";
    }

    static String pong(String requestId) {
        String now = now();
        return "{\"method\":\"pong\"" + requestIdField(requestId) + ",\"time_in\":" + quote(now) + ",\"time_out\":"
                + quote(now) + "}";
    }

    static String ackPublic(String channel, String symbol, boolean snapshot, String requestId) {
        String now = now();
        return "{\"method\":\"subscribe\",\"result\":{\"channel\":" + quote(channel) + ",\"symbol\":" + quote(symbol)
                + ",\"snapshot\":" + snapshot + "},\"success\":true,\"time_in\":" + quote(now) + ",\"time_out\":"
                + quote(now) + requestIdField(requestId) + "}";
    }

    static String ackPrivate(String channel, String requestId) {
        String now = now();
        return "{\"method\":\"subscribe\",\"result\":{\"channel\":" + quote(channel) + ",\"snapshot\":true},"
                + "\"success\":true,\"time_in\":" + quote(now) + ",\"time_out\":" + quote(now)
                + requestIdField(requestId) + "}";
    }

    /** A failed subscribe: Kraken names the symbol (when there is one) but not the channel. */
    static String subscribeError(String method, String error, String symbol, String requestId) {
        String now = now();
        return "{\"error\":" + quote(error) + ",\"method\":" + quote(method) + requestIdField(requestId)
                + ",\"success\":false" + (symbol != null ? ",\"symbol\":" + quote(symbol) : "") + ",\"time_in\":"
                + quote(now) + ",\"time_out\":" + quote(now) + "}";
    }

    static String ticker(String type, String symbol, Quote quote) {
        return "{\"channel\":\"ticker\",\"type\":" + quote(type) + ",\"data\":[{\"symbol\":" + quote(symbol)
                + ",\"bid\":" + quote.bid() + ",\"bid_qty\":1.5,\"ask\":" + quote.ask() + ",\"ask_qty\":2.25"
                + ",\"last\":" + quote.last() + ",\"volume\":1234.5678,\"vwap\":" + quote.last()
                + ",\"low\":" + quote.bid() + ",\"high\":" + quote.ask() + ",\"change\":0.0,\"change_pct\":0.0"
                + ",\"timestamp\":" + quote(now()) + "}]}";
    }

    static String trades(String type, Collection<TradeRow> rows) {
        StringBuilder json = new StringBuilder("{\"channel\":\"trade\",\"type\":").append(quote(type))
                .append(",\"data\":[");
        boolean first = true;
        for (TradeRow row : rows) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"symbol\":").append(quote(row.symbol())).append(",\"side\":").append(quote(row.side()))
                    .append(",\"price\":").append(row.price()).append(",\"qty\":").append(row.qty())
                    .append(",\"ord_type\":\"market\",\"trade_id\":")
                    .append(isInteger(row.tradeId()) ? row.tradeId() : quote(row.tradeId()))
                    .append(",\"timestamp\":").append(quote(row.timestamp())).append('}');
        }
        return json.append("]}").toString();
    }

    /** A balances snapshot: each asset's balance, all in the spot main wallet. */
    static String balancesSnapshot(Map<String, String> balances, long sequence) {
        StringBuilder json = new StringBuilder("{\"channel\":\"balances\",\"data\":[");
        boolean first = true;
        for (Map.Entry<String, String> entry : balances.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("{\"asset\":").append(quote(entry.getKey())).append(",\"asset_class\":\"currency\"")
                    .append(",\"balance\":").append(entry.getValue())
                    .append(",\"wallets\":[{\"type\":\"spot\",\"id\":\"main\",\"balance\":").append(entry.getValue())
                    .append("}]}");
        }
        return json.append("],\"type\":\"snapshot\",\"sequence\":").append(sequence).append('}').toString();
    }

    static String balanceUpdate(String ledgerId, String asset, String amount, String balance, long sequence) {
        return "{\"channel\":\"balances\",\"type\":\"update\",\"data\":[{\"ledger_id\":" + quote(ledgerId)
                + ",\"ref_id\":\"SIM-REF\",\"timestamp\":" + quote(now()) + ",\"type\":\"deposit\",\"asset\":"
                + quote(asset) + ",\"asset_class\":\"currency\",\"category\":\"deposit\",\"wallet_type\":\"spot\","
                + "\"wallet_id\":\"main\",\"amount\":" + amount + ",\"fee\":0.0,\"balance\":" + balance
                + "}],\"sequence\":" + sequence + "}";
    }

    static String executionsSnapshot(long sequence) {
        return "{\"channel\":\"executions\",\"type\":\"snapshot\",\"data\":[],\"sequence\":" + sequence + "}";
    }

    static String executionTrade(String orderId, String symbol, String side, String qty, String price, long sequence) {
        return "{\"channel\":\"executions\",\"type\":\"update\",\"data\":[{\"order_id\":" + quote(orderId)
                + ",\"symbol\":" + quote(symbol) + ",\"order_qty\":" + qty + ",\"exec_type\":\"trade\",\"side\":"
                + quote(side) + ",\"order_type\":\"limit\",\"limit_price\":" + price
                + ",\"order_status\":\"filled\",\"last_qty\":" + qty + ",\"last_price\":" + price
                + ",\"cum_qty\":" + qty + ",\"avg_price\":" + price
                + ",\"fees\":[{\"asset\":\"USD\",\"qty\":0.01}],\"liquidity_ind\":\"t\",\"exec_id\":\"SIM-EXEC\","
                + "\"trade_id\":1,\"timestamp\":" + quote(now()) + "}],\"sequence\":" + sequence + "}";
    }

    /** REST {@code Ticker}: string arrays keyed by each pair's REST result key. */
    static String restTicker(Map<KrakenPair, Quote> quotes) {
        StringBuilder json = new StringBuilder("{\"error\":[],\"result\":{");
        boolean first = true;
        for (Map.Entry<KrakenPair, Quote> entry : quotes.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            Quote q = entry.getValue();
            json.append(quote(entry.getKey().restKey())).append(":{")
                    .append("\"a\":[").append(quote(q.ask())).append(",\"1\",\"1.000\"],")
                    .append("\"b\":[").append(quote(q.bid())).append(",\"2\",\"2.000\"],")
                    .append("\"c\":[").append(quote(q.last())).append(",\"0.00067643\"],")
                    .append("\"v\":[\"4083.67001100\",\"4412.73601799\"],")
                    .append("\"p\":[").append(quote(q.last())).append(',').append(quote(q.last())).append("],")
                    .append("\"t\":[34619,38907],")
                    .append("\"l\":[").append(quote(q.bid())).append(',').append(quote(q.bid())).append("],")
                    .append("\"h\":[").append(quote(q.ask())).append(',').append(quote(q.ask())).append("],")
                    .append("\"o\":").append(quote(q.last())).append('}');
        }
        return json.append("}}").toString();
    }

    /** REST {@code AssetPairs}: key, altname and the legacy wsname of every pair. */
    static String assetPairs(Collection<KrakenPair> pairs) {
        StringBuilder json = new StringBuilder("{\"error\":[],\"result\":{");
        boolean first = true;
        for (KrakenPair pair : pairs) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append(quote(pair.restKey())).append(":{\"altname\":").append(quote(pair.altname()))
                    .append(",\"wsname\":").append(quote(pair.wsname()))
                    .append(",\"aclass_base\":\"currency\",\"status\":\"online\",\"fees\":[[0,0.26],[50000,0.24]]}");
        }
        return json.append("}}").toString();
    }

    static String restErrors(List<String> errors) {
        StringBuilder json = new StringBuilder("{\"error\":[");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(quote(errors.get(i)));
        }
        return json.append("]}").toString();
    }

    static String token(String token) {
        return "{\"error\":[],\"result\":{\"token\":" + quote(token) + ",\"expires\":900}}";
    }

    private static String requestIdField(String requestId) {
        return requestId == null ? "" : ",\"req_id\":" + requestId;
    }

    private static boolean isInteger(String text) {
        if (text == null || text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String now() {
        return Instant.now().toString();
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }
}
