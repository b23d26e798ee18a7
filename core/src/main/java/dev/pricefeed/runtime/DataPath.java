package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.MessageParser;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to the content of a frame, on the socket's read thread: the cache is merged, counters bumped, sequence
 * numbers checked, staleness touched, and the result handed to the listeners' mailboxes. Nothing here blocks.
 */
final class DataPath {

    private static final Logger LOG = LoggerFactory.getLogger(DataPath.class);

    private final String exchange;
    private final Clock clock;
    private final Metrics metrics;
    private final LatestPriceCache cache;
    private final ListenerFanout listeners;
    private final StalenessWatch staleness;
    private final SequenceTracker sequences = new SequenceTracker();
    private final Set<Subscription> refused = ConcurrentHashMap.newKeySet();
    private final AtomicInteger parseErrorsLogged = new AtomicInteger();
    private final AtomicInteger binaryFramesLogged = new AtomicInteger();

    DataPath(String exchange, Clock clock, Metrics metrics, LatestPriceCache cache, ListenerFanout listeners,
            StalenessWatch staleness) {
        this.exchange = exchange;
        this.clock = clock;
        this.metrics = metrics;
        this.cache = cache;
        this.listeners = listeners;
        this.staleness = staleness;
    }

    /** A raw text frame arrived (handed to frame listeners, if any). */
    void frame(Instant receivedAt, CharSequence text) {
        listeners.frame(receivedAt, text);
    }

    /** A frame could not be parsed: counted, logged (the first ten, then every thousandth) and skipped. */
    void parseError(CharSequence frame, RuntimeException error) {
        metrics.parseError();
        int logged = parseErrorsLogged.incrementAndGet();
        if (logged <= 10 || logged % 1000 == 0) {
            LOG.warn("{}: skipped a frame that could not be parsed ({} so far): {}: {}", exchange, logged,
                    ErrorText.describe(error), ErrorText.abbreviate(frame.toString()));
        }
    }

    /** A binary frame arrived: the connector's parser may read it; a throw is a parse error, never a reconnect. */
    void binary(ByteBuffer data, MessageParser parser, ParseSink sink) {
        int bytes = data.remaining();
        boolean read;
        try {
            read = parser.parseBinary(data, sink);
        } catch (RuntimeException e) {
            binaryFrame(bytes, true);
            parseError("<binary frame of " + bytes + " bytes>", e);
            return;
        }
        binaryFrame(bytes, read);
    }

    /** A binary frame arrived: counted; one the connector's parser did not read is skipped, the first logged. */
    void binaryFrame(int bytes, boolean read) {
        metrics.binaryFrame();
        if (!read && binaryFramesLogged.getAndIncrement() == 0) {
            LOG.info("{}: skipped a binary frame of {} bytes (binary frames are counted and skipped)", exchange,
                    bytes);
        }
    }

    /**
     * Merges a (partial) tick into the cache and hands the merged tick to listeners; {@code nanos} is when its frame
     * arrived ({@link System#nanoTime()}, read once per frame by the caller).
     */
    void tick(Tick update, long nanos) {
        delivered(update, cache.apply(update), nanos);
    }

    /** Merges a statistics tick by freshness (see {@link LatestPriceCache#applyStatistics}) and hands it on. */
    void statistics(Tick update, long nanos) {
        delivered(update, cache.applyStatistics(update), nanos);
    }

    private void delivered(Tick update, Tick merged, long nanos) {
        metrics.tick();
        staleness.touched(update.instrument(), nanos);
        listeners.tick(merged);
    }

    /** Hands a trade to listeners; {@code nanos} as for {@link #tick}. */
    void trade(Trade trade, long nanos) {
        metrics.trade();
        staleness.touched(trade.instrument(), nanos);
        listeners.trade(trade);
    }

    void account(AccountEvent event) {
        listeners.account(event);
    }

    /** Checks a sequence number; a gap becomes an event; returns false for a repeat, which is to be dropped. */
    boolean sequence(String stream, Instrument instrument, long sequence) {
        return sequence(sequences, stream, instrument, sequence);
    }

    /** Checks a number against {@code tracker} (the feed's, or one connection's), reporting a gap as an event. */
    boolean sequence(SequenceTracker tracker, String stream, Instrument instrument, long sequence) {
        SequenceTracker.Result result = tracker.check(stream, sequence);
        if (result.verdict() == SequenceTracker.Verdict.GAP) {
            metrics.gap();
            LOG.warn("{}: sequence gap on {}: missed {}..{}", exchange, stream, result.previous() + 1, sequence - 1);
            event(new FeedEvent.SequenceGap(exchange, clock.instant(), instrument, stream, result.previous() + 1,
                    sequence - 1));
        }
        return result.verdict() != SequenceTracker.Verdict.STALE;
    }

    /** The exchange refused a subscription: one event, and it is not sent again. */
    void subscriptionRefused(Channel channel, Instrument instrument, String reason) {
        Subscription sub = new Subscription(channel, instrument);
        if (refused.add(sub)) {
            LOG.warn("{}: subscription {} refused by the exchange, not retried: {}", exchange, sub, reason);
            event(new FeedEvent.SubscriptionFailed(exchange, clock.instant(), channel, instrument, reason));
        }
    }

    /** Whether the exchange refused this subscription before. */
    boolean isRefused(Subscription subscription) {
        return refused.contains(subscription);
    }

    /** Hands an event to the event listeners. */
    void event(FeedEvent event) {
        listeners.event(event);
    }

    /** Logs an error (once, with the exchange as prefix) and hands it to the event listeners. */
    void error(String code, String message) {
        LOG.warn("{}: {}", exchange, message);
        event(new FeedEvent.Error(exchange, clock.instant(), code, message));
    }
}
