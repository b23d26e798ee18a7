package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.time.Duration;
import java.util.List;

/** The connector contract against the Coinbase Advanced Trade feed ({@code coinbase.feed=advanced-trade}). */
class CoinbaseAdvancedTradeContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        return CoinbaseSimulator.builder().feed(CoinbaseSimulator.Feed.ADVANCED_TRADE)
                .heartbeatInterval(Duration.ofMillis(200)).start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USD", "ETH/USD");
    }

    @Override
    protected PriceFeed.Builder tune(PriceFeed.Builder builder) {
        return builder.option("feed", "advanced-trade");
    }

    /** Coinbase refuses the whole subscribe message naming a bad product; the connector sends the others again. */
    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((CoinbaseSimulator) simulator).refuseTicker(instrument);
        return true;
    }
}
