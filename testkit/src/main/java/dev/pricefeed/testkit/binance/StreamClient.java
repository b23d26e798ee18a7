package dev.pricefeed.testkit.binance;

import dev.pricefeed.testkit.EmulatorConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** What the emulator knows about one client connection: its streams, its envelope mode and when it sent messages. */
final class StreamClient {

    final EmulatorConnection connection;
    final Set<String> streams = ConcurrentHashMap.newKeySet();
    volatile boolean combined;
    private final List<Long> messageNanos = new ArrayList<>();

    StreamClient(EmulatorConnection connection, boolean combined) {
        this.connection = connection;
        this.combined = combined;
    }

    /** Sends an event of a stream, wrapped when the connection is in combined mode. */
    void sendEvent(String stream, String payload) {
        connection.send(combined ? BinanceWire.combined(stream, payload) : payload);
    }

    /** Records a message received now and returns how many arrived within the last window, this one included. */
    synchronized int received(long nanos, Duration window) {
        messageNanos.add(nanos);
        int count = 0;
        for (int i = messageNanos.size() - 1; i >= 0 && nanos - messageNanos.get(i) < window.toNanos(); i--) {
            count++;
        }
        return count;
    }

    /** The most messages this client sent within any window of that length. */
    synchronized int maxInWindow(Duration window) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < messageNanos.size(); to++) {
            while (messageNanos.get(to) - messageNanos.get(from) >= window.toNanos()) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    /** How many messages this client sent. */
    synchronized int messages() {
        return messageNanos.size();
    }
}
