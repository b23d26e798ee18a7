package dev.pricefeed.runtime;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Opens WebSocket connections; the one seam between the runtime and a WebSocket library. Two implementations behave
 * the same: {@link TyrusTransport} (the default) and {@link JdkTransport} ({@code websocket.transport=jdk}).
 */
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

        /** Closes with a close frame (code 1000) and does not wait; never throws, whatever the reason's length. */
        void close(String reason);
    }

    /** Callbacks from the library's threads; {@link #onText} runs on the socket's read thread. */
    interface LinkListener {
        /** A whole text frame; its characters are valid only during the call (a transport may reuse its buffer). */
        void onText(CharSequence text);

        /**
         * Part of a long message arrived (the JDK client hands those over in parts, which the transport joins): the
         * socket is alive even before the message is whole.
         */
        default void onPart() {
        }

        /** A binary message arrived (legal in RFC 6455); it must never cost the connection. */
        void onBinary(ByteBuffer data);

        void onPong();

        /**
         * The connection ended. {@code byUs} tells whether this side closed it (for example our frame limit) or the
         * server did; {@code reason} is the close frame's reason or our own words.
         */
        void onClosed(boolean byUs, int code, String reason);

        void onError(Throwable error);
    }
}
