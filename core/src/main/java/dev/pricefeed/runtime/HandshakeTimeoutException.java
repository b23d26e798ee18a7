package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.URI;

/**
 * Opening a WebSocket took longer than {@code websocket.handshake-timeout}: the server took the TCP connection but
 * never answered the upgrade (or never took the connection). Both transports throw it, so the words are the same.
 */
final class HandshakeTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    HandshakeTimeoutException(URI target, long timeoutMillis, Throwable cause) {
        super("no WebSocket handshake from " + ErrorText.hostPort(target) + " within " + timeoutMillis
                + " ms (websocket.handshake-timeout)", cause);
    }
}
