package dev.pricefeed.exchange.kucoin;

/** The connector contract kit again, on the JDK's WebSocket client ({@code websocket.transport=jdk}). */
class KuCoinContractOverJdkTest extends KuCoinContractTest {

    @Override
    protected String transport() {
        return "jdk";
    }
}
