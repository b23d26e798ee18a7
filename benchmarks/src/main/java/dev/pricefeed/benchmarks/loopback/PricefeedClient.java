package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.Delivery;
import dev.pricefeed.PriceFeed;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * pricefeed with its Binance or Coinbase plugin, the ticker listener queued ({@link Delivery#queue()}) so no tick is
 * conflated. Two configurations: {@code pricefeed}, every default (Tyrus); {@code pricefeed-fast}, the fastest
 * documented one ({@code websocket.transport=jdk}, the listener {@link Delivery#inline()}).
 */
final class PricefeedClient implements Client {

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
        builder.websocketTransport(transport());
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
                delivery());
        feed.start();
    }

    /** The transport: {@code jdk} when fast, Tyrus otherwise; {@code -Dloopback.transport} overrides (experiments). */
    private String transport() {
        return System.getProperty("loopback.transport", fast ? "jdk" : "tyrus");
    }

    /** Inline when fast, queued otherwise; {@code -Dloopback.delivery=inline|queue} overrides (experiments). */
    private Delivery delivery() {
        return deliveryName().equals("inline") ? Delivery.inline() : Delivery.queue();
    }

    private String deliveryName() {
        return System.getProperty("loopback.delivery", fast ? "inline" : "queue");
    }

    @Override
    public String settings() {
        return "websocket.transport=" + transport() + ", onTick(listener, Delivery."
                + deliveryName() + "())" + (fast ? "" : " (defaults otherwise)");
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
