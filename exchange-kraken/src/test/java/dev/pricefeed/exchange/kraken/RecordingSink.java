package dev.pricefeed.exchange.kraken;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link ParseSink} for tests: records every call, and checks sequences like the runtime does. */
final class RecordingSink implements ParseSink {

    static final Instant RECEIVED_AT = Instant.parse("2024-01-02T03:04:05.678Z");

    record Sequence(String stream, Instrument instrument, long sequence) {
    }

    record Ack(Channel channel, Instrument instrument, String reason) {
    }

    record Error(String code, String message) {
    }

    final List<Tick> ticks = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<AccountEvent> accountEvents = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();
    final List<Ack> subscribed = new ArrayList<>();
    final List<Ack> failed = new ArrayList<>();
    final List<Error> errors = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> reconnects = new ArrayList<>();
    final Map<String, Long> lastSequence = new HashMap<>();
    int heartbeats;
    int pongs;
    int welcomes;

    @Override
    public Instant receivedAt() {
        return RECEIVED_AT;
    }

    @Override
    public void tick(Tick tick) {
        ticks.add(tick);
    }

    @Override
    public void trade(Trade trade) {
        trades.add(trade);
    }

    @Override
    public void account(AccountEvent event) {
        accountEvents.add(event);
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        sequences.add(new Sequence(stream, instrument, sequence));
        Long last = lastSequence.get(stream);
        if (last != null && sequence <= last) {
            return false;
        }
        lastSequence.put(stream, sequence);
        return true;
    }

    @Override
    public void heartbeat() {
        heartbeats++;
    }

    @Override
    public void pong() {
        pongs++;
    }

    @Override
    public void welcome() {
        welcomes++;
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        subscribed.add(new Ack(channel, instrument, null));
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        failed.add(new Ack(channel, instrument, reason));
    }

    @Override
    public void exchangeError(String code, String message) {
        errors.add(new Error(code, message));
    }

    @Override
    public void reconnectRequested(String reason) {
        reconnects.add(reason);
    }

    @Override
    public void unknown(String type) {
        unknown.add(type);
    }

    /** Whether nothing at all was reported. */
    boolean isEmpty() {
        return ticks.isEmpty() && trades.isEmpty() && accountEvents.isEmpty() && sequences.isEmpty()
                && subscribed.isEmpty() && failed.isEmpty() && errors.isEmpty() && unknown.isEmpty()
                && reconnects.isEmpty() && heartbeats == 0 && pongs == 0 && welcomes == 0;
    }
}
