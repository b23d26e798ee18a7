package dev.pricefeed.spi;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket connection's plan, made fresh by {@link ExchangeConnector#connect} for every connect; its frames are
 * read by the parser {@link ExchangeConnector#newParser} makes for it.
 */
public interface ConnectionSession {

    /** The WebSocket URI to open. */
    URI uri();

    /** Extra HTTP headers for the upgrade request. */
    default Map<String, String> headers() {
        return Map.of();
    }

    /** How the connection is kept alive and judged dead. */
    KeepAlive keepAlive();

    /** Whether to wait for {@link ParseSink#welcome()} before subscribing (for example KuCoin's welcome message). */
    default boolean awaitsWelcome() {
        return false;
    }

    /** The frames that subscribe one batch of at most {@link Limits#maxSubscriptionsPerMessage()} subscriptions. */
    List<String> subscribeMessages(List<Subscription> batch);

    /** The application ping message numbered {@code n}, for {@link KeepAlive.Ping#APPLICATION_MESSAGE}. */
    default String pingMessage(long n) {
        throw new UnsupportedOperationException("this connection sends no application pings");
    }
}
