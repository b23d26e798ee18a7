package dev.pricefeed.exchange.kraken;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.kraken.KrakenSimulator;
import java.time.Duration;
import java.util.List;

/** The shared connector contract, run against the Kraken simulator. */
class KrakenContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        // Heartbeats faster than the contract's 1 s liveness timeout, as Kraken's 1 s is to the default 10 s.
        return KrakenSimulator.builder().heartbeatInterval(Duration.ofMillis(200)).start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USD", "DOGE/USD");
    }

    /** Kraken refuses per symbol ({@code success:false} with the symbol); the request's other symbols stream. */
    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((KrakenSimulator) simulator).refuseTicker(instrument);
        return true;
    }
}
