package dev.pricefeed.exchange.kucoin;

import dev.pricefeed.Instrument;
import dev.pricefeed.testkit.ConnectorContractTest;
import dev.pricefeed.testkit.ExchangeSimulator;
import dev.pricefeed.testkit.kucoin.KuCoinSimulator;
import java.util.List;

/** The shared connector contract, run against the KuCoin simulator. */
class KuCoinContractTest extends ConnectorContractTest {

    @Override
    protected ExchangeSimulator newSimulator() {
        return KuCoinSimulator.start();
    }

    @Override
    protected List<String> instruments() {
        return List.of("BTC/USDT", "ETH/USDT");
    }

    @Override
    protected boolean issueExpiredToken(ExchangeSimulator simulator) {
        ((KuCoinSimulator) simulator).issueExpiredTokens(1);
        return true;
    }

    /** KuCoin refuses the whole topic for one bad symbol; the connector sends each symbol of it again alone. */
    @Override
    protected boolean refuseTickerSubscription(ExchangeSimulator simulator, Instrument instrument) {
        ((KuCoinSimulator) simulator).refuseTicker(instrument);
        return true;
    }
}
