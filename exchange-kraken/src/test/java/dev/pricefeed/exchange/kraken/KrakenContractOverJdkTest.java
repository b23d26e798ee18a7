package dev.pricefeed.exchange.kraken;

/** The connector contract kit again, on the JDK's WebSocket client ({@code websocket.transport=jdk}). */
class KrakenContractOverJdkTest extends KrakenContractTest {

    @Override
    protected String transport() {
        return "jdk";
    }
}
