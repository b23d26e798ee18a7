package dev.pricefeed.benchmarks.parse;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Channel;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.spi.ParseSink;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * A sink that does no work of its own: it hands ticks and trades to a consumer (a JMH blackhole, so the parser's work
 * cannot be optimised away), counts them, accepts every sequence number and returns one fixed receive time.
 */
final class CountingSink implements ParseSink {

    private static final Instant RECEIVED = Instant.parse("2024-01-01T00:00:00Z");

    private final Consumer<Object> consumer;
    long ticks;
    long trades;
    long other;

    CountingSink(Consumer<Object> consumer) {
        this.consumer = consumer;
    }

    @Override
    public Instant receivedAt() {
        return RECEIVED;
    }

    @Override
    public void tick(Tick tick) {
        ticks++;
        consumer.accept(tick);
    }

    @Override
    public void trade(Trade trade) {
        trades++;
        consumer.accept(trade);
    }

    @Override
    public void account(AccountEvent event) {
        other++;
        consumer.accept(event);
    }

    @Override
    public boolean sequence(String stream, Instrument instrument, long sequence) {
        return true;
    }

    @Override
    public void heartbeat() {
        other++;
    }

    @Override
    public void pong() {
        other++;
    }

    @Override
    public void welcome() {
        other++;
    }

    @Override
    public void subscribed(Channel channel, Instrument instrument) {
        other++;
    }

    @Override
    public void subscribeFailed(Channel channel, Instrument instrument, String reason) {
        other++;
    }

    @Override
    public void exchangeError(String code, String message) {
        other++;
    }

    @Override
    public void reconnectRequested(String reason) {
        other++;
    }

    @Override
    public void unknown(String type) {
        other++;
    }
}
