package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.SymbolMapper;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads KuCoin Spot frames: {@code welcome}, {@code ack}, {@code pong}, {@code error} and the {@code message} pushes of
 * {@code /market/ticker}, {@code /spotMarket/level1}, {@code /market/snapshot} and {@code /market/match}. Routes on
 * {@code type}, then on the topic prefix; everything else is reported as unknown.
 */
final class KuCoinParser implements MessageParser {

    static final String TICKER = "/market/ticker:";
    static final String LEVEL1 = "/spotMarket/level1:";
    static final String SNAPSHOT = "/market/snapshot:";
    static final String MATCH = "/market/match:";

    private final SymbolMapper symbols;
    private final PendingAcks acks;
    private final StreamOrder order;
    private final FrameReader reader = new FrameReader();
    /** The symbol part of each topic seen, so a frame costs no substring (bounded: cleared when it grows large). */
    private final Map<String, String> topicSymbols = new HashMap<>();

    /**
     * @param symbols the symbol mapper
     * @param acks the subscribe messages of this connection waiting for answers (empty outside a connection)
     * @param order the newest number per stream, shared by every connection of the feed
     */
    KuCoinParser(SymbolMapper symbols, PendingAcks acks, StreamOrder order) {
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.acks = Objects.requireNonNull(acks, "acks is null");
        this.order = Objects.requireNonNull(order, "order is null");
    }

    @Override
    public void parse(String frame, ParseSink sink) {
        parse((CharSequence) frame, sink);
    }

    /** Reads the transport's characters in place (no String copy). */
    @Override
    public void parse(CharSequence frame, ParseSink sink) {
        String type = null;
        String topic = null;
        String subject = null;
        String id = null;
        String code = null;
        String text = null;
        DataFields data = null;
        try (JsonParser parser = reader.open(frame)) {
            if (parser.next() != Event.START_OBJECT) {
                throw new IllegalArgumentException("a KuCoin frame must be a JSON object");
            }
            Event event;
            while ((event = parser.next()) != Event.END_OBJECT) {
                String key = reader.key();
                Event value = parser.next();
                switch (key) {
                    case "type" -> type = repeated(parser, value);
                    case "topic" -> topic = repeated(parser, value);
                    case "subject" -> subject = repeated(parser, value);
                    case "id" -> id = scalar(parser, value);
                    case "code" -> code = scalar(parser, value);
                    case "data" -> {
                        if (value == Event.START_OBJECT) {
                            data = DataFields.read(reader);
                        } else {
                            // error frames carry their text in "data"
                            text = scalar(parser, value);
                        }
                    }
                    default -> JsonFrames.skip(parser, value);
                }
            }
        }
        if (type == null) {
            sink.unknown("untyped");
            return;
        }
        switch (type) {
            case "message" -> message(topic, subject, data, sink);
            case "welcome" -> sink.welcome();
            case "pong" -> sink.pong();
            case "ack" -> acks.acknowledged(id, sink);
            case "error" -> error(id, code, text, sink);
            default -> sink.unknown(type);
        }
    }

