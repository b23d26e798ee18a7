package dev.pricefeed.cli;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.runtime.LatestPriceCache;
import dev.pricefeed.spi.ParseSink;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a replayed frame produces, as a listener of a live feed would see it: partial ticks are merged in the same
 * cache the runtime uses and printed as the merged view; trades are printed; stale sequence numbers are dropped and
 * gaps reported as events. Not thread-safe: replay is one thread.
 */
final class ReplaySink implements ParseSink {

    private final String exchange;
    private final LatestPriceCache cache;
    private final Consumer<String> data;
    private final Consumer<FeedEvent> events;
    private final Map<String, Long> lastSequence = new HashMap<>();
    private Instant receivedAt = Instant.EPOCH;
    private long ticks;
    private long trades;
    private long unknown;

    /**
     * Creates the sink.
     *
     * @param exchange the exchange id
     * @param data receives each tick and trade as a JSON line
     * @param events receives errors and sequence gaps
     */
    ReplaySink(String exchange, Consumer<String> data, Consumer<FeedEvent> events) {
        this.exchange = Objects.requireNonNull(exchange, "exchange is null");
        this.cache = new LatestPriceCache(exchange);
        this.data = Objects.requireNonNull(data, "data is null");
        this.events = Objects.requireNonNull(events, "events is null");
    }

    /** Sets the receive time of the frame about to be parsed. */
    void frameReceivedAt(Instant time) {
        this.receivedAt = Objects.requireNonNull(time, "time is null");
    }

    @Override
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public void tick(Tick tick) {
        ticks++;
        data.accept(JsonLines.tick(cache.apply(tick)));
    }

    @Override
    public void statistics(Tick tick) {
        ticks++;
        data.accept(JsonLines.tick(cache.applyStatistics(tick)));
    }

    @Override
    public void trade(Trade trade) {
        trades++;
        data.accept(JsonLines.trade(trade));
    }

    @Override
    public void account(AccountEvent event) {
        // account events need credentials and are never part of a public recording
        unknown++;
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        Long last = lastSequence.get(stream);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSequence.put(stream, sequence);
        if (last != null && sequence > last + 1) {
            events.accept(new FeedEvent.SequenceGap(exchange, receivedAt, instrument, stream, last + 1, sequence - 1));
        }
        return true;
    }

    @Override
    public void heartbeat() {
        // liveness only
    }

    @Override
    public void pong() {
        // liveness only
    }

    @Override
    public void welcome() {
        // liveness only
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        // acknowledgements carry no data
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        events.accept(new FeedEvent.SubscriptionFailed(exchange, receivedAt, channel, instrument, reason));
    }

    @Override
    public void exchangeError(String code, String message) {
        events.accept(new FeedEvent.Error(exchange, receivedAt, code, message));
    }

    @Override
    public void reconnectRequested(String reason) {
        events.accept(new FeedEvent.Handover(exchange, receivedAt, reason));
    }

    @Override
    public void unknown(String type) {
        unknown++;
    }

    /** Ticks reported so far. */
    long ticks() {
        return ticks;
    }

    /** Trades reported so far. */
    long trades() {
        return trades;
    }

    /** Frames of types the parser does not handle (and account events). */
    long unknown() {
        return unknown;
    }
}
