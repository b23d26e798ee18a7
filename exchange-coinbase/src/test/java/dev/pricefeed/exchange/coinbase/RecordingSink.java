package dev.pricefeed.exchange.coinbase;

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

/** A ParseSink that records every call, with a real sequence tracker (newer wins, gaps recorded). */
final class RecordingSink implements ParseSink {

    static final Instant RECEIVED = Instant.parse("2026-01-02T03:04:05.123456Z");

    record Sequence(String stream, Instrument instrument, long sequence) {
    }

    record Gap(String stream, long firstMissing, long lastMissing) {
    }

    record Subscribed(Channel channel, Instrument instrument) {
    }

    record Failed(Channel channel, Instrument instrument, String reason) {
    }

    record Error(String code, String message) {
    }

    final List<Tick> ticks = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final List<Sequence> sequences = new ArrayList<>();
    final List<Gap> gaps = new ArrayList<>();
    final List<Subscribed> subscribed = new ArrayList<>();
    final List<Failed> failed = new ArrayList<>();
    final List<Error> errors = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> reconnects = new ArrayList<>();
    int heartbeats;
    int pongs;
    int welcomes;
    private final Map<String, Long> newest = new HashMap<>();

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
        throw new AssertionError("Coinbase market data has no account events");
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        sequences.add(new Sequence(stream, instrument, sequence));
        Long last = newest.get(stream);
        if (last != null && sequence <= last) {
            return false;
        }
        if (last != null && sequence > last + 1) {
            gaps.add(new Gap(stream, last + 1, sequence - 1));
        }
        newest.put(stream, sequence);
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
        subscribed.add(new Subscribed(channel, instrument));
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        failed.add(new Failed(channel, instrument, reason));
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
}
