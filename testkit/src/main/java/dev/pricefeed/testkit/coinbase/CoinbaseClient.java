package dev.pricefeed.testkit.coinbase;

import dev.pricefeed.testkit.EmulatorConnection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** One client connection's protocol state; guarded by the simulator's lock. */
final class CoinbaseClient {

    final EmulatorConnection connection;
    final CoinbaseSimulator.Feed feed;
    final long openedNanos;
    /** Channel name to product ids (Advanced Trade's {@code heartbeats} has no products). */
    final Map<String, Set<String>> channels = new TreeMap<>();
    Long firstSubscribeNanos;
    boolean closedForMissingSubscribe;
    /** Advanced Trade's per-connection envelope counter: the next {@code sequence_num} to send. */
    long nextSequenceNum;
    long heartbeatCounter;

    CoinbaseClient(EmulatorConnection connection, CoinbaseSimulator.Feed feed, long openedNanos) {
        this.connection = connection;
        this.feed = feed;
        this.openedNanos = openedNanos;
    }

    boolean has(String channel, String productId) {
        Set<String> products = channels.get(channel);
        return products != null && products.contains(productId);
    }

    /** Adds the products to the channel and returns those that were not there yet. */
    Set<String> add(String channel, Iterable<String> productIds) {
        Set<String> products = channels.computeIfAbsent(channel, c -> new LinkedHashSet<>());
        Set<String> added = new LinkedHashSet<>();
        for (String id : productIds) {
            if (products.add(id)) {
                added.add(id);
            }
        }
        return added;
    }

    void remove(String channel, Iterable<String> productIds, boolean all) {
        Set<String> products = channels.get(channel);
        if (products == null) {
            return;
        }
        if (all) {
            channels.remove(channel);
            return;
        }
        productIds.forEach(products::remove);
        if (products.isEmpty()) {
            channels.remove(channel);
        }
    }
}
