package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.NameTable;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads frames of both Coinbase feeds: Exchange frames carry a top-level {@code type}, Advanced Trade frames only a
 * top-level {@code channel} with an {@code events} envelope. One instance serves one connection (it remembers the
 * newest ticker sequence per product and the subscribe messages awaiting a reply); not thread-safe.
 */
final class CoinbaseParser implements MessageParser {

    static final String EXCHANGE = "coinbase";

    /**
     * A ticker this far behind the newest one is taken as a restarted sequence rather than a late message, so a
     * reset on Coinbase's side cannot silence a product for the rest of the connection.
     */
    private static final long RESET_DISTANCE = 1_000_000L;

    private final SymbolMapper symbols;
    private final SubscriptionLedger ledger;
    /** The sequence stream of Advanced Trade's {@code sequence_num}. */
    static final String ENVELOPE_STREAM = "sequence_num";
    private final AdvancedTradeEvents events;
    private final Map<String, long[]> tickerSequences = new HashMap<>();
    private final Map<String, String> tradeStreams = new HashMap<>();
    private final FrameReader reader = new FrameReader();

    // the frame being read; reset before each one
    private String type;
    private String channel;
    private String productId;
    private String side;
    private String time;
    /** {@code time} read at once when the type that uses it came first (as Coinbase sends it); else {@link #time}. */
    private Instant timeValue;
    private String timestamp;
    private String message;
    private String reason;
    private Long sequence;
    private Long sequenceNum;
    private Long tradeId;
    private BigDecimal price;
    private BigDecimal size;
    private BigDecimal lastSize;
    private BigDecimal open24h;
    private BigDecimal high24h;
    private BigDecimal low24h;
    private BigDecimal volume24h;
    private BigDecimal bestBid;
    private BigDecimal bestBidSize;
    private BigDecimal bestAsk;
    private BigDecimal bestAskSize;
    private Map<String, Set<String>> channels;

    CoinbaseParser(SymbolMapper symbols, SubscriptionLedger ledger) {
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.ledger = Objects.requireNonNull(ledger, "ledger is null");
        this.events = new AdvancedTradeEvents(symbols);
    }

    @Override
    public void parse(String frame, ParseSink sink) {
        parse((CharSequence) frame, sink);
    }

    /** Reads the frame's characters where they are (the transport's buffer), without a String copy first. */
    @Override
    public void parse(CharSequence frame, ParseSink sink) {
        reset();
        Instant receivedAt = sink.receivedAt();
        try (JsonParser json = reader.open(frame)) {
            if (json.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("a Coinbase frame is a JSON object");
            }
            readFields(json, receivedAt);
        }
        // Exchange frames (and Advanced Trade's error frames) carry a type; Advanced Trade envelopes only a channel
        if (type != null) {
            exchange(sink, receivedAt);
        } else if (channel != null) {
            advancedTrade(sink);
        } else {
            sink.unknown("(no type or channel)");
        }
    }

    /** The top-level keys of both feeds' frames, looked up by index (no String per key). */
    private static final NameTable KEYS = NameTable.of("type", "channel", "product_id", "side", "time", "timestamp",
            "message", "reason", "sequence", "sequence_num", "trade_id", "price", "size", "last_size", "open_24h",
            "high_24h", "low_24h", "volume_24h", "best_bid", "best_bid_size", "best_ask", "best_ask_size", "channels",
            "events");
    private static final int TYPE = 0;
    private static final int CHANNEL = 1;
    private static final int PRODUCT_ID = 2;
    private static final int SIDE = 3;
    private static final int TIME = 4;
    private static final int TIMESTAMP = 5;
    private static final int MESSAGE = 6;
    private static final int REASON = 7;
    private static final int SEQUENCE = 8;
    private static final int SEQUENCE_NUM = 9;
    private static final int TRADE_ID = 10;
    private static final int PRICE = 11;
    private static final int SIZE = 12;
    private static final int LAST_SIZE = 13;
    private static final int OPEN_24H = 14;
    private static final int HIGH_24H = 15;
    private static final int LOW_24H = 16;
    private static final int VOLUME_24H = 17;
    private static final int BEST_BID = 18;
    private static final int BEST_BID_SIZE = 19;
    private static final int BEST_ASK = 20;
    private static final int BEST_ASK_SIZE = 21;
    private static final int CHANNELS = 22;
    private static final int EVENTS = 23;

    private void readFields(JsonParser json, Instant receivedAt) {
        while (json.next() != Event.END_OBJECT) {
            int key = reader.key(KEYS);
            Event value = json.next();
            switch (key) {
                case TYPE: type = repeatedText(json, value); break;
                case CHANNEL: channel = repeatedText(json, value); break;
                case PRODUCT_ID: productId = repeatedText(json, value); break;
                case SIDE: side = repeatedText(json, value); break;
                case TIME: readTime(json, value); break;
                case TIMESTAMP: timestamp = Wire.text(json, value); break;
                case MESSAGE: message = Wire.text(json, value); break;
                case REASON: reason = Wire.text(json, value); break;
                case SEQUENCE: sequence = reader.whole(value); break;
                case SEQUENCE_NUM: sequenceNum = reader.whole(value); break;
                case TRADE_ID: tradeId = reader.whole(value); break;
                case PRICE: price = reader.decimal(value); break;
                case SIZE: size = reader.decimal(value); break;
                case LAST_SIZE: lastSize = reader.decimal(value); break;
                case OPEN_24H: open24h = reader.decimal(value); break;
                case HIGH_24H: high24h = reader.decimal(value); break;
                case LOW_24H: low24h = reader.decimal(value); break;
                case VOLUME_24H: volume24h = reader.decimal(value); break;
                case BEST_BID: bestBid = reader.decimal(value); break;
                case BEST_BID_SIZE: bestBidSize = reader.decimal(value); break;
                case BEST_ASK: bestAsk = reader.decimal(value); break;
                case BEST_ASK_SIZE: bestAskSize = reader.decimal(value); break;
                case CHANNELS: channels = Wire.subscriptions(json, value, null); break;
                case EVENTS: events.read(json, value, receivedAt); break;
                default: JsonFrames.skip(json, value);
            }
        }
    }

