package dev.pricefeed.testkit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.FeedEvent;
import dev.pricefeed.FrameReplay;
import dev.pricefeed.Instrument;
import dev.pricefeed.Registration;
import dev.pricefeed.Tick;
import dev.pricefeed.Trade;
import dev.pricefeed.config.ConfigException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The public offline replay, through the test exchange's parser found on the class path. */
class FrameReplayTest {

    private static final Instrument BTC = Instrument.of("BTC/USD");
    private static final Instant T1 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2024-05-01T10:00:01Z");

    private final List<Tick> ticks = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<FeedEvent> events = new ArrayList<>();

    private FrameReplay replay() {
        FrameReplay replay = FrameReplay.builder().exchange("test").instruments("BTC/USD").build();
        replay.onTick(ticks::add);
        replay.onTrade(trades::add);
        replay.onEvent(events::add);
        return replay;
    }

    @Test
    @DisplayName("partial ticks reach listeners as the merged picture, and the cache holds it")
    void partialTicksAreMerged() {
        try (FrameReplay replay = replay()) {
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"bid\":\"1.50\",\"ask\":\"1.60\"}", T1);
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"1.55\"}", T2);

            assertThat(ticks).hasSize(2);
            assertThat(ticks.get(1).bid()).isEqualTo(new BigDecimal("1.50"));
            assertThat(ticks.get(1).last()).isEqualTo(new BigDecimal("1.55"));
            assertThat(ticks.get(1).receivedAt()).isEqualTo(T2);
            assertThat(replay.cache().latest(BTC)).contains(ticks.get(1));
            assertThat(replay.ticks()).isEqualTo(2);
            assertThat(replay.frames()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("stale sequence numbers are dropped and gaps reported, as a live feed does")
    void sequences() {
        try (FrameReplay replay = replay()) {
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"1\",\"seq\":\"1\"}", T1);
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"2\",\"seq\":\"4\"}", T1);
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"3\",\"seq\":\"3\"}", T2);

            assertThat(ticks).extracting(Tick::last).containsExactly(BigDecimal.ONE, new BigDecimal("2"));
            assertThat(events).singleElement().isInstanceOfSatisfying(FeedEvent.SequenceGap.class, gap -> {
                assertThat(gap.firstMissing()).isEqualTo(2);
                assertThat(gap.lastMissing()).isEqualTo(3);
                assertThat(gap.instrument()).isEqualTo(BTC);
            });
        }
    }

    @Test
    @DisplayName("a malformed frame is counted, reported as a parse error and skipped; the next one still counts")
    void malformedFrame() {
        try (FrameReplay replay = replay()) {
            assertThat(replay.replay("{\"type\":\"tick\",\"symbol\":", T1)).isFalse();
            assertThat(replay.replay("{\"type\":\"trade\",\"symbol\":\"BTC/USD\",\"price\":\"1.5\",\"size\":\"2\","
                    + "\"side\":\"buy\",\"id\":\"7\"}", T2)).isTrue();

            assertThat(replay.errors()).isEqualTo(1);
            assertThat(events).singleElement().isInstanceOfSatisfying(FeedEvent.Error.class,
                    error -> assertThat(error.code()).isEqualTo("parse"));
            assertThat(trades).singleElement().extracting(Trade::price).isEqualTo(new BigDecimal("1.5"));
        }
    }

    @Test
    @DisplayName("a closed registration gets nothing more; a throwing listener does not stop the replay")
    void registrations() {
        try (FrameReplay replay = replay()) {
            List<Tick> seen = new ArrayList<>();
            Registration registration = replay.onTick(seen::add);
            replay.onTick(tick -> {
                throw new IllegalStateException("listener bug");
            });
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"1\"}", T1);
            registration.close();
            replay.replay("{\"type\":\"tick\",\"symbol\":\"BTC/USD\",\"last\":\"2\"}", T2);

            assertThat(seen).hasSize(1);
            assertThat(ticks).hasSize(2);
        }
    }

    @Test
    @DisplayName("options are checked against the plugin's declarations before anything is made")
    void badOptions() {
        assertThatThrownBy(() -> FrameReplay.builder().exchange("test").option("livenes-ms", "5").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean test.liveness-ms?");
    }
}
