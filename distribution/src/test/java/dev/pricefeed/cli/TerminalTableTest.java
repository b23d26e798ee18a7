package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pricefeed.FeedState;
import dev.pricefeed.Instrument;
import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalTableTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void aRowShowsPricesSpreadChangeAndAge() {
        Tick tick = Tick.builder("kraken", Instrument.of("BTC/USD"))
                .last(new BigDecimal("67523.1")).bid(new BigDecimal("67523.0")).ask(new BigDecimal("67523.2"))
                .open(new BigDecimal("66000.0")).receivedAt(NOW.minusMillis(1500)).build();

        List<String> lines = TerminalTable.lines(List.of(tick), List.of(), NOW);

        assertThat(lines.get(0)).startsWith("EXCHANGE  INSTRUMENT").contains("LAST", "BID", "ASK", "SPREAD",
                "24H CHANGE", "AGE");
        assertThat(lines.get(1)).startsWith("kraken    BTC/USD")
                .contains("67523.1", "67523.0", "67523.2", "0.2", "+1523.1 (+2.31%)", "1.5s");
    }

    @Test
    void missingValuesShowADash() {
        Tick tick = Tick.builder("binance", Instrument.of("BTC/USDT"))
                .bid(new BigDecimal("1")).receivedAt(NOW).build();

        String row = TerminalTable.lines(List.of(tick), List.of(), NOW).get(1);

        assertThat(row.split("\\s+")).containsExactly("binance", "BTC/USDT", "-", "1", "-", "-", "-", "0.0s");
    }

    @Test
    void eachFeedHasAStatusLine() {
        FeedStatus status = new FeedStatus("kraken", FeedState.BACKOFF, 123, 2, Duration.ofSeconds(12),
                "CONNECTING -> BACKOFF (retry 1 of 10 in 5 s)",
                "cannot connect: cannot resolve ws.kraken.com — is the network up?");

        List<String> lines = TerminalTable.lines(List.of(), List.of(status), NOW);

        assertThat(lines).contains("(waiting for the first prices)",
                "kraken: BACKOFF | 12.3 frames/s | reconnects 2 | last frame 12s ago"
                        + " | CONNECTING -> BACKOFF (retry 1 of 10 in 5 s)"
                        + " | why: cannot connect: cannot resolve ws.kraken.com — is the network up?");
        assertThat(TerminalTable.lines(List.of(), List.of(new FeedStatus("kucoin", FeedState.CONNECTING, 0, 0, null,
                null, null)), NOW)).contains("kucoin: CONNECTING | 0.0 frames/s | reconnects 0 | last frame none yet");
    }

    @Test
    void aScreenUpdateRedrawsInPlace() {
        String screen = TerminalTable.frame(List.of("a", "b"));

        assertThat(screen).isEqualTo("\u001b[Ha\u001b[K\nb\u001b[K\n\u001b[J");
    }

    @Test
    void agesAreShort() {
        assertThat(TerminalTable.age(Duration.ofMillis(420))).isEqualTo("0.4s");
        assertThat(TerminalTable.age(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(TerminalTable.age(Duration.ofSeconds(185))).isEqualTo("3m05s");
        assertThat(TerminalTable.age(Duration.ofMinutes(130))).isEqualTo("2h10m");
        assertThat(TerminalTable.age(Duration.ofMillis(-5))).isEqualTo("0.0s");
    }
}
