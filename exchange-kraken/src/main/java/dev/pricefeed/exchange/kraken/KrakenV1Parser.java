package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads Kraken WebSocket v1 frames, found in older recordings: {@code [channelID, payload, channelName, pair]}
 * arrays for ticker and trade, and {@code event} objects (heartbeat, systemStatus, pong, subscriptionStatus). Live
 * connections use v2; this keeps replays of v1 recordings exact.
 */
final class KrakenV1Parser {

    private final KrakenConnectionState state;
    /** The frame reader of the {@link KrakenParser} this belongs to. */
    private final FrameReader reader;

    KrakenV1Parser(KrakenConnectionState state, FrameReader reader) {
        this.state = state;
        this.reader = reader;
    }

    /**
     * Reads an array frame whose {@code START_ARRAY} the reader's parser just read; its channel name and pair follow
     * the payload, so the payload is read in a second pass.
     */
    void parseArray(JsonParser first, String frame, ParseSink sink) {
        String channelName = null;
        String pair = null;
        Event event;
        while ((event = first.next()) != Event.END_ARRAY) {
            if (event == Event.VALUE_STRING) {
                channelName = pair;
                pair = reader.text(event);
            } else {
                JsonFrames.skip(first, event);
            }
        }
        Instrument instrument = state.instrument(pair);
        if (channelName == null || instrument == null) {
            sink.unknown("v1 array");
            return;
        }
        if (!channelName.equals("ticker") && !channelName.equals("trade")) {
            sink.unknown("v1 " + channelName);
            return;
        }
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            JsonFrames.skip(parser, parser.next());
            Event payload = parser.next();
            if (channelName.equals("ticker") && payload == Event.START_OBJECT) {
                ticker(parser, instrument, sink);
            } else if (channelName.equals("trade") && payload == Event.START_ARRAY) {
                trades(parser, instrument, sink);
            } else {
                sink.unknown("v1 " + channelName);
            }
        }
    }

    private void ticker(JsonParser parser, Instrument instrument, ParseSink sink) {
        Tick.Builder tick = Tick.builder(KrakenProvider.ID, instrument).receivedAt(sink.receivedAt());
        BigDecimal[] values = new BigDecimal[3];
        while (parser.next() != Event.END_OBJECT) {
            String name = reader.key();
            Event value = parser.next();
            if (value != Event.START_ARRAY) {
                JsonFrames.skip(parser, value);
                continue;
            }
            readWanted(parser, values, wanted(name));
            // a/b are [price, whole lot volume, lot volume]; c is [price, lot volume]; others [today, last 24 h].
            switch (name) {
                case "a" -> tick.ask(values[0]).askSize(values[2]);
                case "b" -> tick.bid(values[0]).bidSize(values[2]);
                case "c" -> tick.last(values[0]).lastSize(values[1]);
                case "v" -> tick.volume(values[1]);
                case "p" -> tick.vwap(values[1]);
                case "l" -> tick.low(values[1]);
                case "h" -> tick.high(values[1]);
                case "o" -> tick.open(values[1]);
                default -> {
                    // t (trade counts) carries no price.
                }
            }
        }
        sink.tick(tick.build());
    }

    /** Reads the array just entered into {@code values} by position, null where it has no number. */
    static void readArray(JsonParser parser, BigDecimal[] values) {
        Arrays.fill(values, null);
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i < values.length && (event == Event.VALUE_NUMBER || event == Event.VALUE_STRING)) {
                values[i] = JsonFrames.decimal(parser, event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
    }

    /** The positions of a ticker field's array that hold what a tick takes (bit i for position i). */
    private static int wanted(String name) {
        return switch (name) {
            case "a", "b" -> 0b101;
            case "c" -> 0b011;
            case "v", "p", "l", "h", "o" -> 0b010;
            default -> 0;
        };
    }

    /**
     * Reads the wanted positions of the array just entered into {@code values} (bit i for position i), null where
     * it has no number or is not wanted.
     */
    private void readWanted(JsonParser parser, BigDecimal[] values, int wanted) {
        Arrays.fill(values, null);
        int i = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (i < values.length && (wanted & (1 << i)) != 0
                    && (event == Event.VALUE_NUMBER || event == Event.VALUE_STRING)) {
                values[i] = reader.decimal(event);
            } else {
                JsonFrames.skip(parser, event);
            }
            i++;
        }
    }

    /** Each trade is {@code [price, volume, time, side, orderType, misc]}; v1 trades carry no id. */
    private void trades(JsonParser parser, Instrument instrument, ParseSink sink) {
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event != Event.START_ARRAY) {
                JsonFrames.skip(parser, event);
                continue;
            }
            BigDecimal price = null;
            BigDecimal size = null;
            Instant time = null;
            Side side = null;
            int i = 0;
            Event field;
            while ((field = parser.next()) != Event.END_ARRAY) {
                switch (i++) {
                    case 0 -> price = reader.decimal(field);
                    case 1 -> size = reader.decimal(field);
                    case 2 -> time = KrakenTime.epochSeconds(JsonFrames.text(parser, field));
                    case 3 -> side = KrakenRows.side(JsonFrames.text(parser, field));
                    default -> JsonFrames.skip(parser, field);
                }
            }
            if (price != null && size != null) {
                sink.trade(new Trade(KrakenProvider.ID, instrument, price, size, side, null, time,
                        sink.receivedAt()));
            }
        }
    }

    /** Reports a v1 {@code event} object. */
    void onEvent(KrakenFrame f, ParseSink sink) {
        switch (f.event) {
            case "heartbeat", "systemStatus" -> sink.heartbeat();
            case "pong" -> sink.pong();
            case "subscriptionStatus" -> subscriptionStatus(f, sink);
            case "error" -> sink.exchangeError(null, f.errorMessage != null ? f.errorMessage : "error");
            default -> sink.unknown(f.event);
        }
    }

    private void subscriptionStatus(KrakenFrame f, ParseSink sink) {
        Channel channel = KrakenMessages.channelOf(f.subscriptionName != null ? f.subscriptionName : f.channelName);
        Instrument instrument = state.instrument(f.pair);
        if (channel == null || (!channel.isPrivate() && instrument == null)) {
            sink.unknown("subscriptionStatus");
        } else if ("subscribed".equals(f.status)) {
            sink.subscribed(channel, channel.isPrivate() ? null : instrument);
        } else if ("error".equals(f.status)) {
            sink.subscribeFailed(channel, channel.isPrivate() ? null : instrument,
                    f.errorMessage != null ? f.errorMessage : "subscription refused");
        } else {
            sink.unknown("subscriptionStatus " + f.status);
        }
    }
}
