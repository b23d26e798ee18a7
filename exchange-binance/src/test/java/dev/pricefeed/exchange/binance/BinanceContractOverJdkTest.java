package dev.pricefeed.exchange.binance;

/** The connector contract kit again, on the JDK's WebSocket client ({@code websocket.transport=jdk}). */
class BinanceContractOverJdkTest extends BinanceContractTest {

    @Override
    protected String transport() {
        return "jdk";
    }
}
