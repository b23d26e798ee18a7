package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Kraken WebSocket v2 frames (and, for old recordings, v1 frames) with the streaming JSON parser: ticker, trade,
 * balances and executions data, subscribe acks, pongs, status and heartbeats. Numbers are kept exact from their
 * text, and {@code connection_id} (an unsigned 64-bit number) is never read as a {@code long}.
 */
public final class KrakenParser implements MessageParser {

    private static final Logger LOG = LoggerFactory.getLogger(KrakenParser.class);
    /** The category of Kraken's session errors: {@code ESession:Invalid session} for an expired or unknown token. */
    private static final String SESSION_ERROR = "ESession:";

    private final KrakenConnectionState state;
    private final KrakenRows rows;
    private final KrakenV1Parser v1;
    /** Every pass over a frame goes through this reader, so the rows can read its keys and strings in place. */
    private final FrameReader reader = new FrameReader();

    KrakenParser(KrakenConnectionState state) {
        this.state = requireNonNull(state, "state is null");
        this.rows = new KrakenRows(state, reader);
        this.v1 = new KrakenV1Parser(state, reader);
    }

    @Override
    public void parse(String frame, ParseSink sink) {
        parse((CharSequence) frame, sink);
    }

    /** Reads the transport's characters in place (no String copy); a deferred second pass reads them again. */
    @Override
    public void parse(CharSequence frame, ParseSink sink) {
        KrakenFrame f;
        try (JsonParser parser = reader.open(frame)) {
            Event first = parser.next();
            if (first == Event.START_ARRAY) {
                // v1 array frames: read by the v1 parser from the start, through the same reader
                v1.parseArray(parser, frame, sink);
                return;
            }
            if (first != Event.START_OBJECT) {
                sink.unknown("scalar");
                return;
            }
            // only object frames gather a header: a v1 array frame costs no KrakenFrame
            f = new KrakenFrame();
            readTop(parser, f, sink);
        }
        if (f.dataDeferred && !readDeferred(frame, f, sink)) {
            return;
        }
        dispatch(f, sink);
    }

    private void readTop(JsonParser parser, KrakenFrame f, ParseSink sink) {
        while (parser.next() != Event.END_OBJECT) {
            String name = reader.key();
            Event value = parser.next();
            switch (name) {
                case "channel":
                    f.channel = value == Event.VALUE_STRING ? reader.text(value) : JsonFrames.text(parser, value);
                    break;
                case "type":
                    f.type = value == Event.VALUE_STRING ? reader.text(value) : scalar(parser, value);
                    break;
                case "method":
                    f.method = scalar(parser, value);
                    break;
                case "success":
                    f.success = value == Event.VALUE_TRUE ? Boolean.TRUE
                            : value == Event.VALUE_FALSE ? Boolean.FALSE : null;
                    JsonFrames.skip(parser, value);
                    break;
                case "error":
                case "Error":
                    f.error = scalar(parser, value);
                    break;
                case "symbol":
                    f.symbol = scalar(parser, value);
                    break;
                case "req_id":
                    if (value == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                        f.requestId = parser.getLong();
                    }
                    JsonFrames.skip(parser, value);
                    break;
                case "sequence":
                    if (value == Event.VALUE_NUMBER && parser.isIntegralNumber()) {
                        f.hasSequence = true;
                        f.sequence = parser.getLong();
                    }
                    JsonFrames.skip(parser, value);
                    break;
                case "result":
                    readResult(parser, value, f);
                    break;
                case "data":
                    readData(parser, value, f, sink);
                    break;
                case "event":
                    f.event = scalar(parser, value);
                    break;
                case "status":
                    f.status = scalar(parser, value);
                    break;
                case "pair":
                    f.pair = scalar(parser, value);
                    break;
                case "channelName":
                    f.channelName = scalar(parser, value);
                    break;
                case "errorMessage":
                    f.errorMessage = scalar(parser, value);
                    break;
                case "subscription":
                    readSubscription(parser, value, f);
                    break;
                default:
                    JsonFrames.skip(parser, value);
            }
        }
    }

