package dev.pricefeed.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TickOrderTest {

    private static final Instant T = Instant.parse("2024-05-01T10:15:30.100Z");

    private static Tick tick(String last, Instant time, Long sequence, Instant receivedAt) {
        return Tick.builder("binance", Instrument.of("BTC/USDT")).last(new BigDecimal(last)).exchangeTime(time)
                .sequence(sequence).receivedAt(receivedAt).build();
    }

    @Test
    void anOlderExchangeTimeOrSequenceIsStale() {
        Tick held = tick("2", T, 10L, T);

        assertThat(TickOrder.isNews(tick("1", T.minusMillis(1), 10L, T), held)).isFalse();
        assertThat(TickOrder.isNews(tick("1", T, 9L, T), held)).isFalse();
        assertThat(TickOrder.isNews(tick("3", T.plusMillis(1), 10L, T), held)).isTrue();
        assertThat(TickOrder.isNews(tick("3", T, 11L, T), held)).isTrue();
        assertThat(TickOrder.isNews(tick("3", T, 10L, T), null)).isTrue();
    }

    @Test
    void theSameUpdateReceivedByAnotherPublisherIsACopy() {
        Tick held = tick("2", T, 10L, T);

        assertThat(TickOrder.isNews(tick("2", T, 10L, T.plusMillis(7)), held)).isFalse();
        assertThat(TickOrder.identity(tick("2", T, 10L, T.plusMillis(7)))).isEqualTo(TickOrder.identity(held));
    }

    @Test
    void withoutTimeAndSequenceTheLaterArrivalWinsUnlessItIsTheSame() {
        Tick held = tick("2", null, null, T);

        assertThat(TickOrder.stamped(held)).isFalse();
        assertThat(TickOrder.isNews(tick("1", null, null, T.plusMillis(1)), held)).isTrue();
        assertThat(TickOrder.isNews(tick("2", null, null, T.plusMillis(1)), held)).isFalse();
    }
}
