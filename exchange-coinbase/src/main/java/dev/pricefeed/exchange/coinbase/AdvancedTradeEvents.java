package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code events} array of one Advanced Trade frame and holds what it found until the envelope is complete,
 * because the envelope's {@code timestamp} and {@code sequence_num} decide what is reported. Reused frame after frame
 * by one parser; not thread-safe.
 */
final class AdvancedTradeEvents {

    private final SymbolMapper symbols;
    private final List<Tick.Builder> ticks = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private Map<String, Set<String>> subscriptions;

    AdvancedTradeEvents(SymbolMapper symbols) {
        this.symbols = symbols;
    }

    /** Forgets the previous frame. */
    void reset() {
        ticks.clear();
        trades.clear();
        subscriptions = null;
    }

    /** Reads the value of {@code events} whose first event was just read. */
    void read(JsonParser json, Event first, Instant receivedAt) {
        if (first != Event.START_ARRAY) {
            JsonFrames.skip(json, first);
            return;
        }
        Event e;
        while ((e = json.next()) != Event.END_ARRAY) {
            if (e == Event.START_OBJECT) {
                event(json, receivedAt);
            } else {
                JsonFrames.skip(json, e);
            }
        }
    }

    /** Reports the tickers read, stamped with the envelope's time and sequence number. */
    void reportTicks(Instant exchangeTime, Long sequence, ParseSink sink) {
        for (Tick.Builder tick : ticks) {
            sink.tick(tick.exchangeTime(exchangeTime).sequence(sequence).build());
        }
    }

    /** Reports the trades read. */
    void reportTrades(ParseSink sink) {
        for (Trade trade : trades) {
            sink.trade(trade);
        }
    }

    /** The subscriptions listed, channel name to product ids (empty when none were). */
    Map<String, Set<String>> subscriptions() {
        return subscriptions != null ? subscriptions : Map.of();
    }

    private void event(JsonParser json, Instant receivedAt) {
        Event e;
        while ((e = json.next()) != Event.END_OBJECT) {
            String key = json.getString();
            Event value = json.next();
            switch (key) {
                case "tickers":
                    eachObject(json, value, () -> ticker(json, receivedAt));
                    break;
                case "trades":
                    eachObject(json, value, () -> trade(json, receivedAt));
                    break;
                case "subscriptions":
                    subscriptions = Wire.subscriptions(json, value, subscriptions != null ? subscriptions : new HashMap<>());
                    break;
                default:
                    JsonFrames.skip(json, value);
            }
        }
    }

    private static void eachObject(JsonParser json, Event first, Runnable readObject) {
        if (first != Event.START_ARRAY) {
            JsonFrames.skip(json, first);
            return;
        }
        Event e;
        while ((e = json.next()) != Event.END_ARRAY) {
            if (e == Event.START_OBJECT) {
                readObject.run();
            } else {
                JsonFrames.skip(json, e);
            }
        }
    }

    private void ticker(JsonParser json, Instant receivedAt) {
        String productId = null;
        BigDecimal price = null;
        BigDecimal volume = null;
        BigDecimal low = null;
        BigDecimal high = null;
        BigDecimal bid = null;
        BigDecimal bidSize = null;
        BigDecimal ask = null;
        BigDecimal askSize = null;
        Event e;
        while ((e = json.next()) != Event.END_OBJECT) {
            String key = json.getString();
            Event value = json.next();
            switch (key) {
                case "product_id": productId = Wire.text(json, value); break;
                case "price": price = JsonFrames.decimal(json, value); break;
                case "volume_24_h": volume = JsonFrames.decimal(json, value); break;
                case "low_24_h": low = JsonFrames.decimal(json, value); break;
                case "high_24_h": high = JsonFrames.decimal(json, value); break;
                case "best_bid": bid = JsonFrames.decimal(json, value); break;
                case "best_bid_quantity": bidSize = JsonFrames.decimal(json, value); break;
                case "best_ask": ask = JsonFrames.decimal(json, value); break;
                case "best_ask_quantity": askSize = JsonFrames.decimal(json, value); break;
                default: JsonFrames.skip(json, value);
            }
        }
        ticks.add(Tick.builder(CoinbaseParser.EXCHANGE, instrument(productId))
                .last(price).volume(volume).low(low).high(high)
                .bid(bid).bidSize(bidSize).ask(ask).askSize(askSize)
                .receivedAt(receivedAt));
    }

    private void trade(JsonParser json, Instant receivedAt) {
        String productId = null;
        String tradeId = null;
        BigDecimal price = null;
        BigDecimal size = null;
        String side = null;
        String time = null;
        Event e;
        while ((e = json.next()) != Event.END_OBJECT) {
            String key = json.getString();
            Event value = json.next();
            switch (key) {
                case "product_id": productId = Wire.text(json, value); break;
                case "trade_id": tradeId = Wire.text(json, value); break;
                case "price": price = JsonFrames.decimal(json, value); break;
                case "size": size = JsonFrames.decimal(json, value); break;
                case "side": side = Wire.text(json, value); break;
                case "time": time = Wire.text(json, value); break;
                default: JsonFrames.skip(json, value);
            }
        }
        // market_trades reports the taker's side (only the Exchange feed's match reports the maker's)
        trades.add(new Trade(CoinbaseParser.EXCHANGE, instrument(productId), price, size, Wire.side(side), tradeId,
                Wire.instant(time), receivedAt));
    }

    private Instrument instrument(String productId) {
        Instrument instrument = symbols.fromNative(productId);
        if (instrument == null) {
            throw new IllegalArgumentException("Advanced Trade product_id '" + productId + "' is not of the form BASE-QUOTE");
        }
        return instrument;
    }
}
