package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscribe messages of one connection waiting for KuCoin's {@code ack} (or {@code error}) with their id. A
 * subscription may span several messages ({@code TICKER} is a ticker and a level-1 topic): it is reported subscribed
 * when every one of them was acknowledged, and failed on the first refusal of a message that carried it alone; a
 * refused message of several subscriptions has each of them sent again on its own.
 */
final class PendingAcks {

    /** One subscription and how many of its messages are still unanswered; changed on the socket thread only. */
    static final class Waiting {
        private final Subscription subscription;
        private int unanswered;
        private boolean failed;

        Waiting(Subscription subscription) {
            this.subscription = Objects.requireNonNull(subscription, "subscription is null");
        }

        Subscription subscription() {
            return subscription;
        }

        /** Counts one more message this subscription is part of; called before the messages are sent. */
        void addMessage() {
            unanswered++;
        }
    }

    private final ConcurrentHashMap<String, List<Waiting>> byId = new ConcurrentHashMap<>();

    /**
     * Records the subscriptions of a message about to be sent. The map publishes the waiting objects to the socket
     * thread, which alone changes them afterwards.
     */
    void register(String id, List<Waiting> subscriptions) {
        byId.put(Objects.requireNonNull(id, "id is null"), List.copyOf(subscriptions));
    }

    /** Handles an {@code ack}; returns {@code false} when no message with that id is waiting. */
    boolean acknowledged(String id, ParseSink sink) {
        List<Waiting> waiting = id == null ? null : byId.remove(id);
        if (waiting == null) {
            return false;
        }
        for (Waiting w : waiting) {
            w.unanswered--;
            if (w.unanswered == 0 && !w.failed) {
                sink.subscribed(w.subscription.channel(), w.subscription.instrument());
            }
        }
        return true;
    }

    /** Handles an {@code error} answering a message; returns {@code false} when no message with that id is waiting. */
    boolean refused(String id, String reason, ParseSink sink) {
        List<Waiting> waiting = id == null ? null : byId.remove(id);
        if (waiting == null) {
            return false;
        }
        List<Subscription> again = new ArrayList<>();
        for (Waiting w : waiting) {
            w.unanswered--;
            if (!w.failed) {
                w.failed = true;
                if (waiting.size() == 1) {
                    sink.subscribeFailed(w.subscription.channel(), w.subscription.instrument(), reason);
                } else {
                    again.add(w.subscription);
                }
            }
        }
        if (!again.isEmpty()) {
            // KuCoin refuses the whole topic for one bad symbol in it: each goes again alone, and only the bad one
            // is refused (and reported) then
            sink.resubscribeSeparately(again);
        }
        return true;
    }

    /** Stops waiting for a message without reporting anything (its connection is being replaced). */
    void forget(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    /** How many messages are still waiting for an answer. */
    int size() {
        return byId.size();
    }
}
