package dev.pricefeed.cli;

import dev.pricefeed.Tick;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Draws the live price table of {@code watch} in a terminal: one row per instrument, one status line per feed. */
final class TerminalTable {

    /** Moves the cursor home; each line then clears its rest, and the screen below the table is cleared. */
    static final String HOME = "\u001b[H";
    static final String CLEAR_LINE = "\u001b[K";
    static final String CLEAR_BELOW = "\u001b[J";
    static final String CLEAR_SCREEN = "\u001b[2J";
    static final String HIDE_CURSOR = "\u001b[?25l";
    static final String SHOW_CURSOR = "\u001b[?25h";

    private static final String[] HEADER = {"EXCHANGE", "INSTRUMENT", "LAST", "BID", "ASK", "SPREAD", "24H CHANGE",
        "AGE"};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TerminalTable() {
    }

    /** The screen's lines: the table, a blank line, then each feed's status line. */
    static List<String> lines(List<Tick> ticks, List<FeedStatus> statuses, Instant now) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Tick tick : ticks) {
            rows.add(new String[] {tick.exchange(), tick.instrument().toString(), plain(tick.last()),
                    plain(tick.bid()), plain(tick.ask()), plain(tick.spread()), change(tick),
                    age(Duration.between(tick.receivedAt(), now))});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // text columns left-aligned, numbers right-aligned so decimal points roughly line up
                boolean left = i < 2;
                String pad = " ".repeat(widths[i] - row[i].length());
                line.append(left ? row[i] + pad : pad + row[i]).append(i < row.length - 1 ? "  " : "");
            }
            lines.add(line.toString());
        }
        if (ticks.isEmpty()) {
            lines.add("(waiting for the first prices)");
        }
        lines.add("");
        for (FeedStatus status : statuses) {
            lines.add(status(status));
        }
        lines.add("Ctrl-C to stop");
        return lines;
    }

    /** The lines as one screen update: home, each line cleared to its end, the rest of the screen cleared. */
    static String frame(List<String> lines) {
        StringBuilder screen = new StringBuilder(HOME);
        for (String line : lines) {
            screen.append(line).append(CLEAR_LINE).append('\n');
        }
        return screen.append(CLEAR_BELOW).toString();
    }

    private static String status(FeedStatus status) {
        StringBuilder line = new StringBuilder()
                .append(status.exchange()).append(": ").append(status.state())
                .append(" | ").append(status.frameRateTenths() / 10).append('.')
                .append(status.frameRateTenths() % 10).append(" frames/s")
                .append(" | reconnects ").append(status.reconnects())
                .append(" | last frame ").append(status.lastFrameAge() == null ? "none yet"
                        : age(status.lastFrameAge()) + " ago");
        if (status.lastEvent() != null) {
            line.append(" | ").append(status.lastEvent());
        }
        if (status.why() != null) {
            line.append(" | why: ").append(status.why());
        }
        return line.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    /** Last minus the 24 h open, with the percentage; display only, so rounding the percentage is fine. */
    private static String change(Tick tick) {
        BigDecimal change = tick.change24h();
        if (change == null) {
            return "-";
        }
        String sign = change.signum() > 0 ? "+" : "";
        if (tick.open().signum() == 0) {
            return sign + change.toPlainString();
        }
        BigDecimal percent = change.multiply(HUNDRED).divide(tick.open(), 2, RoundingMode.HALF_EVEN);
        return sign + change.toPlainString() + " (" + sign + percent.toPlainString() + "%)";
    }

    /** A short age: 0.4s, 12s, 3m05s, 2h10m. */
    static String age(Duration age) {
        long millis = Math.max(0, age.toMillis());
        if (millis < 10_000) {
            return millis / 1000 + "." + millis % 1000 / 100 + "s";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + twoDigits(seconds % 60) + "s";
        }
        return seconds / 3600 + "h" + twoDigits(seconds % 3600 / 60) + "m";
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
