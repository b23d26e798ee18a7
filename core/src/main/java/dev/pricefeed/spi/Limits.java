package dev.pricefeed.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits an exchange puts on one WebSocket connection; the runtime honours them for the connector.
 *
 * @param maxWeightPerConnection most subscription weight (see {@link ExchangeConnector#weight}) on one connection;
 *     more is spread over further connections
 * @param maxSubscriptionsPerMessage most subscriptions the runtime hands to one
 *     {@link ConnectionSession#subscribeMessages} call
 * @param maxMessagesPerWindow most messages the client may send per {@code messageWindow}
 * @param messageWindow the window of {@code maxMessagesPerWindow}
 * @param maxConnectionLifetime when a connection must be replaced (make-before-break), or {@code null} for never
 */
public record Limits(int maxWeightPerConnection, int maxSubscriptionsPerMessage, int maxMessagesPerWindow,
        Duration messageWindow, Duration maxConnectionLifetime) {

    public Limits {
        if (maxWeightPerConnection < 1 || maxSubscriptionsPerMessage < 1 || maxMessagesPerWindow < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        Objects.requireNonNull(messageWindow, "messageWindow is null");
        if (messageWindow.isNegative() || messageWindow.isZero()) {
            throw new IllegalArgumentException("messageWindow must be positive");
        }
    }

    /** No limits worth pacing for. */
    public static Limits none() {
        return new Limits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofSeconds(1), null);
    }

    /** A copy with another per-connection weight limit. */
    public Limits withMaxWeightPerConnection(int value) {
        return new Limits(value, maxSubscriptionsPerMessage, maxMessagesPerWindow, messageWindow, maxConnectionLifetime);
    }

    /** A copy with another per-message subscription limit. */
    public Limits withMaxSubscriptionsPerMessage(int value) {
        return new Limits(maxWeightPerConnection, value, maxMessagesPerWindow, messageWindow, maxConnectionLifetime);
    }

    /** A copy with another outgoing message rate. */
    public Limits withMessageRate(int messages, Duration window) {
        return new Limits(maxWeightPerConnection, maxSubscriptionsPerMessage, messages, window, maxConnectionLifetime);
    }

    /** A copy with another maximum connection lifetime ({@code null} for none). */
    public Limits withMaxConnectionLifetime(Duration lifetime) {
        return new Limits(maxWeightPerConnection, maxSubscriptionsPerMessage, maxMessagesPerWindow, messageWindow,
                lifetime);
    }
}
