package dev.pricefeed.testkit;

/**
 * What an emulator does when a client connects, sends a text frame, disconnects or makes an HTTP call. Callbacks run
 * on the connection's reader thread; an exception thrown here is logged and the connection keeps running.
 */
public interface EmulatorHandler {

    /** Called once after the WebSocket handshake, before any frame of this connection is read. */
    default void onOpen(EmulatorConnection connection) {
    }

    /** Called with every complete text message the client sends (fragments already joined). */
    default void onText(EmulatorConnection connection, String text) {
    }

    /** Called once when the connection ends for any reason (close frame, drop, server close, client gone). */
    default void onClose(EmulatorConnection connection) {
    }

    /** Answers a plain HTTP request; the default answers 404. */
    default HttpReply onHttp(HttpCall call) {
        return HttpReply.notFound();
    }
}
