package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.FeedState;
import dev.pricefeed.PriceFeed;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link PriceFeed#history()} on a plugin without {@code HISTORY}: empty, and asking opens no connection. */
class FeedHistoryAccessTest {

    @Test
    @DisplayName("a plugin without HISTORY gives no history, and asking before start connects nothing")
    void pluginWithoutHistoryGivesEmpty() {
        try (TestSimulator simulator = new TestSimulator();
                PriceFeed feed = simulator.pointAt(PriceFeed.builder().exchange("test").instruments("BTC/USD")
                        .environment(Map.of())).build()) {
            assertThat(feed.history()).isEmpty();
            assertThat(feed.state()).isEqualTo(FeedState.IDLE);
            assertThat(simulator.server().connectionsAccepted()).isZero();
            assertThat(simulator.server().httpCalls()).isEmpty();
        }
    }
}
