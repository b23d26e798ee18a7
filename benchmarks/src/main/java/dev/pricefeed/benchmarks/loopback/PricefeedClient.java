package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.Delivery;
import dev.pricefeed.PriceFeed;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * pricefeed with its Binance or Coinbase plugin, the ticker listener queued ({@link Delivery#queue()}) so no tick is
 * conflated. Two configurations: {@code pricefeed}, every default (Tyrus); {@code pricefeed-fast}, the fastest
 * documented one ({@code websocket.transport=jdk}, the listener {@link #FAST_DELIVERY}).
 */
final class PricefeedClient implements Client {

    /** How the fast configuration's listener is fed (named in {@link #settings()}). */
    static final Delivery FAST_DELIVERY = Delivery.inline();

    private final String exchange;
    private final RecoveryTuning tuning;
    private final boolean fast;
    private PriceFeed feed;

    PricefeedClient(String exchange, RecoveryTuning tuning, boolean fast) {
        this.exchange = exchange;
        this.tuning = tuning;
        this.fast = fast;
    }

    @Override
    public String name() {
        return fast ? "pricefeed-fast" : "pricefeed";
    }

    @Override
    public void start(URI websocket, URI rest, Arrivals arrivals) {
        boolean coinbase = exchange.equals("coinbase");
        PriceFeed.Builder builder = PriceFeed.builder().exchange(exchange)
                .instruments(coinbase ? "BTC/USD" : "BTC/USDT")
                .environment(Map.of()).systemProperties(new Properties())
                .endpoint(websocket).restEndpoint(rest);
        if (fast) {
            builder.websocketTransport("jdk");
        }
        if (tuning.healthyAfter() != null) {
            builder.healthyAfter(tuning.healthyAfter());
        }
        if (tuning.reconnectDelay() != null) {
            builder.reconnectDelay(tuning.reconnectDelay());
        }
        feed = builder.build();
        // see TickerFrames for where each exchange's frames carry the number and the send time
        feed.onTick(coinbase
                ? tick -> arrivals.arrived(tick.open().longValue(), tick.volume().longValue())
                : tick -> arrivals.arrived(tick.quoteVolume().longValue(), tick.volume().longValue()),
                fast ? FAST_DELIVERY : Delivery.queue());
        feed.start();
    }

    @Override
    public String settings() {
        return fast ? "websocket.transport=jdk, onTick(listener, Delivery.inline())"
                : "defaults (websocket.transport=tyrus), onTick(listener, Delivery.queue())";
    }

    @Override
    public long dropped() {
        return feed == null ? 0 : feed.metrics().dropped();
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
