package dev.pricefeed.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The redraw loop every live table shares, and the rate its status lines show. */
class ScreenViewTest {

    private static boolean alive(String threadName) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals(threadName));
    }

    @Test
    @DisplayName("redraws on its own named thread until closed, then draws once more, shows the cursor and stops")
    void redrawsUntilClosed() {
        StringWriter text = new StringWriter();
        AtomicInteger pictures = new AtomicInteger();
        ScreenView view = new ScreenView(new LineOutput(new PrintWriter(text, true)),
                () -> List.of("picture " + pictures.incrementAndGet()), "pricefeed-screen-test");

        view.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> pictures.get() >= 2);
        assertThat(alive("pricefeed-screen-test")).isTrue();
        view.close();
        int last = pictures.get();

        assertThat(text.toString()).startsWith(TerminalTable.HIDE_CURSOR + TerminalTable.CLEAR_SCREEN)
                .contains(TerminalTable.frame(List.of("picture 1")), TerminalTable.frame(List.of("picture " + last)))
                .endsWith(TerminalTable.frame(List.of("picture " + last)) + TerminalTable.SHOW_CURSOR);
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive("pricefeed-screen-test"));
        view.close();
        assertThat(pictures).as("a second close draws nothing").hasValue(last);
    }

    @Test
    @DisplayName("the watch table draws through the screen: prices, then its extra lines above the closing line")
    void tableViewDrawsThroughTheScreen() {
        StringWriter text = new StringWriter();
        TableView table = new TableView(new LineOutput(new PrintWriter(text, true)),
                Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC), () -> List.of("candles: none"));

        table.start(List.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> text.toString().contains("candles: none"));
        table.close();

        String last = TerminalTable.frame(List.of(TerminalTable.lines(List.of(), List.of(), Instant.EPOCH).get(0),
                "(waiting for the first prices)", "", "candles: none", "Ctrl-C to stop"));
        assertThat(text.toString()).startsWith(TerminalTable.HIDE_CURSOR + TerminalTable.CLEAR_SCREEN)
                .endsWith(last + TerminalTable.SHOW_CURSOR);
        await().atMost(Duration.ofSeconds(10)).until(() -> !alive("pricefeed-table"));
    }

    @Test
    @DisplayName("the rate is over the last five seconds, in tenths per second")
    void rateOverTheWindow() {
        RateWindow rate = new RateWindow();
        long second = 1_000_000_000L;
        assertThat(rate.tenthsPerSecond(0, 0)).isZero();
        assertThat(rate.tenthsPerSecond(10, second)).isEqualTo(100);
        assertThat(rate.tenthsPerSecond(30, 2 * second)).isEqualTo(150);
        // the samples older than five seconds are dropped: (100 - 30) over 8 s
        assertThat(rate.tenthsPerSecond(100, 10 * second)).isEqualTo(87);
    }
}
