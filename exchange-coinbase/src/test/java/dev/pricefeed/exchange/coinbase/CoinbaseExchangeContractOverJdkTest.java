package dev.pricefeed.exchange.coinbase;

/** The connector contract kit again, on the JDK's WebSocket client ({@code websocket.transport=jdk}). */
class CoinbaseExchangeContractOverJdkTest extends CoinbaseExchangeContractTest {

    @Override
    protected String transport() {
        return "jdk";
    }
}
