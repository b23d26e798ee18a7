package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Side;
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
    /** The prices of the ticker payload being read, reused frame after frame. */
    private final KrakenV1Ticker ticker;

    KrakenV1Parser(KrakenConnectionState state, FrameReader reader) {
        this.state = state;
        this.reader = reader;
        this.ticker = new KrakenV1Ticker(reader);
    }

    /**
     * Reads an array frame whose {@code START_ARRAY} the reader's parser just read. Its channel name and pair follow
     * the payload, so a ticker payload (an object in second place) is read in this one pass and held until they are
     * known; only a trade payload, rare in recordings, is read in a second pass.
     */
    void parseArray(JsonParser parser, CharSequence frame, ParseSink sink) {
        String channelName = null;
        String pair = null;
        boolean objectPayload = false;
        boolean arrayPayload = false;
        int index = 0;
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            if (event == Event.VALUE_STRING) {
                channelName = pair;
                pair = reader.text(event);
            } else if (index == 1 && event == Event.START_OBJECT) {
                ticker.read();
                objectPayload = true;
            } else {
                arrayPayload |= index == 1 && event == Event.START_ARRAY;
                JsonFrames.skip(parser, event);
            }
            index++;
        }
        Instrument instrument = state.instrument(pair);
        if (channelName == null || instrument == null) {
            sink.unknown("v1 array");
        } else if (channelName.equals("ticker") && objectPayload) {
            sink.tick(ticker.toTick(instrument, sink.receivedAt()));
        } else if (channelName.equals("trade") && arrayPayload) {
            try (JsonParser second = reader.open(frame)) {
                second.next();
                JsonFrames.skip(second, second.next());
                second.next();
                trades(second, instrument, sink);
            }
        } else {
            sink.unknown("v1 " + channelName);
        }
        ticker.clear();
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
