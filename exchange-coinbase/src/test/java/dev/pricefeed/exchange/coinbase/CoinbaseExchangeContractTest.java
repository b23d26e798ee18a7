package dev.pricefeed.exchange.coinbase;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.coinbase.CoinbaseSimulator;
import java.time.Duration;
import java.util.List;

/** The connector contract against the Coinbase Exchange feed (the default). */
class CoinbaseExchangeContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        // heartbeats well inside the contract's 1 s liveness timeout, as Coinbase's 1/s are inside ours
        return CoinbaseSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USD", "ETH/USD");
    }

    /** Coinbase refuses the whole subscribe message naming a bad product; the connector sends the others again. */
    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((CoinbaseSimulator) simulator).refuseTicker(instrument);
        return true;
    }
}