    private static String scalar(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return null;
        }
        return JsonFrames.text(parser, value);
    }

    /** A value that repeats from frame to frame (type, topic, subject): no new String once seen. */
    private String repeated(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
            return scalar(parser, value);
        }
        return reader.text(value);
    }

    /** The part of a topic after its prefix ({@code SNX-BTC} of {@code /market/ticker:SNX-BTC}). */
    private String symbolOf(String topic, String prefix) {
        String symbol = topicSymbols.get(topic);
        if (symbol == null) {
            if (topicSymbols.size() >= 4096) {
                topicSymbols.clear();
            }
            symbol = topic.substring(prefix.length());
            topicSymbols.put(topic, symbol);
        }
        return symbol;
    }

    private void error(String id, String code, String text, ParseSink sink) {
        if (isTokenError(code, text)) {
            // the token is spent, not the subscription wrong: a new connection bootstraps and subscribes it again
            acks.forget(id);
            sink.exchangeError(code, text);
            sink.reconnectRequested("KuCoin token error " + code + ": " + text);
            return;
        }
        if (!acks.refused(id, "KuCoin error " + code + ": " + text, sink)) {
            sink.exchangeError(code, text);
        }
    }

    /** Whether an error means the connection's token is expired or invalid. */
    static boolean isTokenError(String code, String text) {
        return "401".equals(code) || (text != null && text.toLowerCase(Locale.ROOT).contains("token"));
    }

    private void message(String topic, String subject, DataFields data, ParseSink sink) {
        if (topic == null || data == null) {
            sink.unknown(subject != null ? subject : "message");
            return;
        }
        if (topic.startsWith(TICKER)) {
            ticker(topic, subject, data, sink);
        } else if (topic.startsWith(LEVEL1)) {
            level1(topic, data, sink);
        } else if (topic.startsWith(MATCH)) {
            match(topic, data, sink);
        } else if (topic.startsWith(SNAPSHOT)) {
            snapshot(topic, data, sink);
        } else {
            sink.unknown(subject != null ? subject : "message");
        }
    }

    private void ticker(String topic, String subject, DataFields data, ParseSink sink) {
        String symbol = symbolOf(topic, TICKER);
        String stream = topic;
        if (symbol.equals("all")) {
            // /market/ticker:all names the symbol in the subject only
            symbol = subject;
            stream = TICKER + subject;
        }
        Instrument instrument = symbols.fromNative(symbol);
        if (instrument == null) {
            sink.unknown("trade.ticker for " + symbol);
            return;
        }
        Long sequence = DataFields.whole(data.sequence);
        if (sequence != null && !order.newer(stream, sequence)) {
            return;
        }
        Long millis = DataFields.whole(data.time != null ? data.time : data.timeCapitalized);
        sink.tick(Tick.builder(KuCoinProvider.ID, instrument)
                .last(data.price())
                .lastSize(data.size())
                .bid(data.bestBid())
                .bidSize(data.bestBidSize())
                .ask(data.bestAsk())
                .askSize(data.bestAskSize())
                .exchangeTime(millis == null ? null : Instant.ofEpochMilli(millis))
                .sequence(sequence)
                .receivedAt(sink.receivedAt())
                .build());
    }

    private void level1(String topic, DataFields data, ParseSink sink) {
        Instrument instrument = symbols.fromNative(symbolOf(topic, LEVEL1));
        if (instrument == null) {
            sink.unknown("level1 for " + topic);
            return;
        }
        Long millis = DataFields.whole(data.timestamp);
        if (millis != null && !order.notOlder(topic, millis)) {
            return;
        }
        sink.tick(Tick.builder(KuCoinProvider.ID, instrument)
                .bid(DataFields.decimal(data.bidPrice))
                .bidSize(DataFields.decimal(data.bidSize))
                .ask(DataFields.decimal(data.askPrice))
                .askSize(DataFields.decimal(data.askSize))
                .exchangeTime(millis == null ? null : Instant.ofEpochMilli(millis))
                .receivedAt(sink.receivedAt())
                .build());
    }

    /**
     * The 24 h statistics with the snapshot's {@code lastTradedPrice}, {@code buy} and {@code sell}: reported as
     * statistics, so those quotes (up to 2 s old) only fill what the ticker and level-1 topics have not set more
     * recently, and a feed or a replay of snapshots alone still has a last price, bid and ask.
     */
    private void snapshot(String topic, DataFields outer, ParseSink sink) {
        DataFields data = outer.inner;
        if (data == null) {
            sink.unknown("trade.snapshot without data");
            return;
        }
        Instrument instrument = symbols.fromNative(data.symbol != null ? data.symbol
                : symbolOf(topic, SNAPSHOT));
        if (instrument == null) {
            sink.unknown("trade.snapshot for " + topic);
            return;
        }
        Long millis = DataFields.whole(data.datetime);
        sink.statistics(Tick.builder(KuCoinProvider.ID, instrument)
                .last(DataFields.decimal(data.lastTradedPrice))
                .bid(DataFields.decimal(data.buy))
                .bidSize(DataFields.decimal(data.bidSize))
                .ask(DataFields.decimal(data.sell))
                .askSize(DataFields.decimal(data.askSize))
                .open(DataFields.decimal(data.open))
                .high(DataFields.decimal(data.high))
                .low(DataFields.decimal(data.low))
                .volume(DataFields.decimal(data.vol))
                .quoteVolume(DataFields.decimal(data.volValue))
                .vwap(DataFields.decimal(data.averagePrice))
                .exchangeTime(millis == null ? null : Instant.ofEpochMilli(millis))
                .receivedAt(sink.receivedAt())
                .build());
    }

    private void match(String topic, DataFields data, ParseSink sink) {
        Instrument instrument = symbols.fromNative(data.symbol != null ? data.symbol
                : symbolOf(topic, MATCH));
        if (instrument == null) {
            sink.unknown("trade.l3match for " + topic);
            return;
        }
        Long sequence = DataFields.whole(data.sequence);
        if (sequence != null && !order.newer(topic, sequence)) {
            return;
        }
        Long nanos = DataFields.whole(data.time);
        sink.trade(new Trade(KuCoinProvider.ID, instrument,
                data.price(),
                data.size(),
                side(data.side),
                data.tradeId,
                nanos == null ? null : Instant.ofEpochSecond(0, nanos),
                sink.receivedAt()));
    }

    /** KuCoin's {@code side} of a match is the taker's, as {@link Trade#side()} wants. */
    private static Side side(String side) {
        if ("buy".equals(side)) {
            return Side.BUY;
        }
        if ("sell".equals(side)) {
            return Side.SELL;
        }
        return null;
    }
}
