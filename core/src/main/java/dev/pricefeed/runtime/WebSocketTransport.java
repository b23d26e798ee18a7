package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** Opens WebSocket connections; the one seam between the runtime and the WebSocket library. */
interface WebSocketTransport extends AutoCloseable {

    /** Opens a connection and blocks until the handshake is done or failed. */
    Link connect(URI uri, Map<String, String> headers, LinkListener listener) throws IOException;

    @Override
    void close();

    /** An open connection. */
    interface Link {
        /** Sends a text frame without waiting for it to be written. */
        void sendText(String text);

        /** Sends an RFC 6455 ping frame. */
        void sendPing();

        /** Closes with a close frame (code 1000) and does not wait. */
        void close(String reason);
    }

    /** Callbacks from the library's threads; {@link #onText} runs on the socket's read thread. */
    interface LinkListener {
        void onText(String text);

        void onPong();

        void onClosed(int code, String reason);

        void onError(Throwable error);
    }
}
