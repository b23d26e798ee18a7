package dev.pricefeed.kafka;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Remembers the identities of the newest updates of each key, to drop the copies a second publisher of the same shard
 * sends. Bounded per key; not thread-safe: one consumer thread uses it.
 */
final class RecentIds {

    private final int perKey;
    private final Map<MarketDataKey, LinkedHashSet<Object>> seen = new HashMap<>();

    /** Remembers up to {@code perKey} identities per exchange and instrument. */
    RecentIds(int perKey) {
        this.perKey = perKey;
    }

    /** Whether the identity was not seen before for the key; remembers it. */
    boolean firstSeen(MarketDataKey key, Object id) {
        LinkedHashSet<Object> ids = seen.computeIfAbsent(key, k -> new LinkedHashSet<>());
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > perKey) {
            ids.remove(ids.iterator().next());
        }
        return true;
    }
}
