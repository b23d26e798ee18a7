package com.example.pricefeed.bitstamp;

import dev.pricefeed.Channel;
import dev.pricefeed.spi.ConnectionSession;
import dev.pricefeed.spi.KeepAlive;
import dev.pricefeed.spi.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One connection to Bitstamp: the URI, the keep-alive and the subscribe frames. */
final class BitstampSession implements ConnectionSession {

    private static final String HEARTBEAT = "{\"event\":\"bts:heartbeat\"}";

    private final URI uri;
    private final Duration heartbeat;
    private final BitstampSymbols symbols;
    // a ticker and trades of one pair share the live_trades channel: subscribe it once per connection
    private final Set<String> subscribed = new HashSet<>();

    BitstampSession(URI uri, Duration heartbeat, BitstampSymbols symbols) {
        this.uri = uri;
        this.heartbeat = heartbeat;
        this.symbols = symbols;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public KeepAlive keepAlive() {
        // Bitstamp sends nothing on a quiet channel; the client's heartbeat gets an answer that proves liveness
        return KeepAlive.applicationPing(heartbeat, heartbeat.multipliedBy(2), heartbeat.multipliedBy(3));
    }

    @Override
    public String pingMessage(long n) {
        return HEARTBEAT;
    }

    @Override
    public synchronized List<String> subscribeMessages(List<Subscription> batch) {
        List<String> frames = new ArrayList<>();
        for (Subscription subscription : batch) {
            String pair = symbols.toNative(subscription.instrument());
            add(frames, BitstampChannels.LIVE_TRADES + pair);
            if (subscription.channel() == Channel.TICKER) {
                // last, so that once the book is subscribed both halves of the ticker are
                add(frames, BitstampChannels.ORDER_BOOK + pair);
            }
        }
        return frames;
    }

    private void add(List<String> frames, String channel) {
        if (subscribed.add(channel)) {
            frames.add("{\"event\":\"bts:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
        }
    }
}
