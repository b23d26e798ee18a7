package dev.pricefeed.exchange.binance;

import dev.pricefeed.spi.Subscription;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests a connection sent and not yet saw answered, by id. Ids are small positive integers because Binance's
 * error table insists on unsigned integers. Thread-safe: requests are registered on the runtime's thread and answered
 * on the socket thread.
 */
final class PendingRequests {

    /** What a request asked for. */
    enum Method { SUBSCRIBE, UNSUBSCRIBE }

    /** One request awaiting its reply. */
    record Request(Method method, List<Subscription> subscriptions) {
    }

    private final AtomicLong nextId = new AtomicLong(1);
    private final Map<String, Request> byId = new ConcurrentHashMap<>();

    /** Registers a request and returns its id. */
    long register(Method method, List<Subscription> subscriptions) {
        long id = nextId.getAndIncrement();
        byId.put(Long.toString(id), new Request(method, List.copyOf(subscriptions)));
        return id;
    }

    /** Removes and returns the request with that id (as the reply wrote it), or {@code null} when there is none. */
    Request complete(String id) {
        return id == null ? null : byId.remove(id);
    }

    /** How many requests await a reply. */
    int size() {
        return byId.size();
    }
}
