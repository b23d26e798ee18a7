package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;

/**
 * The fields of one {@code data} object of a KuCoin frame, kept as wire text. The frame's {@code topic} may come after
 * {@code data} (recordings show both orders), so fields are captured first and interpreted once the topic is known.
 * One instance per frame; the names are the union of the topics this plugin reads. Keys, symbols and sides come from
 * the parser's {@link FrameReader} (no new String for a name seen before); a field this plugin does not use is
 * skipped unread.
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
    /** Read at once from a frame (a number in every topic that has them); else {@code null} and the text is kept. */
    BigDecimal priceValue;
    BigDecimal sizeValue;
    BigDecimal bestAskValue;
    BigDecimal bestAskSizeValue;
    BigDecimal bestBidValue;
    BigDecimal bestBidSizeValue;
    /** The nested {@code data} object of a {@code /market/snapshot} frame. */
    DataFields inner;

    /** Reads an object whose {@code START_OBJECT} was just read, up to and including its {@code END_OBJECT}. */
    static DataFields read(FrameReader reader) {
        JsonParser parser = reader.parser();
        DataFields fields = new DataFields();
        Event event;
        while ((event = parser.next()) != Event.END_OBJECT) {
            String key = reader.key();
            Event value = parser.next();
            if (value == Event.START_OBJECT) {
                if (key.equals("data")) {
                    fields.inner = read(reader);
                } else {
                    // marketChange1h/4h/24h and the like: their "high"/"open" must not overwrite the 24 h values
                    JsonFrames.skipRest(parser);
                }
            } else if (value == Event.START_ARRAY) {
                fields.array(key, parser);
            } else {
                fields.scalar(key, reader, value);
            }
        }
        return fields;
    }

    private void scalar(String key, FrameReader reader, Event value) {
        JsonParser parser = reader.parser();
        switch (key) {
            case "sequence" -> sequence = JsonFrames.text(parser, value);
            case "price" -> priceValue = decimalOrText(reader, value, t -> price = t);
            case "size" -> sizeValue = decimalOrText(reader, value, t -> size = t);
            case "bestAsk" -> bestAskValue = decimalOrText(reader, value, t -> bestAsk = t);
            case "bestAskSize" -> bestAskSizeValue = decimalOrText(reader, value, t -> bestAskSize = t);
            case "bestBid" -> bestBidValue = decimalOrText(reader, value, t -> bestBid = t);
            case "bestBidSize" -> bestBidSizeValue = decimalOrText(reader, value, t -> bestBidSize = t);
            case "time" -> time = JsonFrames.text(parser, value);
            case "Time" -> timeCapitalized = JsonFrames.text(parser, value);
            case "timestamp" -> timestamp = JsonFrames.text(parser, value);
            case "symbol" -> symbol = reader.text(value);
            case "side" -> side = reader.text(value);
            case "tradeId" -> tradeId = JsonFrames.text(parser, value);
            case "high" -> high = JsonFrames.text(parser, value);
            case "low" -> low = JsonFrames.text(parser, value);
            case "vol" -> vol = JsonFrames.text(parser, value);
            case "volValue" -> volValue = JsonFrames.text(parser, value);
            case "open" -> open = JsonFrames.text(parser, value);
            case "averagePrice" -> averagePrice = JsonFrames.text(parser, value);
            case "datetime" -> datetime = JsonFrames.text(parser, value);
            case "lastTradedPrice" -> lastTradedPrice = JsonFrames.text(parser, value);
            case "buy" -> buy = JsonFrames.text(parser, value);
            case "sell" -> sell = JsonFrames.text(parser, value);
            case "bidSize" -> bidSize = JsonFrames.text(parser, value);
            case "askSize" -> askSize = JsonFrames.text(parser, value);
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

    /**
     * The value as an exact decimal read from the frame's characters; a value that is not a number is kept as text
     * instead (through {@code keep}), so it fails only where a topic uses it, as before the topic is known.
     */
    private static BigDecimal decimalOrText(FrameReader reader, Event value, java.util.function.Consumer<String> keep) {
        if (value == Event.VALUE_STRING || value == Event.VALUE_NUMBER) {
            try {
                return reader.decimal(value);
            } catch (NumberFormatException notANumber) {
                // kept as text below: the topic decides whether this field matters
            }
        }
        keep.accept(JsonFrames.text(reader.parser(), value));
        return null;
    }

    /** {@code price} as an exact decimal, or {@code null}. */
    BigDecimal price() {
        return priceValue != null ? priceValue : decimal(price);
    }

    /** {@code size} as an exact decimal, or {@code null}. */
    BigDecimal size() {
        return sizeValue != null ? sizeValue : decimal(size);
    }

    /** {@code bestAsk} as an exact decimal, or {@code null}. */
    BigDecimal bestAsk() {
        return bestAskValue != null ? bestAskValue : decimal(bestAsk);
    }

    /** {@code bestAskSize} as an exact decimal, or {@code null}. */
    BigDecimal bestAskSize() {
        return bestAskSizeValue != null ? bestAskSizeValue : decimal(bestAskSize);
    }

    /** {@code bestBid} as an exact decimal, or {@code null}. */
    BigDecimal bestBid() {
        return bestBidValue != null ? bestBidValue : decimal(bestBid);
    }

    /** {@code bestBidSize} as an exact decimal, or {@code null}. */
    BigDecimal bestBidSize() {
        return bestBidSizeValue != null ? bestBidSizeValue : decimal(bestBidSize);
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
