package dev.pricefeed.exchange.kucoin;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * KuCoin's answer to {@code POST /api/v1/bullet-public}: a connection token and the first instance server.
 *
 * @param token the connection token (never logged)
 * @param endpoint the WebSocket endpoint to connect to
 * @param pingInterval how often to send a JSON ping
 * @param pingTimeout how long to wait for its pong
 */
record Bullet(String token, URI endpoint, Duration pingInterval, Duration pingTimeout) {

    Bullet {
        Objects.requireNonNull(token, "token is null");
        Objects.requireNonNull(endpoint, "endpoint is null");
        Objects.requireNonNull(pingInterval, "pingInterval is null");
        Objects.requireNonNull(pingTimeout, "pingTimeout is null");
    }

    /** Hides the token. */
    @Override
    public String toString() {
        return "Bullet[token=***, endpoint=" + endpoint + ", pingInterval=" + pingInterval + ", pingTimeout="
                + pingTimeout + "]";
    }
}
