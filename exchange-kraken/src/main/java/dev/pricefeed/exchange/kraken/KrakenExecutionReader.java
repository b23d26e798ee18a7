package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Instrument;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads one row of Kraken's {@code executions} data into a {@link KrakenExecution}; one reader per row. */
final class KrakenExecutionReader {

    String symbol;
    private String execType;
    private String orderId;
    private String clientOrderId;
    private String execId;
    private String tradeId;
    private String side;
    private String orderType;
    private String orderStatus;
    private BigDecimal orderQuantity;
    private BigDecimal limitPrice;
    private BigDecimal lastQuantity;
    private BigDecimal lastPrice;
    private BigDecimal cost;
    private BigDecimal cumulativeQuantity;
    private BigDecimal cumulativeCost;
    private BigDecimal averagePrice;
    private final List<KrakenFee> fees = new ArrayList<>();
    private String liquidity;
    private String reason;
    private Instant time;

    /** Reads the row; the parser stands on its {@code START_OBJECT}. */
    void read(JsonParser parser) {
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event value = parser.next();
            switch (name) {
                case "symbol" -> symbol = text(parser, value);
                case "exec_type" -> execType = text(parser, value);
                case "order_id" -> orderId = text(parser, value);
                case "cl_ord_id" -> clientOrderId = text(parser, value);
                case "exec_id" -> execId = text(parser, value);
                case "trade_id" -> tradeId = text(parser, value);
                case "side" -> side = text(parser, value);
                case "order_type" -> orderType = text(parser, value);
                case "order_status" -> orderStatus = text(parser, value);
                case "order_qty" -> orderQuantity = JsonFrames.decimal(parser, value);
                case "limit_price" -> limitPrice = JsonFrames.decimal(parser, value);
                case "last_qty" -> lastQuantity = JsonFrames.decimal(parser, value);
                case "last_price" -> lastPrice = JsonFrames.decimal(parser, value);
                case "cost" -> cost = JsonFrames.decimal(parser, value);
                case "cum_qty" -> cumulativeQuantity = JsonFrames.decimal(parser, value);
                case "cum_cost" -> cumulativeCost = JsonFrames.decimal(parser, value);
                case "avg_price" -> averagePrice = JsonFrames.decimal(parser, value);
                case "fees" -> fees(parser, value);
                case "liquidity_ind" -> liquidity = text(parser, value);
                case "reason" -> reason = text(parser, value);
                case "timestamp" -> time = KrakenTime.rfc3339(text(parser, value));
                default -> JsonFrames.skip(parser, value);
            }
        }
    }

    private static String text(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return null;
        }
        return JsonFrames.text(parser, value);
    }

    private void fees(JsonParser parser, Event value) {
        if (value != Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return;
        }
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event != Event.START_OBJECT) {
                JsonFrames.skip(parser, event);
                continue;
            }
            String asset = null;
            BigDecimal quantity = null;
            while (parser.next() != Event.END_OBJECT) {
                String name = parser.getString();
                Event inner = parser.next();
                if (name.equals("asset")) {
                    asset = text(parser, inner);
                } else if (name.equals("qty")) {
                    quantity = JsonFrames.decimal(parser, inner);
                } else {
                    JsonFrames.skip(parser, inner);
                }
            }
            if (quantity != null) {
                fees.add(new KrakenFee(asset, quantity));
            }
        }
    }

    /** The execution read, for an instrument already resolved from {@link #symbol}. */
    KrakenExecution build(Instrument instrument, boolean snapshot, long sequence, Instant receivedAt) {
        return new KrakenExecution(execType, orderId, clientOrderId, execId, tradeId, instrument,
                KrakenRows.side(side), orderType, orderStatus, orderQuantity, limitPrice, lastQuantity, lastPrice,
                cost, cumulativeQuantity, cumulativeCost, averagePrice, fees, liquidity, reason, time, snapshot,
                sequence, receivedAt);
    }
}
