package dev.pricefeed.exchange.binance;

import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import java.util.Objects;

/**
 * Reads Binance market-stream frames: combined envelopes ({@code {"stream":..,"data":..}}) and raw events, request
 * replies ({@code {"result":null,"id":1}}) and errors (flat {@code {"code":..,"msg":..,"id":..}} as documented, or
 * nested under {@code "error"} as the servers send them). Events are routed by their {@code e} field; a
 * {@code bookTicker} has none and is recognised by its stream name or its key set. One instance per connection,
 * used by one thread at a time.
 */
final class BinanceParser implements MessageParser {

    /** The unknown-type label for events whose symbol neither the feed nor the catalog knows. */
    static final String UNMAPPED_SYMBOL = "unmapped-symbol";

    private final BinanceSymbols symbols;
    private final PendingRequests pending;
    private final QuoteOrder quoteOrder;
    private final EventFields fields = new EventFields();
    private final FrameReader reader = new FrameReader();

    BinanceParser(BinanceSymbols symbols, PendingRequests pending, QuoteOrder quoteOrder) {
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        this.pending = Objects.requireNonNull(pending, "pending is null");
        this.quoteOrder = Objects.requireNonNull(quoteOrder, "quoteOrder is null");
    }

    @Override
    public void parse(String frame, ParseSink sink) {
        parse((CharSequence) frame, sink);
    }

    /** Reads the frame's characters where they are (the transport's buffer), without a String copy first. */
    @Override
    public void parse(CharSequence frame, ParseSink sink) {
        fields.clear();
        String stream = null;
        String id = null;
        String code = null;
        String msg = null;
        boolean reply = false;
        boolean dataIsObject = true;
        try (JsonParser parser = reader.open(frame)) {
            JsonParser.Event first = parser.next();
            if (first != JsonParser.Event.START_OBJECT) {
                sink.unknown(first == JsonParser.Event.START_ARRAY ? "array" : "scalar");
                return;
            }
            while (parser.next() != JsonParser.Event.END_OBJECT) {
                int key = reader.key(EventFields.KEYS);
                JsonParser.Event value = parser.next();
                switch (key) {
                    case EventFields.STREAM -> stream = reader.text(value);
                    case EventFields.DATA -> {
                        if (value == JsonParser.Event.START_OBJECT) {
                            fields.readObject(reader, parser);
                        } else {
                            // array streams such as !miniTicker@arr are not subscribed by this connector
                            JsonFrames.skip(parser, value);
                            dataIsObject = false;
                        }
                    }
                    case EventFields.RESULT -> {
                        reply = true;
                        JsonFrames.skip(parser, value);
                    }
                    case EventFields.ID -> id = JsonFrames.text(parser, value);
                    case EventFields.CODE -> code = JsonFrames.text(parser, value);
                    case EventFields.MSG -> msg = JsonFrames.text(parser, value);
                    case EventFields.ERROR -> {
                        if (value == JsonParser.Event.START_OBJECT) {
                            String[] error = readError(parser);
                            code = error[0];
                            msg = error[1];
                        } else {
                            msg = JsonFrames.text(parser, value);
                            code = "";
                        }
                    }
                    default -> fields.read(key, reader, value);
                }
            }
        }
        if (code != null) {
            error(id, code.isEmpty() ? null : code, msg, sink);
        } else if (reply || (id != null && fields.isEmpty())) {
            reply(id, sink);
        } else if (!dataIsObject) {
            sink.unknown(stream != null ? stream : "data");
        } else if (fields.isEmpty()) {
            sink.unknown("empty");
        } else {
            event(stream, sink);
        }
    }

