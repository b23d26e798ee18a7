package dev.pricefeed.exchange.binance;

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

/** A ParseSink that records what a parser reported; sequences behave like the runtime's (newer numbers pass). */
final class RecordingSink implements ParseSink {

    static final Instant RECEIVED = Instant.parse("2026-07-01T12:00:00Z");

    record Sequence(String stream, Instrument instrument, long sequence) {
    }

    record SubscribeFailure(Channel channel, Instrument instrument, String reason) {
    }

    record ExchangeError(String code, String message) {
    }

    final List<Tick> ticks = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();
    final List<String> subscribed = new ArrayList<>();
    final List<SubscribeFailure> subscribeFailures = new ArrayList<>();
    final List<ExchangeError> errors = new ArrayList<>();
    final List<String> reconnectRequests = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    private final Map<String, Long> lastSequence = new HashMap<>();
    int heartbeats;

    @Override
    public Instant receivedAt() {
        return RECEIVED;
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
        throw new AssertionError("Binance public streams carry no account events");
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
        throw new AssertionError("Binance sends no application pongs");
    }

    @Override
    public void welcome() {
        throw new AssertionError("Binance sends no welcome");
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        subscribed.add(channel + " " + instrument);
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        subscribeFailures.add(new SubscribeFailure(channel, instrument, reason));
    }

    @Override
    public void exchangeError(String code, String message) {
        errors.add(new ExchangeError(code, message));
    }

    @Override
    public void reconnectRequested(String reason) {
        reconnectRequests.add(reason);
    }

    @Override
    public void unknown(String type) {
        unknown.add(type);
    }
}
