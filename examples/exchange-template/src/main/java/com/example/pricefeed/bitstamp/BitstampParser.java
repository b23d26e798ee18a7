package com.example.pricefeed.bitstamp;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Reads Bitstamp frames: {@code {"event":..,"channel":..,"data":{..}}} in any member order. One pass with the
 * streaming parser collects the few data members any event uses, then the event decides what they mean.
 */
final class BitstampParser implements MessageParser {

    private final BitstampSymbols symbols;
    private final boolean ticker;
    private final boolean trades;

    /**
     * Creates a parser.
     *
     * @param symbols maps pair names back to instruments
     * @param ticker whether trades and book tops update the ticker
     * @param trades whether trades are reported as trades
     */
    BitstampParser(BitstampSymbols symbols, boolean ticker, boolean trades) {
        this.symbols = symbols;
        this.ticker = ticker;
        this.trades = trades;
    }

    /** The members of one frame that any event uses; everything else is skipped. */
    private static final class Frame {
        String event;
        String channel;
        String id;
        BigDecimal price;
        BigDecimal amount;
        String type;
        String microtimestamp;
        BigDecimal[] bid;
        BigDecimal[] ask;
        String code;
        String message;
    }

    @Override
    public void parse(String text, ParseSink sink) {
        Frame frame = new Frame();
        try (JsonParser parser = JsonFrames.parser(text)) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IllegalArgumentException("a Bitstamp frame is a JSON object");
            }
            for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                switch (key) {
                    case "event" -> frame.event = JsonFrames.text(parser, value);
                    case "channel" -> frame.channel = JsonFrames.text(parser, value);
                    case "data" -> {
                        if (value == JsonParser.Event.START_OBJECT) {
                            readData(parser, frame);
                        } else {
                            JsonFrames.skip(parser, value);
                        }
                    }
                    default -> JsonFrames.skip(parser, value);
                }
            }
        }
        dispatch(frame, sink);
    }

    private static void readData(JsonParser parser, Frame frame) {
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            switch (key) {
                // the *_str members carry the exact text; the plain ones are JSON numbers of the same value
                case "price_str" -> frame.price = JsonFrames.decimal(parser, value);
                case "amount_str" -> frame.amount = JsonFrames.decimal(parser, value);
                case "price" -> frame.price = frame.price != null ? frame.price : JsonFrames.decimal(parser, value);
                case "amount" -> frame.amount = frame.amount != null ? frame.amount : JsonFrames.decimal(parser, value);
                case "id" -> frame.id = JsonFrames.text(parser, value);
                case "type" -> frame.type = JsonFrames.text(parser, value);
                case "microtimestamp" -> frame.microtimestamp = JsonFrames.text(parser, value);
                case "bids" -> frame.bid = firstLevel(parser, value);
                case "asks" -> frame.ask = firstLevel(parser, value);
                case "code" -> frame.code = JsonFrames.text(parser, value);
                case "message" -> frame.message = JsonFrames.text(parser, value);
                default -> JsonFrames.skip(parser, value);
            }
        }
    }

    /** The first {@code [price, amount]} level of a book side, skipping the others; {@code null} when empty. */
    private static BigDecimal[] firstLevel(JsonParser parser, JsonParser.Event value) {
        if (value != JsonParser.Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return null;
        }
        BigDecimal[] level = null;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            if (level == null && event == JsonParser.Event.START_ARRAY) {
                BigDecimal price = JsonFrames.decimal(parser, parser.next());
                BigDecimal amount = JsonFrames.decimal(parser, parser.next());
                parser.skipArray();
                level = new BigDecimal[] {price, amount};
            } else {
                JsonFrames.skip(parser, event);
            }
        }
        return level;
    }

    private void dispatch(Frame frame, ParseSink sink) {
        String event = frame.event == null ? "" : frame.event;
        Instrument instrument = symbols.fromNative(BitstampChannels.pairOf(frame.channel));
        switch (event) {
            case "trade" -> trade(frame, instrument, sink);
            case "data" -> bookTop(frame, instrument, sink);
            case "bts:heartbeat" -> sink.pong();
            case "bts:subscription_succeeded" -> {
                if (instrument != null) {
                    sink.subscribed(channelOf(frame.channel), instrument);
                } else {
                    sink.heartbeat();
                }
            }
            case "bts:unsubscription_succeeded" -> sink.heartbeat();
            case "bts:request_reconnect" -> sink.reconnectRequested("Bitstamp asked the client to reconnect");
            case "bts:error" -> {
                String message = frame.message != null ? frame.message : "error without a message";
                if (instrument != null) {
                    sink.subscribeFailed(channelOf(frame.channel), instrument, message);
                } else {
                    sink.exchangeError(frame.code, message);
                }
            }
            default -> sink.unknown(event.isEmpty() ? "(no event)" : event);
        }
    }

    private Channel channelOf(String channel) {
        return channel.startsWith(BitstampChannels.LIVE_TRADES) && trades ? Channel.TRADES : Channel.TICKER;
    }

    private void trade(Frame frame, Instrument instrument, ParseSink sink) {
        if (instrument == null || frame.price == null || frame.amount == null) {
            sink.unknown("trade");
            return;
        }
        Instant time = micros(frame.microtimestamp);
        if (trades) {
            // type 0 is a buy and 1 a sell, from the taker's side
            Side side = "0".equals(frame.type) ? Side.BUY : "1".equals(frame.type) ? Side.SELL : null;
            sink.trade(new Trade(BitstampProvider.ID, instrument, frame.price, frame.amount, side, frame.id, time,
                    sink.receivedAt()));
        }
        if (ticker) {
            sink.tick(Tick.builder(BitstampProvider.ID, instrument).last(frame.price).lastSize(frame.amount)
                    .exchangeTime(time).receivedAt(sink.receivedAt()).build());
        }
    }

    private void bookTop(Frame frame, Instrument instrument, ParseSink sink) {
        if (instrument == null || !ticker) {
            sink.unknown("data");
            return;
        }
        Tick.Builder tick = Tick.builder(BitstampProvider.ID, instrument)
                .exchangeTime(micros(frame.microtimestamp)).receivedAt(sink.receivedAt());
        if (frame.bid != null) {
            tick.bid(frame.bid[0]).bidSize(frame.bid[1]);
        }
        if (frame.ask != null) {
            tick.ask(frame.ask[0]).askSize(frame.ask[1]);
        }
        sink.tick(tick.build());
    }

    private static Instant micros(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        long micros = Long.parseLong(text);
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1_000);
    }
}
