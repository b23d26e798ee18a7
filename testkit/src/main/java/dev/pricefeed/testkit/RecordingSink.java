package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.runtime.SequenceTracker;
import dev.pricefeed.spi.ParseSink;
import dev.pricefeed.spi.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link ParseSink} for parser unit tests: records every call in order, and checks sequence numbers like the
 * runtime does (a number not above the last one of its stream is stale; a jump is recorded as a gap).
 *
 * <pre>
 * RecordingSink sink = new RecordingSink().forbid(RecordingSink.Call.WELCOME);
 * parser.parse(frame, sink);
 * assertThat(sink.ticks()).singleElement().extracting(Tick::receivedAt).isEqualTo(RecordingSink.RECEIVED_AT);
 * </pre>
 *
 * <p>Not thread-safe: feed it from one thread, as a parser test does.
 */
public final class RecordingSink implements ParseSink {

    /** The receive time a new sink reports, so tests can assert it exactly. */
    public static final Instant RECEIVED_AT = Instant.parse("2024-01-02T03:04:05.678Z");

    /** The kinds of calls a parser makes, for {@link #forbid(Call...)}. */
    public enum Call {
        /** {@link ParseSink#tick(Tick)}. */
        TICK,
        /** {@link ParseSink#statistics(Tick)}. */
        STATISTICS,
        /** {@link ParseSink#trade(Trade)}. */
        TRADE,
        /** {@link ParseSink#account(AccountEvent)}. */
        ACCOUNT,
        /** {@link ParseSink#sequence(String, Instrument, long)}. */
        SEQUENCE,
        /** {@link ParseSink#connectionSequence(String, Instrument, long)}. */
        CONNECTION_SEQUENCE,
        /** {@link ParseSink#heartbeat()}. */
        HEARTBEAT,
        /** {@link ParseSink#pong()}. */
        PONG,
        /** {@link ParseSink#welcome()}. */
        WELCOME,
        /** {@link ParseSink#subscribed(Channel, Instrument)}. */
        SUBSCRIBED,
        /** {@link ParseSink#subscribeFailed(Channel, Instrument, String)}. */
        SUBSCRIBE_FAILED,
        /** {@link ParseSink#resubscribeSeparately(List)}. */
        RESUBSCRIBE_SEPARATELY,
        /** {@link ParseSink#exchangeError(String, String)}. */
        EXCHANGE_ERROR,
        /** {@link ParseSink#reconnectRequested(String)}. */
        RECONNECT_REQUESTED,
        /** {@link ParseSink#unknown(String)}. */
        UNKNOWN
    }

    /**
     * A sequence number the parser reported.
     *
     * @param stream the stream name
     * @param instrument the instrument, or null for streams not tied to one
     * @param sequence the number
     */
    public record Sequence(String stream, Instrument instrument, long sequence) {
    }

    /**
     * Sequence numbers that were skipped in a stream.
     *
     * @param stream the stream name
     * @param firstMissing the first number that did not arrive
     * @param lastMissing the last number that did not arrive
     */
    public record Gap(String stream, long firstMissing, long lastMissing) {
    }

    /**
     * A subscription the exchange confirmed.
     *
     * @param channel the channel
     * @param instrument the instrument, or null for private channels
     */
    public record Subscribed(Channel channel, Instrument instrument) {
    }

    /**
     * A subscription the exchange refused.
     *
     * @param channel the channel
     * @param instrument the instrument, or null when the exchange did not name one
     * @param reason the exchange's text
     */
    public record SubscribeFailure(Channel channel, Instrument instrument, String reason) {
    }

    /**
     * An error frame not tied to one subscription.
     *
     * @param code the exchange's code, or null
     * @param message the exchange's text
     */
    public record ExchangeError(String code, String message) {
    }

    private final List<Tick> ticks = new ArrayList<>();
    private final List<Tick> statistics = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<AccountEvent> accountEvents = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final List<Sequence> connectionSequences = new ArrayList<>();
    private final List<Gap> gaps = new ArrayList<>();
    private final List<Subscribed> subscribed = new ArrayList<>();
    private final List<SubscribeFailure> subscribeFailures = new ArrayList<>();
    private final List<ExchangeError> errors = new ArrayList<>();
    private final List<String> reconnects = new ArrayList<>();
    private final List<Subscription> resentSeparately = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();
    // the runtime's own gap logic, so a parser test sees what a feed would
    private final SequenceTracker sequenceTracker = new SequenceTracker();
    private final SequenceTracker connectionTracker = new SequenceTracker();
    private final Set<Call> forbidden = EnumSet.noneOf(Call.class);
    private Instant receivedAt = RECEIVED_AT;
    private int heartbeats;
    private int pongs;
    private int welcomes;
    private int calls;

    /** Sets the receive time reported from now on. */
    public RecordingSink receivedAt(Instant receivedAt) {
        this.receivedAt = requireNonNull(receivedAt, "receivedAt is null");
        return this;
    }

    /** Makes these calls fail the test at once with an {@link AssertionError}, for what an exchange never sends. */
    public RecordingSink forbid(Call... calls) {
        forbidden.addAll(List.of(requireNonNull(calls, "calls is null")));
        return this;
    }

    @Override
    public Instant receivedAt() {
        return receivedAt;
    }

