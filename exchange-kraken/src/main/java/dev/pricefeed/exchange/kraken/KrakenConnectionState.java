package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one connection's parser must know about what was sent on it: the requested instrument behind each v2 symbol,
 * and the channel and instruments behind each {@code req_id} (Kraken's failure acks do not name the channel).
 * Written by the sending thread, read by the socket thread; thread-safe.
 */
final class KrakenConnectionState {

    /**
     * One subscribe request.
     *
     * @param channel its channel
     * @param instruments its instruments (empty for account channels)
     */
    record Request(Channel channel, List<Instrument> instruments) {
    }

    private final KrakenSymbols symbols;
    private final Map<String, Instrument> bySymbol = new ConcurrentHashMap<>();
    private final Map<Instrument, String> tradeStreams = new ConcurrentHashMap<>();
    private final Map<Long, Request> requests = new ConcurrentHashMap<>();
    private final AtomicLong lastRequestId = new AtomicLong();

    private final KrakenTokenRenewals renewals;
    /** What this connection decided about its refused token, or null while it was not refused. */
    private KrakenTokenRenewals.Verdict tokenVerdict;

    /** State for one connection that shares no token renewals (a replay, a test). */
    KrakenConnectionState(KrakenSymbols symbols) {
        this(symbols, new KrakenTokenRenewals());
    }

    /** State for one connection of a connector whose token renewals it shares. */
    KrakenConnectionState(KrakenSymbols symbols, KrakenTokenRenewals renewals) {
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.renewals = requireNonNull(renewals, "renewals is null");
    }

    /**
     * Kraken refused this connection's token: the first refusal decides (renew once, or give up after a fresh token
     * was refused too); later ones on the same connection follow it without asking for a second reconnect.
     */
    synchronized KrakenTokenRenewals.Verdict tokenRefused() {
        if (tokenVerdict == null) {
            tokenVerdict = renewals.refused();
            return tokenVerdict;
        }
        return tokenVerdict == KrakenTokenRenewals.Verdict.RENEW ? KrakenTokenRenewals.Verdict.RENEWING : tokenVerdict;
    }

    /** Kraken accepted a private subscription on this connection, so its token works. */
    void tokenAccepted() {
        renewals.accepted();
    }

    /** Remembers a requested instrument, so frames for its v2 symbol are reported under the name the user gave. */
    void expect(Instrument instrument) {
        bySymbol.put(symbols.toNative(instrument), instrument);
    }

    /** Registers a subscribe request and returns its {@code req_id}. */
    long register(Channel channel, List<Instrument> instruments) {
        long id = lastRequestId.incrementAndGet();
        requests.put(id, new Request(channel, List.copyOf(instruments)));
        instruments.forEach(this::expect);
        return id;
    }

    /** The request of a {@code req_id}, or {@code null}. */
    Request request(Long requestId) {
        return requestId == null ? null : requests.get(requestId);
    }

    /** The only channel requested for an instrument on this connection, or {@code null} when none or several. */
    Channel onlyChannelFor(Instrument instrument) {
        Channel found = null;
        for (Request request : requests.values()) {
            if (instrument == null ? request.instruments().isEmpty() : request.instruments().contains(instrument)) {
                if (found != null && found != request.channel()) {
                    return null;
                }
                found = request.channel();
            }
        }
        return found;
    }

    /** The instrument of a v2 symbol: the one requested under it, else the symbol mapped; {@code null} if neither. */
    Instrument instrument(String symbol) {
        if (symbol == null) {
            return null;
        }
        Instrument known = bySymbol.get(symbol);
        if (known != null) {
            return known;
        }
        Instrument mapped = symbols.fromNative(symbol);
        if (mapped != null) {
            bySymbol.putIfAbsent(symbol, mapped);
        }
        return mapped;
    }

    /** The sequence stream of an instrument's trades ({@code trade:BTC/USD}). */
    String tradeStream(Instrument instrument) {
        return tradeStreams.computeIfAbsent(instrument, i -> "trade:" + i);
    }

    /**
     * The sequence stream of an account channel; Kraken numbers it per connection, so it is reported as a connection
     * sequence and the runtime keeps it with the connection.
     */
    String accountStream(Channel channel) {
        return channel == Channel.BALANCES ? "balances" : "executions";
    }
}
