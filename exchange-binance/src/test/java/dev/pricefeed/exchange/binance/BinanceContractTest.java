package dev.pricefeed.exchange.binance;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.binance.BinanceSimulator;
import java.time.Duration;
import java.util.List;

/** The shared connector contract against the Binance emulator. */
class BinanceContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        // the contract judges a socket dead after 1 s of silence; Binance's @ticker pushes every second, so push faster
        return BinanceSimulator.builder().tickerInterval(Duration.ofMillis(200)).start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USDT", "ETH/USDT");
    }

    /** Binance refuses the whole SUBSCRIBE that names a refused stream; the connector sends the others again alone. */
    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((BinanceSimulator) simulator).refuseTicker(instrument);
        return true;
    }

    /** Binance answers 429 when polled too fast, and 418 once an IP keeps going (a ban with Retry-After). */
    @Override
    protected List<Integer> rateLimitStatuses() {
        return List.of(429, 418);
    }
}
