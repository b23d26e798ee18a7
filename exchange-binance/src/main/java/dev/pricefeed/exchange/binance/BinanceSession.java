package dev.pricefeed.exchange.binance;

import dev.pricefeed.Channel;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One connection to Binance's combined stream endpoint, subscribing live with
 * {@code {"method":"SUBSCRIBE","params":[..],"id":n}} and matching each reply to its request by id.
 */
final class BinanceSession implements ConnectionSession {

    /**
     * Liveness when a ticker is subscribed: {@code @ticker} pushes every second, so 30 s of silence means a dead
     * socket. Binance's ping frames are not counted, since the runtime may not see them.
     */
    static final Duration TICKER_LIVENESS = Duration.ofSeconds(30);

    /** Liveness for trade-only connections: a quiet market may trade rarely, so only long silence means death. */
    static final Duration TRADES_LIVENESS = Duration.ofMinutes(5);

    private final URI uri;
    private final BinanceSymbols symbols;
    private final KeepAlive keepAlive;
    private final PendingRequests pending = new PendingRequests();
    private final QuoteOrder quoteOrder;

    BinanceSession(URI uri, BinanceSymbols symbols, QuoteOrder quoteOrder, List<Subscription> subscriptions) {
        this.uri = Objects.requireNonNull(uri, "uri is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        boolean ticker = subscriptions.stream().anyMatch(s -> s.channel() == Channel.TICKER);
        // Binance pings every 20 s and Tyrus answers with pongs by itself, so the client sends no pings of its own
        this.keepAlive = KeepAlive.serverHeartbeats(ticker ? TICKER_LIVENESS : TRADES_LIVENESS);
        this.quoteOrder = Objects.requireNonNull(quoteOrder, "quoteOrder is null");
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public KeepAlive keepAlive() {
        return keepAlive;
    }

    @Override
    public List<String> subscribeMessages(List<Subscription> batch) {
        return List.of(request(PendingRequests.Method.SUBSCRIBE, batch));
    }

    /** The frames that unsubscribe a batch; the reply is matched by id like a subscribe's. */
    List<String> unsubscribeMessages(List<Subscription> batch) {
        return List.of(request(PendingRequests.Method.UNSUBSCRIBE, batch));
    }

    /** A parser that matches replies to this connection's requests. */
    MessageParser newParser() {
        return new BinanceParser(symbols, pending, quoteOrder);
    }

    /** How many requests still await their reply. */
    int pendingRequests() {
        return pending.size();
    }

    private String request(PendingRequests.Method method, List<Subscription> batch) {
        StringBuilder json = new StringBuilder(32 + batch.size() * 48);
        json.append("{\"method\":\"").append(method.name()).append("\",\"params\":[");
        boolean first = true;
        for (Subscription subscription : batch) {
            for (String stream : StreamNames.of(subscription, symbols)) {
                if (!first) {
                    json.append(',');
                }
                // stream names hold only lower-case letters, digits and '@', so no escaping is needed
                json.append('"').append(stream).append('"');
                first = false;
            }
        }
        long id = pending.register(method, batch);
        return json.append("],\"id\":").append(id).append('}').toString();
    }
}