    /** A value that repeats from frame to frame (type, channel, product, side): no new String once seen. */
    private String repeatedText(JsonParser json, Event value) {
        if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
            return Wire.text(json, value);
        }
        return reader.text(value);
    }

    /** Reads {@code time} at once for the types that use it (the type comes first), else keeps its text. */
    private void readTime(JsonParser json, Event value) {
        boolean used = "ticker".equals(type) || "match".equals(type) || "last_match".equals(type);
        if (used && value == Event.VALUE_STRING) {
            timeValue = reader.instant(value);
        } else {
            time = Wire.text(json, value);
        }
    }

    /** The exchange time of a ticker or match, read at once or from its kept text. */
    private Instant time() {
        return timeValue != null ? timeValue : Wire.instant(time);
    }

    private void exchange(ParseSink sink, Instant receivedAt) {
        switch (type) {
            case "ticker":
                ticker(sink, receivedAt);
                break;
            case "heartbeat":
                sink.heartbeat();
                break;
            case "match":
            case "last_match":
                match(sink, receivedAt);
                break;
            case "subscriptions":
                ledger.answer(channels != null ? channels : Map.of(), sink);
                break;
            case "error":
                error(sink);
                break;
            default:
                sink.unknown(type);
        }
    }

    private void ticker(ParseSink sink, Instant receivedAt) {
        Instrument instrument = instrument();
        if (sequence != null && !newerTicker(productId, sequence)) {
            return;
        }
        sink.tick(Tick.builder(EXCHANGE, instrument)
                .last(price).lastSize(lastSize)
                .bid(bestBid).bidSize(bestBidSize).ask(bestAsk).askSize(bestAskSize)
                .open(open24h).high(high24h).low(low24h).volume(volume24h)
                .exchangeTime(time()).receivedAt(receivedAt).sequence(sequence)
                .build());
    }

    /**
     * Drops late or repeated tickers only. Coinbase's per-product sequence also counts messages of channels this
     * connection does not subscribe to (the order book), so jumps between tickers are normal and are not gaps.
     */
    private boolean newerTicker(String product, long seq) {
        long[] newest = tickerSequences.get(product);
        if (newest == null) {
            tickerSequences.put(product, new long[] {seq});
            return true;
        }
        if (seq <= newest[0] && newest[0] - seq < RESET_DISTANCE) {
            return false;
        }
        newest[0] = seq;
        return true;
    }

    private void match(ParseSink sink, Instant receivedAt) {
        Instrument instrument = instrument();
        // Coinbase's match names the maker's side; the taker (aggressor) took the other one
        Side takerSide = Wire.side(side).opposite();
        // trade ids of a product are consecutive, so a jump means matches were dropped (Coinbase warns they can be)
        if (tradeId != null && !sink.sequence(tradeStream(productId), instrument, tradeId)) {
            return;
        }
        sink.trade(new Trade(EXCHANGE, instrument, price, size, takerSide,
                tradeId != null ? tradeId.toString() : null, time(), receivedAt));
    }

    private String tradeStream(String product) {
        return tradeStreams.computeIfAbsent(product, p -> "trade_id:" + p);
    }

    private void error(ParseSink sink) {
        String text;
        if (message != null && reason != null) {
            text = message + ": " + reason;
        } else if (message != null || reason != null) {
            text = message != null ? message : reason;
        } else {
            text = "error frame without message or reason";
        }
        if (!ledger.refuse(text, sink)) {
            sink.exchangeError(null, text);
        }
    }

    private void advancedTrade(ParseSink sink) {
        // sequence_num counts the messages of one connection: the runtime keeps it with the connection
        if (sequenceNum != null && !sink.connectionSequence(ENVELOPE_STREAM, null, sequenceNum)) {
            return;
        }
        switch (channel) {
            case "ticker":
            case "ticker_batch":
                events.reportTicks(Wire.instant(timestamp), sequenceNum, sink);
                break;
            case "market_trades":
                events.reportTrades(sink);
                break;
            case "heartbeats":
                // current_time is Go's time.String(), not RFC 3339: deliberately not read
                sink.heartbeat();
                break;
            case "subscriptions":
                ledger.answer(events.subscriptions(), sink);
                break;
            default:
                sink.unknown(channel);
        }
    }

    private Instrument instrument() {
        Instrument instrument = symbols.fromNative(productId);
        if (instrument == null) {
            throw new IllegalArgumentException(type + " product_id '" + productId + "' is not of the form BASE-QUOTE");
        }
        return instrument;
    }

    private void reset() {
        type = null;
        channel = null;
        productId = null;
        side = null;
        time = null;
        timeValue = null;
        timestamp = null;
        message = null;
        reason = null;
        sequence = null;
        sequenceNum = null;
        tradeId = null;
        price = null;
        size = null;
        lastSize = null;
        open24h = null;
        high24h = null;
        low24h = null;
        volume24h = null;
        bestBid = null;
        bestBidSize = null;
        bestAsk = null;
        bestAskSize = null;
        channels = null;
        events.reset();
    }
}
