package dev.pricefeed.testkit.runtime;

/** Every runtime life-cycle test again, on the JDK's WebSocket client ({@code websocket.transport=jdk}). */
class FeedRuntimeOverJdkTest extends FeedRuntimeTest {

    @Override
    String transport() {
        return "jdk";
    }
}
