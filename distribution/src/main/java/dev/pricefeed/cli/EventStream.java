package dev.pricefeed.cli;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent Events connections of {@code /events}: each gets every message pushed; a connection whose
 * browser went away is dropped at the next push.
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

    private final List<HttpExchange> clients = new CopyOnWriteArrayList<>();

    /** Answers the request with an event stream that stays open, and sends it {@code first} at once. */
    void open(HttpExchange exchange, String first) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        // the browser reconnects after a second when the stream breaks (a restart, a network blip)
        if (send(exchange, "retry: 1000\n\n") && send(exchange, message(first))) {
            clients.add(exchange);
        }
    }

    /** Sends one message (a line of JSON) to every open connection. */
    void push(String data) {
        String message = message(data);
        for (HttpExchange client : clients) {
            if (!send(client, message)) {
                clients.remove(client);
            }
        }
    }

    /** How many connections are open. */
    int size() {
        return clients.size();
    }

    /** Ends every connection. */
    void closeAll() {
        for (HttpExchange client : clients) {
            client.close();
        }
        clients.clear();
    }

    private static String message(String data) {
        // data must be one line: the JSON written here never holds a raw line break (they are escaped)
        return "data: " + data + "\n\n";
    }

    private static boolean send(HttpExchange exchange, String text) {
        try {
            OutputStream body = exchange.getResponseBody();
            body.write(text.getBytes(StandardCharsets.UTF_8));
            body.flush();
            return true;
        } catch (IOException e) {
            LOG.debug("dashboard: an event stream closed ({})", e.toString());
            exchange.close();
            return false;
        }
    }
}
