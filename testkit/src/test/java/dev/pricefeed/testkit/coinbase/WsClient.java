package dev.pricefeed.testkit.coinbase;

import org.awaitility.Awaitility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A JDK WebSocket client that keeps every text message and the close code it got. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    final List<String> messages = new CopyOnWriteArrayList<>();
    volatile Integer closeCode;
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    WsClient(URI uri) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    void send(String text) throws Exception {
        socket.sendText(text, true).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The first message that matches, waiting for it. */
    String awaitMessage(Predicate<String> match) {
        Awaitility.await().atMost(TIMEOUT).until(() -> messages.stream().anyMatch(match));
        return messages.stream().filter(match).findFirst().orElseThrow();
    }

    /** Every message that matches, once at least {@code count} have come. */
    List<String> awaitAll(Predicate<String> match, int count) {
        Awaitility.await().atMost(TIMEOUT).until(() -> messages.stream().filter(match).count() >= count);
        return messages.stream().filter(match).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
