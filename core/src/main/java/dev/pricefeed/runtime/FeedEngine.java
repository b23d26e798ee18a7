package dev.pricefeed.runtime;

import dev.pricefeed.AccountEvent;
import dev.pricefeed.Delivery;
import dev.pricefeed.FeedEvent;
import dev.pricefeed.FeedMetrics;
import dev.pricefeed.FeedState;
import dev.pricefeed.FrameListener;
import dev.pricefeed.Instrument;
import dev.pricefeed.PriceCache;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.config.FeedConfig;
import dev.pricefeed.spi.ExchangeProvider;
import java.time.Clock;
import java.util.function.Consumer;

/** Runs one feed (being written: the life cycle lands next). */
public final class FeedEngine {

    private final FeedConfig config;

    public FeedEngine(FeedConfig config, ExchangeProvider provider, Clock clock) {
        this.config = config;
    }

    public FeedConfig config() { return config; }
    public void addTickListener(Instrument instrument, Consumer<Tick> listener, Delivery delivery) { throw new UnsupportedOperationException(); }
    public void addTradeListener(Consumer<Trade> listener, Delivery delivery) { throw new UnsupportedOperationException(); }
    public void addEventListener(Consumer<FeedEvent> listener) { throw new UnsupportedOperationException(); }
    public void addAccountListener(Consumer<AccountEvent> listener) { throw new UnsupportedOperationException(); }
    public void addFrameListener(FrameListener listener) { throw new UnsupportedOperationException(); }
    public void start() { throw new UnsupportedOperationException(); }
    public FeedState state() { throw new UnsupportedOperationException(); }
    public PriceCache cache() { throw new UnsupportedOperationException(); }
    public FeedMetrics metrics() { throw new UnsupportedOperationException(); }
    public void close() { }
}
