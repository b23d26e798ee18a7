package dev.pricefeed.testkit.kucoin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client that records text messages and the close code, for simulator tests. */
final class SimpleWsClient implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile int closeCode = -1;
    private final WebSocket socket;

    SimpleWsClient(HttpClient http, URI uri) throws Exception {
        this.socket = http.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closeCode = statusCode;
                return null;
            }
        }).get(5, TimeUnit.SECONDS);
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(5, TimeUnit.SECONDS);
    }

    /** Waits for the first received message that matches and returns it. */
    String awaitMessage(Predicate<String> match) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> messages.stream().anyMatch(match));
        return messages.stream().filter(match).findFirst().orElseThrow();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    int closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