    @Override
    public void tick(Tick tick) {
        called(Call.TICK, tick);
        ticks.add(tick);
    }

    @Override
    public void statistics(Tick tick) {
        called(Call.STATISTICS, tick);
        statistics.add(tick);
    }

    @Override
    public void trade(Trade trade) {
        called(Call.TRADE, trade);
        trades.add(trade);
    }

    @Override
    public void account(AccountEvent event) {
        called(Call.ACCOUNT, event);
        accountEvents.add(event);
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        Sequence reported = new Sequence(stream, instrument, sequence);
        called(Call.SEQUENCE, reported);
        sequences.add(reported);
        return check(sequenceTracker, stream, sequence);
    }

    /** Records a connection-scoped number, checked apart from the feed-wide ones (this sink is one connection). */
    @Override
    public boolean connectionSequence(String stream, Instrument instrument, long sequence) {
        Sequence reported = new Sequence(stream, instrument, sequence);
        called(Call.CONNECTION_SEQUENCE, reported);
        connectionSequences.add(reported);
        return check(connectionTracker, stream, sequence);
    }

    private boolean check(SequenceTracker tracker, String stream, long sequence) {
        SequenceTracker.Result result = tracker.check(stream, sequence);
        if (result.verdict() == SequenceTracker.Verdict.GAP) {
            gaps.add(new Gap(stream, result.previous() + 1, sequence - 1));
        }
        return result.verdict() != SequenceTracker.Verdict.STALE;
    }

    @Override
    public void heartbeat() {
        called(Call.HEARTBEAT, null);
        heartbeats++;
    }

    @Override
    public void pong() {
        called(Call.PONG, null);
        pongs++;
    }

    @Override
    public void welcome() {
        called(Call.WELCOME, null);
        welcomes++;
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        Subscribed ack = new Subscribed(channel, instrument);
        called(Call.SUBSCRIBED, ack);
        subscribed.add(ack);
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        SubscribeFailure failure = new SubscribeFailure(channel, instrument, reason);
        called(Call.SUBSCRIBE_FAILED, failure);
        subscribeFailures.add(failure);
    }

    @Override
    public void resubscribeSeparately(List<Subscription> subscriptions) {
        called(Call.RESUBSCRIBE_SEPARATELY, subscriptions);
        resentSeparately.addAll(subscriptions);
    }

    @Override
    public void exchangeError(String code, String message) {
        ExchangeError error = new ExchangeError(code, message);
        called(Call.EXCHANGE_ERROR, error);
        errors.add(error);
    }

    @Override
    public void reconnectRequested(String reason) {
        called(Call.RECONNECT_REQUESTED, reason);
        reconnects.add(reason);
    }

    @Override
    public void unknown(String type) {
        called(Call.UNKNOWN, type);
        unknown.add(type);
    }

    /** The ticks reported, in order. */
    public List<Tick> ticks() {
        return Collections.unmodifiableList(ticks);
    }

    /** The statistics ticks reported (see {@link ParseSink#statistics(Tick)}), in order. */
    public List<Tick> statistics() {
        return Collections.unmodifiableList(statistics);
    }

    /** The trades reported, in order. */
    public List<Trade> trades() {
        return Collections.unmodifiableList(trades);
    }

    /** The account events reported, in order. */
    public List<AccountEvent> accountEvents() {
        return Collections.unmodifiableList(accountEvents);
    }

    /** Every sequence number reported, stale ones included, in order. */
    public List<Sequence> sequences() {
        return Collections.unmodifiableList(sequences);
    }

    /** Every connection-scoped sequence number reported, stale ones included, in order. */
    public List<Sequence> connectionSequences() {
        return Collections.unmodifiableList(connectionSequences);
    }

    /** The gaps the reported sequence numbers left, in order. */
    public List<Gap> gaps() {
        return Collections.unmodifiableList(gaps);
    }

    /** The confirmed subscriptions, in order. */
    public List<Subscribed> subscribed() {
        return Collections.unmodifiableList(subscribed);
    }

    /** The refused subscriptions, in order. */
    public List<SubscribeFailure> subscribeFailures() {
        return Collections.unmodifiableList(subscribeFailures);
    }

    /** The exchange errors reported, in order. */
    public List<ExchangeError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** The subscriptions the parser asked to send again one by one, in order. */
    public List<Subscription> resentSeparately() {
        return Collections.unmodifiableList(resentSeparately);
    }

    /** The reasons of the reconnect requests, in order. */
    public List<String> reconnects() {
        return Collections.unmodifiableList(reconnects);
    }

    /** The frame types reported as unknown, in order. */
    public List<String> unknown() {
        return Collections.unmodifiableList(unknown);
    }

    /** How many heartbeats were reported. */
    public int heartbeats() {
        return heartbeats;
    }

    /** How many pongs were reported. */
    public int pongs() {
        return pongs;
    }

    /** How many welcomes were reported. */
    public int welcomes() {
        return welcomes;
    }

    /** How many calls of any kind were made, {@link #receivedAt()} not counted. */
    public int calls() {
        return calls;
    }

    private void called(Call call, Object detail) {
        if (forbidden.contains(call)) {
            throw new AssertionError("the parser reported " + call + (detail == null ? "" : " " + detail)
                    + ", which this test forbids");
        }
        calls++;
    }
}
