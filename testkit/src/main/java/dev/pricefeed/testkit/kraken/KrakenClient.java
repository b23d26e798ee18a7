package dev.pricefeed.testkit.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.testkit.EmulatorConnection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What the simulator knows about one WebSocket connection: endpoint, subscriptions, tokens, sequences. */
final class KrakenClient {

    final EmulatorConnection connection;
    final boolean privateEndpoint;
    /** Subscribed {@code channel:symbol} keys, such as {@code ticker:BTC/USD}; account channels without a symbol. */
    final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
    /** The tokens this connection subscribed with, in order. */
    final List<String> tokens = new CopyOnWriteArrayList<>();
    /** Kraken numbers the account channels per connection, from 1. */
    final AtomicLong balancesSequence = new AtomicLong();
    final AtomicLong executionsSequence = new AtomicLong();
    final AtomicLong pings = new AtomicLong();
    /** When something was last sent, so heartbeats go out only on a quiet connection. */
    volatile long lastSentNanos = System.nanoTime();

    KrakenClient(EmulatorConnection connection, boolean privateEndpoint) {
        this.connection = requireNonNull(connection, "connection is null");
        this.privateEndpoint = privateEndpoint;
    }

    void send(String frame) {
        lastSentNanos = System.nanoTime();
        connection.send(frame);
    }

    boolean subscribedTo(String channel, String symbol) {
        return subscriptions.contains(key(channel, symbol));
    }

    static String key(String channel, String symbol) {
        return symbol == null ? channel : channel + ":" + symbol;
    }
}