    /** A scalar as text, or {@code null} (skipping it) when it is an object or array. */
    private static String scalar(JsonParser parser, Event value) {
        if (value == Event.START_OBJECT || value == Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return null;
        }
        return JsonFrames.text(parser, value);
    }

    private static void readResult(JsonParser parser, Event value, KrakenFrame f) {
        if (value != Event.START_OBJECT) {
            JsonFrames.skip(parser, value);
            return;
        }
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event inner = parser.next();
            if (name.equals("channel")) {
                f.resultChannel = scalar(parser, inner);
            } else if (name.equals("symbol")) {
                f.resultSymbol = scalar(parser, inner);
            } else {
                JsonFrames.skip(parser, inner);
            }
        }
    }

    private static void readSubscription(JsonParser parser, Event value, KrakenFrame f) {
        if (value != Event.START_OBJECT) {
            JsonFrames.skip(parser, value);
            return;
        }
        while (parser.next() != Event.END_OBJECT) {
            String name = parser.getString();
            Event inner = parser.next();
            if (name.equals("name")) {
                f.subscriptionName = scalar(parser, inner);
            } else {
                JsonFrames.skip(parser, inner);
            }
        }
    }

    /**
     * Market data is read in this first pass when channel and type came before it (as Kraken sends them); account
     * data always waits for the second pass, because its {@code sequence} may follow the data and decides whether
     * the frame is delivered at all.
     */
    private void readData(JsonParser parser, Event value, KrakenFrame f, ParseSink sink) {
        if (value != Event.START_ARRAY) {
            JsonFrames.skip(parser, value);
            return;
        }
        String channel = f.channel;
        if (channel == null) {
            f.dataDeferred = true;
            JsonFrames.skipRest(parser);
        } else if ((channel.equals("ticker") || channel.equals("trade")) && f.type != null) {
            rows.read(parser, f, sink);
        } else if (channel.equals("status")) {
            rows.read(parser, f, sink);
        } else {
            f.dataDeferred = KrakenRows.reads(channel);
            JsonFrames.skipRest(parser);
        }
    }

    /** The second pass over a frame whose data waited for its header; returns {@code false} to drop the frame. */
    private boolean readDeferred(CharSequence frame, KrakenFrame f, ParseSink sink) {
        if (!KrakenRows.reads(f.channel)) {
            return true;
        }
        Channel account = KrakenMessages.channelOf(f.channel);
        if (account != null && account.isPrivate() && f.hasSequence
                && !sink.connectionSequence(state.accountStream(account), null, f.sequence)) {
            return false;
        }
        try (JsonParser parser = reader.open(frame)) {
            parser.next();
            while (parser.next() != Event.END_OBJECT) {
                String name = parser.getString();
                Event value = parser.next();
                if (name.equals("data") && value == Event.START_ARRAY) {
                    rows.read(parser, f, sink);
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        }
        return true;
    }

    private void dispatch(KrakenFrame f, ParseSink sink) {
        if (f.method != null) {
            onMethod(f, sink);
        } else if (f.channel != null) {
            onChannel(f, sink);
        } else if (f.event != null) {
            v1.onEvent(f, sink);
        } else if (f.error != null) {
            sink.exchangeError(null, f.error);
        } else {
            sink.unknown("object");
        }
    }

    private void onMethod(KrakenFrame f, ParseSink sink) {
        switch (f.method) {
            case "subscribe":
                if (Boolean.TRUE.equals(f.success)) {
                    onSubscribed(f, sink);
                } else if (Boolean.FALSE.equals(f.success) || f.error != null) {
                    onSubscribeFailed(f, sink);
                } else {
                    // A request rather than an answer, as found in recordings of both directions.
                    sink.unknown("subscribe request");
                }
                break;
            case "pong":
                sink.pong();
                break;
            case "unsubscribe":
                sink.unknown("unsubscribe");
                break;
            default:
                if (f.error != null) {
                    sink.exchangeError(f.method, f.error);
                } else {
                    sink.unknown(f.method);
                }
        }
    }

    private void onSubscribed(KrakenFrame f, ParseSink sink) {
        KrakenConnectionState.Request request = state.request(f.requestId);
        Channel channel = KrakenMessages.channelOf(f.resultChannel);
        if (channel == null && request != null) {
            channel = request.channel();
        }
        if (channel == null) {
            sink.unknown("subscribe");
            return;
        }
        if (channel.isPrivate()) {
            state.tokenAccepted();
            sink.subscribed(channel, null);
            return;
        }
        Instrument instrument = state.instrument(f.resultSymbol != null ? f.resultSymbol : f.symbol);
        if (instrument != null) {
            sink.subscribed(channel, instrument);
        } else if (request != null) {
            request.instruments().forEach(i -> sink.subscribed(request.channel(), i));
        } else {
            sink.unknown("subscribe");
        }
    }

    /** Kraken names the failed symbol but not the channel; the {@code req_id} this connection sent tells it. */
    private void onSubscribeFailed(KrakenFrame f, ParseSink sink) {
        String reason = f.error != null ? f.error : "subscribe refused without a reason";
        KrakenConnectionState.Request request = state.request(f.requestId);
        Instrument instrument = state.instrument(f.symbol != null ? f.symbol : f.resultSymbol);
        Channel channel = KrakenMessages.channelOf(f.resultChannel);
        if (channel == null && request != null) {
            channel = request.channel();
        }
        if (channel == null) {
            channel = state.onlyChannelFor(instrument);
        }
        if (channel == null) {
            sink.exchangeError("subscribe", f.symbol != null ? reason + " (" + f.symbol + ")" : reason);
        } else if (channel.isPrivate()) {
            privateRefused(channel, reason, sink);
        } else if (instrument != null) {
            sink.subscribeFailed(channel, instrument, reason);
        } else if (request != null && !request.instruments().isEmpty()) {
            Channel failed = channel;
            request.instruments().forEach(i -> sink.subscribeFailed(failed, i, reason));
        } else {
            sink.exchangeError("subscribe", reason);
        }
    }

    /**
     * A private subscription refused: a refused token ({@code ESession:...}, expired before use or revoked) is renewed
     * by reconnecting, as every connect fetches a fresh one; any other reason, or a fresh token refused as well, is
     * the subscription's failure. The token itself is never in the words.
     */
    private void privateRefused(Channel channel, String reason, ParseSink sink) {
        KrakenTokenRenewals.Verdict verdict = reason.startsWith(SESSION_ERROR) ? state.tokenRefused()
                : KrakenTokenRenewals.Verdict.GIVE_UP;
        switch (verdict) {
            case RENEW -> {
                String why = "Kraken refused the WebSocket token of " + channel + " (" + reason
                        + "): reconnecting with a fresh token";
                sink.exchangeError("token", why);
                sink.reconnectRequested(why);
            }
            case RENEWING -> LOG.debug("Kraken refused the token of {} too; the reconnect is already asked for", channel);
            case GIVE_UP -> sink.subscribeFailed(channel, null, reason.startsWith(SESSION_ERROR)
                    ? reason + " (a fresh token was refused as well)" : reason);
            default -> throw new IllegalStateException("unknown verdict " + verdict);
        }
    }

    private void onChannel(KrakenFrame f, ParseSink sink) {
        switch (f.channel) {
            case "heartbeat":
                sink.heartbeat();
                break;
            case "status":
                sink.heartbeat();
                if (f.system != null && !f.system.equals("online")) {
                    LOG.warn("Kraken reports system status '{}' (market data may pause)", f.system);
                }
                break;
            case "ticker":
            case "trade":
            case "balances":
            case "executions":
                break;
            default:
                sink.unknown(f.channel);
        }
    }
}
