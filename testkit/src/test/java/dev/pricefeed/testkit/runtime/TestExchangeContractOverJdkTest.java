package dev.pricefeed.testkit.runtime;

/** The contract kit on the test-only exchange over the JDK's WebSocket client. */
class TestExchangeContractOverJdkTest extends TestExchangeContractTest {

    @Override
    protected String transport() {
        return "jdk";
    }
}
