package com.example.pricefeed.bitstamp;

import dev.pricefeed.PriceFeed;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/** The shared connector contract, run against the Bitstamp simulator. */
@DisplayName("Bitstamp connector contract")
class BitstampContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        return BitstampSimulator.start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USD", "ETH/USD");
    }

    /** The contract judges a socket dead after 1 s of silence, so the client's heartbeat must come more often. */
    @Override
    protected PriceFeed.Builder tune(PriceFeed.Builder builder) {
        return builder.option("heartbeat-interval", "250ms");
    }
}
