package dev.pricefeed.benchmarks.loopback;

import dev.pricefeed.Delivery;
import dev.pricefeed.PriceFeed;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/** pricefeed with its Binance plugin, the ticker listener queued ({@link Delivery#queue()}) so no tick is conflated. */
final class PricefeedClient implements Client {

    private final RecoveryTuning tuning;
    private PriceFeed feed;

    PricefeedClient(RecoveryTuning tuning) {
        this.tuning = tuning;
    }

    @Override
    public String name() {
        return "pricefeed";
    }

    @Override
    public void start(URI websocket, URI rest, Arrivals arrivals) {
        PriceFeed.Builder builder = PriceFeed.builder().exchange("binance").instruments("BTC/USDT")
                .environment(Map.of()).systemProperties(new Properties())
                .endpoint(websocket).restEndpoint(rest);
        if (tuning.healthyAfter() != null) {
            builder.healthyAfter(tuning.healthyAfter());
        }
        if (tuning.reconnectDelay() != null) {
            builder.reconnectDelay(tuning.reconnectDelay());
        }
        feed = builder.build();
        feed.onTick(tick -> arrivals.arrived(tick.quoteVolume().longValue(), tick.volume().longValue()),
                Delivery.queue());
        feed.start();
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
