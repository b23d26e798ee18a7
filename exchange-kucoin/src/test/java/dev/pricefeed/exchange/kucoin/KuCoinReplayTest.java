package dev.pricefeed.exchange.kucoin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.FrameReplay;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** KuCoin frames through the public offline replay: what a feed's cache would show. */
class KuCoinReplayTest {

    private static final Instrument BTC_USDT = Instrument.of("BTC/USDT");
    private static final Instant RECEIVED = Instant.parse("2024-10-24T08:24:47Z");

    @Test
    @DisplayName("replaying /market/snapshot frames alone yields last, bid and ask as well as the 24 h statistics")
    void snapshotsAloneYieldLastBidAndAsk() {
        try (FrameReplay replay = FrameReplay.builder().exchange("kucoin").instruments("BTC/USDT").build()) {
            replay.replay(Fixtures.read("ws-snapshot-docs-3470065.json"), RECEIVED);

            Tick tick = replay.cache().latest(BTC_USDT).orElseThrow();
            assertThat(tick.last()).isEqualTo(new BigDecimal("67158.1"));
            assertThat(tick.bid()).isEqualTo(new BigDecimal("67158.1"));
            assertThat(tick.ask()).isEqualTo(new BigDecimal("67158.2"));
            assertThat(tick.volume()).isEqualTo(new BigDecimal("2227.69895852000000000000"));
        }
    }

    @Test
    @DisplayName("an older snapshot never overwrites the newer level-1 quote; its statistics still arrive")
    void olderSnapshotKeepsTheNewerQuote() {
        try (FrameReplay replay = FrameReplay.builder().exchange("kucoin").instruments("BTC/USDT").build()) {
            // level 1 one second after the snapshot's datetime (1729758286011)
            replay.replay("{\"type\":\"message\",\"topic\":\"/spotMarket/level1:BTC-USDT\",\"subject\":\"level1\","
                    + "\"data\":{\"asks\":[\"67160.0\",\"1\"],\"bids\":[\"67159.9\",\"2\"],"
                    + "\"timestamp\":1729758287011}}", RECEIVED);
            replay.replay(Fixtures.read("ws-snapshot-docs-3470065.json"), RECEIVED.plusSeconds(1));

            Tick tick = replay.cache().latest(BTC_USDT).orElseThrow();
            assertThat(tick.bid()).isEqualTo(new BigDecimal("67159.9"));
            assertThat(tick.ask()).isEqualTo(new BigDecimal("67160.0"));
            assertThat(tick.last()).isEqualTo(new BigDecimal("67158.1"));
            assertThat(tick.high()).isEqualTo(new BigDecimal("67611.80000000000000000000"));
        }
    }
}