    private static String[] readError(JsonParser parser) {
        String[] error = new String[2];
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if ("code".equals(key)) {
                error[0] = JsonFrames.text(parser, value);
            } else if ("msg".equals(key)) {
                error[1] = JsonFrames.text(parser, value);
            } else {
                JsonFrames.skip(parser, value);
            }
        }
        return error;
    }

    private void reply(String id, ParseSink sink) {
        PendingRequests.Request request = pending.complete(id);
        if (request == null) {
            // a reply to a request this connection did not send (LIST_SUBSCRIPTIONS, a replayed recording)
            sink.unknown("reply");
            return;
        }
        if (request.method() == PendingRequests.Method.SUBSCRIBE) {
            for (Subscription subscription : request.subscriptions()) {
                sink.subscribed(subscription.channel(), subscription.instrument());
            }
        } else {
            sink.heartbeat();
        }
    }

    private void error(String id, String code, String msg, ParseSink sink) {
        PendingRequests.Request request = pending.complete(id);
        if (request == null || request.method() != PendingRequests.Method.SUBSCRIBE) {
            sink.exchangeError(code, msg == null ? "" : msg);
            return;
        }
        if (request.subscriptions().size() > 1) {
            // Binance refuses the whole SUBSCRIBE without saying which stream: each goes again on its own, so the
            // others stream and the refused one is named by its own error reply
            sink.resubscribeSeparately(request.subscriptions());
            return;
        }
        String reason = "Binance error " + code + ": " + (msg == null ? "" : msg);
        for (Subscription subscription : request.subscriptions()) {
            sink.subscribeFailed(subscription.channel(), subscription.instrument(), reason);
        }
    }

    private void event(String stream, ParseSink sink) {
        String type = fields.e;
        if (type == null) {
            boolean bookTicker = stream != null ? stream.endsWith("@bookTicker")
                    : fields.u != null && fields.b != null && fields.a != null;
            if (bookTicker) {
                bookTicker(sink);
            } else {
                sink.unknown(stream != null ? stream : "untyped");
            }
            return;
        }
        switch (type) {
            case "24hrTicker" -> ticker(sink, true);
            case "24hrMiniTicker" -> ticker(sink, false);
            case "trade" -> trade(sink, false);
            case "aggTrade" -> trade(sink, true);
            case "serverShutdown" -> sink.reconnectRequested("Binance announced a server shutdown (serverShutdown)");
            default -> sink.unknown(type);
        }
    }

    private void ticker(ParseSink sink, boolean full) {
        BinanceSymbols.Entry entry = symbols.entry(fields.s);
        if (entry == null) {
            sink.unknown(UNMAPPED_SYMBOL);
            return;
        }
        Tick.Builder tick = Tick.builder(BinanceProvider.ID, entry.instrument())
                .last(EventFields.decimal(fields.cValue, fields.c))
                .open(EventFields.decimal(fields.oValue, fields.o))
                .high(EventFields.decimal(fields.hValue, fields.h))
                .low(EventFields.decimal(fields.lValue, fields.l))
                .volume(EventFields.decimal(fields.vValue, fields.v))
                .quoteVolume(EventFields.decimal(fields.qValue, fields.q))
                .exchangeTime(fields.eventTime())
                .receivedAt(sink.receivedAt());
        if (full) {
            tick.lastSize(EventFields.decimal(fields.bigQValue, fields.bigQ))
                    .vwap(EventFields.decimal(fields.wValue, fields.w));
            // statistics: the cache lets the 1 s ticker's book snapshot fill in, never overwrite bookTicker's quotes
            tick.bid(EventFields.decimal(fields.bValue, fields.b))
                    .bidSize(EventFields.decimal(fields.bigBValue, fields.bigB))
                    .ask(EventFields.decimal(fields.aValue, fields.a))
                    .askSize(EventFields.decimal(fields.bigAValue, fields.bigA));
        }
        sink.statistics(tick.build());
    }

    private void bookTicker(ParseSink sink) {
        BinanceSymbols.Entry entry = symbols.entry(fields.s);
        if (entry == null) {
            sink.unknown(UNMAPPED_SYMBOL);
            return;
        }
        long updateId = Long.parseLong(fields.u);
        if (!quoteOrder.advance(entry.symbol(), updateId)) {
            return;
        }
        sink.tick(Tick.builder(BinanceProvider.ID, entry.instrument())
                .bid(EventFields.decimal(fields.bValue, fields.b))
                .bidSize(EventFields.decimal(fields.bigBValue, fields.bigB))
                .ask(EventFields.decimal(fields.aValue, fields.a))
                .askSize(EventFields.decimal(fields.bigAValue, fields.bigA))
                .sequence(updateId)
                .receivedAt(sink.receivedAt())
                .build());
    }

    private void trade(ParseSink sink, boolean aggregate) {
        BinanceSymbols.Entry entry = symbols.entry(fields.s);
        if (entry == null) {
            sink.unknown(UNMAPPED_SYMBOL);
            return;
        }
        String id = aggregate ? fields.a : fields.t;
        if (id != null && !sink.sequence(aggregate ? entry.aggTradeStream() : entry.tradeStream(), entry.instrument(),
                Long.parseLong(id))) {
            return;
        }
        // m: the buyer was the maker, so the aggressor sold
        Side side = "true".equals(fields.m) ? Side.SELL : Side.BUY;
        sink.trade(new Trade(BinanceProvider.ID, entry.instrument(), EventFields.decimal(fields.pValue, fields.p),
                EventFields.decimal(fields.qValue, fields.q), side, id, fields.tradeTime(), sink.receivedAt()));
    }
}
