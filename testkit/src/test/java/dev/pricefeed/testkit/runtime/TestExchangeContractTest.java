package dev.pricefeed.testkit.runtime;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import java.util.List;

/** The contract kit run against the test-only exchange: proves the kit and the runtime together. */
class TestExchangeContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        return new TestSimulator();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USD", "ETH/USD");
    }

    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((TestSimulator) simulator).refusedSymbols.add(instrument.toString());
        return true;
    }
}
