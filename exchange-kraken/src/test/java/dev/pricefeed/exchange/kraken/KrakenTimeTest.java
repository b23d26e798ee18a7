package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kraken's time formats. */
class KrakenTimeTest {

    @Test
    @DisplayName("RFC 3339 in UTC with 0 to 9 fraction digits, and with an offset")
    void rfc3339() {
        assertThat(KrakenTime.rfc3339("2023-09-25T09:04:31.742648Z"))
                .isEqualTo(Instant.parse("2023-09-25T09:04:31.742648Z"));
        assertThat(KrakenTime.rfc3339("2023-09-25T09:04:31Z")).isEqualTo(Instant.parse("2023-09-25T09:04:31Z"));
        assertThat(KrakenTime.rfc3339("2024-02-29T23:59:59.123456789Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
        assertThat(KrakenTime.rfc3339("2023-09-25T11:04:31.5+02:00"))
                .isEqualTo(Instant.parse("2023-09-25T09:04:31.5Z"));
    }

    @Test
    @DisplayName("unreadable times are null, not errors")
    void unreadable() {
        assertThat(KrakenTime.rfc3339(null)).isNull();
        assertThat(KrakenTime.rfc3339("yesterday")).isNull();
        assertThat(KrakenTime.rfc3339("2023-02-30T00:00:00Z")).isNull();
        assertThat(KrakenTime.epochSeconds("")).isNull();
        assertThat(KrakenTime.epochSeconds("x")).isNull();
    }

    @Test
    @DisplayName("v1 epoch seconds keep their microseconds exactly")
    void epochSeconds() {
        assertThat(KrakenTime.epochSeconds("1534614057.321597"))
                .isEqualTo(Instant.ofEpochSecond(1534614057L, 321_597_000));
    }
}
