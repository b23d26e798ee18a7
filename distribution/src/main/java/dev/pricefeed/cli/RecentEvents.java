package dev.pricefeed.cli;

import dev.pricefeed.FeedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The newest feed events for the dashboard, each kept as its JSON Lines object (the same fields as
 * {@code watch --format jsonl} prints), oldest dropped first.
 */
final class RecentEvents {

    /** How many events the dashboard shows. */
    static final int CAPACITY = 100;

    private final Deque<JsonObject> events = new ArrayDeque<>(CAPACITY);

    /** Keeps an event; called on the feeds' dispatcher threads. */
    void add(FeedEvent event) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(JsonLines.event(event)))) {
            json = reader.readObject();
        }
        synchronized (events) {
            if (events.size() == CAPACITY) {
                events.removeFirst();
            }
            events.addLast(json);
        }
    }

    /** The kept events, newest first. */
    List<JsonObject> newestFirst() {
        List<JsonObject> copy;
        synchronized (events) {
            copy = new ArrayList<>(events);
        }
        Collections.reverse(copy);
        return copy;
    }
}
