package dev.pricefeed;

import dev.pricefeed.runtime.LatestPriceCache;
import dev.pricefeed.runtime.SequenceTracker;
import dev.pricefeed.spi.ParseSink;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a replayed frame produces, as a live feed's listeners would see it: ticks merged in the runtime's cache (by
 * freshness for statistics), trades, sequence numbers checked by the runtime's tracker (stale ones dropped, gaps
 * reported), refusals and errors as events. Not thread-safe: a replay is one thread.
 */
final class ReplaySink implements ParseSink {

    private static final Logger LOG = LoggerFactory.getLogger(ReplaySink.class);

    final LatestPriceCache cache;
    final Listeners<Tick> ticks = new Listeners<>();
    final Listeners<Trade> trades = new Listeners<>();
    final Listeners<FeedEvent> events = new Listeners<>();
    long tickCount;
    long tradeCount;
    long unknownCount;
    private final String exchange;
    private final SequenceTracker sequences = new SequenceTracker();
    private Instant receivedAt = Instant.EPOCH;

    ReplaySink(String exchange) {
        this.exchange = exchange;
        this.cache = new LatestPriceCache(exchange);
    }

    void receivedAt(Instant time) {
        this.receivedAt = time;
    }

    void event(FeedEvent event) {
        events.call(event);
    }

    @Override
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public void tick(Tick tick) {
        tickCount++;
        ticks.call(cache.apply(tick));
    }

    @Override
    public void statistics(Tick tick) {
        tickCount++;
        ticks.call(cache.applyStatistics(tick));
    }

    @Override
    public void trade(Trade trade) {
        tradeCount++;
        trades.call(trade);
    }

    @Override
    public void account(AccountEvent event) {
        // account events need credentials and are never part of public data
        unknownCount++;
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        SequenceTracker.Result result = sequences.check(stream, sequence);
        if (result.verdict() == SequenceTracker.Verdict.GAP) {
            events.call(new FeedEvent.SequenceGap(exchange, receivedAt, instrument, stream, result.previous() + 1,
                    sequence - 1));
        }
        return result.verdict() != SequenceTracker.Verdict.STALE;
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
        events.call(new FeedEvent.SubscriptionFailed(exchange, receivedAt, channel, instrument, reason));
    }

    @Override
    public void exchangeError(String code, String message) {
        events.call(new FeedEvent.Error(exchange, receivedAt, code, message));
    }

    @Override
    public void reconnectRequested(String reason) {
        events.call(new FeedEvent.Handover(exchange, receivedAt, reason));
    }

    @Override
    public void unknown(String type) {
        unknownCount++;
    }

    /** Listeners of one kind; one that throws is logged and stays registered, as on a live feed. */
    static final class Listeners<T> {
        private final List<Consumer<T>> list = new CopyOnWriteArrayList<>();

        Registration add(Consumer<T> listener) {
            Consumer<T> wrapped = java.util.Objects.requireNonNull(listener, "listener is null")::accept;
            list.add(wrapped);
            return () -> list.remove(wrapped);
        }

        void call(T value) {
            for (Consumer<T> listener : list) {
                try {
                    listener.accept(value);
                } catch (RuntimeException e) {
                    LOG.warn("a replay listener threw; it stays registered", e);
                }
            }
        }
    }
}
