package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kraken WebSocket v2 connection: public market data, or private channels with the token fetched for it. One
 * subscribe message per channel in each batch, each with its own {@code req_id} so acks can be matched.
 */
final class KrakenSession implements ConnectionSession {

    /** Kraken sends a heartbeat about every second while anything is subscribed. */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);

    /**
     * A silent socket is replaced after max(3 x the heartbeat, 5 s); the application ping runs more often than that
     * (every 2 s, a pong due within 3 s), so a connection whose subscriptions all failed still proves itself alive.
     */
    static final KeepAlive KEEP_ALIVE = KeepAlive.applicationPing(Duration.ofSeconds(2), Duration.ofSeconds(3),
            KeepAlive.livenessFor(HEARTBEAT));

    private final URI uri;
    private final KrakenSymbols symbols;
    private final String eventTrigger;
    private final String token;
    private final KrakenConnectionState state;

    /**
     * A session.
     *
     * @param token the WebSocket token for private channels, or {@code null} for a public connection
     */
    KrakenSession(URI uri, List<Subscription> subscriptions, KrakenSymbols symbols, String eventTrigger,
            String token, KrakenConnectionState state) {
        this.uri = requireNonNull(uri, "uri is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.eventTrigger = requireNonNull(eventTrigger, "eventTrigger is null");
        this.token = token;
        this.state = requireNonNull(state, "state is null");
        for (Subscription subscription : subscriptions) {
            if (subscription.instrument() != null) {
                state.expect(subscription.instrument());
            }
        }
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public KeepAlive keepAlive() {
        return KEEP_ALIVE;
    }

    @Override
    public List<String> subscribeMessages(List<Subscription> batch) {
        Map<Channel, List<Instrument>> byChannel = new LinkedHashMap<>();
        for (Subscription subscription : batch) {
            List<Instrument> instruments = byChannel.computeIfAbsent(subscription.channel(), c -> new ArrayList<>());
            if (subscription.instrument() != null) {
                instruments.add(subscription.instrument());
            }
        }
        List<String> messages = new ArrayList<>(byChannel.size());
        byChannel.forEach((channel, instruments) -> {
            long requestId = state.register(channel, instruments);
            if (channel.isPrivate()) {
                if (token == null) {
                    throw new IllegalStateException("private channel " + channel + " on a public Kraken connection");
                }
                messages.add(KrakenMessages.subscribePrivate(channel, token, requestId));
            } else {
                messages.add(KrakenMessages.subscribePublic(channel, KrakenMessages.symbols(symbols, instruments),
                        eventTrigger, requestId));
            }
        });
        return messages;
    }

    @Override
    public String pingMessage(long n) {
        return KrakenMessages.ping(n);
    }

    /** A parser that matches acks to this connection's requests. */
    MessageParser newParser() {
        return new KrakenParser(state);
    }

    @Override
    public String toString() {
        // The token is a credential for this connection: never shown.
        return "KrakenSession[" + uri + (token != null ? ", token=***" : "") + "]";
    }
}
