package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;

/**
 * The fields of one {@code data} object of a KuCoin frame, kept as wire text. The frame's {@code topic} may come after
 * {@code data} (recordings show both orders), so fields are captured first and interpreted once the topic is known.
 * One instance per frame; the names are the union of the topics this plugin reads.
 */
final class DataFields {

    String sequence;
    String price;
    String size;
    String bestAsk;
    String bestAskSize;
    String bestBid;
    String bestBidSize;
    String time;
    String timeCapitalized;
    String timestamp;
    String symbol;
    String side;
    String tradeId;
    String askPrice;
    String askSize;
    String bidPrice;
    String bidSize;
    String high;
    String low;
    String vol;
    String volValue;
    String open;
    String averagePrice;
    String datetime;
    String lastTradedPrice;
    String buy;
    String sell;
    /** The nested {@code data} object of a {@code /market/snapshot} frame. */
    DataFields inner;

    /** Reads an object whose {@code START_OBJECT} was just read, up to and including its {@code END_OBJECT}. */
    static DataFields read(JsonParser parser) {
        DataFields fields = new DataFields();
        Event event;
        while ((event = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Event value = parser.next();
            if (value == Event.START_OBJECT) {
                if (key.equals("data")) {
                    fields.inner = read(parser);
                } else {
                    // marketChange1h/4h/24h and the like: their "high"/"open" must not overwrite the 24 h values
                    JsonFrames.skipRest(parser);
                }
            } else if (value == Event.START_ARRAY) {
                fields.array(key, parser);
            } else {
                fields.scalar(key, JsonFrames.text(parser, value));
            }
        }
        return fields;
    }

    private void scalar(String key, String text) {
        switch (key) {
            case "sequence" -> sequence = text;
            case "price" -> price = text;
            case "size" -> size = text;
            case "bestAsk" -> bestAsk = text;
            case "bestAskSize" -> bestAskSize = text;
            case "bestBid" -> bestBid = text;
            case "bestBidSize" -> bestBidSize = text;
            case "time" -> time = text;
            case "Time" -> timeCapitalized = text;
            case "timestamp" -> timestamp = text;
            case "symbol" -> symbol = text;
            case "side" -> side = text;
            case "tradeId" -> tradeId = text;
            case "high" -> high = text;
            case "low" -> low = text;
            case "vol" -> vol = text;
            case "volValue" -> volValue = text;
            case "open" -> open = text;
            case "averagePrice" -> averagePrice = text;
            case "datetime" -> datetime = text;
            case "lastTradedPrice" -> lastTradedPrice = text;
            case "buy" -> buy = text;
            case "sell" -> sell = text;
            case "bidSize" -> bidSize = text;
            case "askSize" -> askSize = text;
            default -> {
                // a field this plugin does not use
            }
        }
    }

    /** Reads a level-1 side ({@code ["price","size"]}); deeper books ({@code [["p","s"],...]}) are skipped. */
    private void array(String key, JsonParser parser) {
        Event first = parser.next();
        if (first == Event.END_ARRAY) {
            return;
        }
        if (first == Event.START_ARRAY || first == Event.START_OBJECT) {
            JsonFrames.skip(parser, first);
            JsonFrames.skipRest(parser);
            return;
        }
        String pairPrice = JsonFrames.text(parser, first);
        Event second = parser.next();
        if (second == Event.END_ARRAY) {
            return;
        }
        String pairSize = second == Event.START_ARRAY || second == Event.START_OBJECT ? null
                : JsonFrames.text(parser, second);
        JsonFrames.skip(parser, second);
        // past any further elements to this array's end
        JsonFrames.skipRest(parser);
        if (key.equals("asks")) {
            askPrice = pairPrice;
            askSize = pairSize;
        } else if (key.equals("bids")) {
            bidPrice = pairPrice;
            bidSize = pairSize;
        }
    }

    /** An exact decimal from wire text, or {@code null} for none. */
    static BigDecimal decimal(String text) {
        return WireText.decimal(text);
    }

    /** A non-negative whole number from wire text, or {@code null} when the text is not one (never throws). */
    static Long whole(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return null;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return null;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
