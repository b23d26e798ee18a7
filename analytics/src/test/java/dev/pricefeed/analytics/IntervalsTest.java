package dev.pricefeed.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void intervalsParseAndFormatBack() {
        for (String text : new String[] {"30s", "1m", "5m", "15m", "1h", "4h", "1d"}) {
            assertThat(Intervals.format(Intervals.parse(text))).isEqualTo(text);
        }
        assertThat(Intervals.parse("60m")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void boundariesAreWholeMultiplesInUtc() {
        Instant time = Instant.parse("2024-05-01T13:47:12.5Z");

        assertThat(Intervals.openTime(time, Duration.ofMinutes(15))).isEqualTo(Instant.parse("2024-05-01T13:45:00Z"));
        assertThat(Intervals.openTime(time, Duration.ofHours(4))).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(Intervals.openTime(time, Duration.ofDays(1))).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    }

    @Test
    void badIntervalsSayWhy() {
        assertThatThrownBy(() -> Intervals.parse("1w")).hasMessageContaining("interval '1w' is not a number and a unit");
        assertThatThrownBy(() -> Intervals.parse("7m")).hasMessageContaining("7m does not divide a day evenly");
        assertThatThrownBy(() -> Intervals.parse("0m")).hasMessageContaining("is not a number and a unit");
        assertThatThrownBy(() -> Intervals.parse("2d")).hasMessageContaining("2d does not divide a day evenly");
    }
}
