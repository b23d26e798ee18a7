package dev.pricefeed.exchange.binance;

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
     * Binance sends no heartbeat of its own that the runtime sees, so we send RFC 6455 pings every 2 s (within its
     * 5 messages per second) with a pong due within 3 s: a silent socket is replaced after 5 s, and pongs keep a
     * quiet trade-only connection alive without a long liveness timeout.
     */
    static final KeepAlive KEEP_ALIVE = KeepAlive.pingFrames(Duration.ofSeconds(2), Duration.ofSeconds(3),
            KeepAlive.livenessFor(Duration.ofSeconds(1)));

    private final URI uri;
    private final BinanceSymbols symbols;
    private final KeepAlive keepAlive;
    private final PendingRequests pending = new PendingRequests();
    private final QuoteOrder quoteOrder;

    BinanceSession(URI uri, BinanceSymbols symbols, QuoteOrder quoteOrder, List<Subscription> subscriptions) {
        this.uri = Objects.requireNonNull(uri, "uri is null");
        this.symbols = Objects.requireNonNull(symbols, "symbols is null");
        // Binance also pings every 20 s and the transport answers by itself; our own pings find a dead socket faster
        this.keepAlive = KEEP_ALIVE;
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
