package dev.pricefeed.cli;

import dev.pricefeed.Candle;
import dev.pricefeed.analytics.CandleEvent;
import dev.pricefeed.analytics.Intervals;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The terminal table of {@code candles}: the newest closed candles with their indicators, and the one running. */
final class CandleScreen {

    private static final int ROWS = 20;

    private final String title;
    private final List<String> indicatorNames;
    private final Supplier<Optional<Candle>> current;
    private final Deque<CandleEvent> closed = new ArrayDeque<>();

    /**
     * Creates the table.
     *
     * @param title the first line, such as {@code kraken BTC/USD 1m}
     * @param indicatorNames the indicator columns
     * @param current the candle running now
     */
    CandleScreen(String title, List<String> indicatorNames, Supplier<Optional<Candle>> current) {
        this.title = title;
        this.indicatorNames = List.copyOf(indicatorNames);
        this.current = current;
    }

    /** Remembers a closed candle. */
    synchronized void add(CandleEvent event) {
        closed.addLast(event);
        while (closed.size() > ROWS) {
            closed.removeFirst();
        }
    }

    /** The screen's lines. */
    synchronized List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("OPEN TIME", "OPEN", "HIGH", "LOW", "CLOSE", "VOLUME",
                "TRADES", "VWAP", "SOURCE"));
        header.addAll(indicatorNames.stream().map(name -> name.toUpperCase(java.util.Locale.ROOT)).toList());
        rows.add(header.toArray(String[]::new));
        for (CandleEvent event : closed) {
            rows.add(row(event.candle(), event.source().wireName(), event));
        }
        current.get().ifPresent(candle -> rows.add(row(candle, "running", null)));
        List<String> lines = new ArrayList<>();
        lines.add(title);
        lines.add("");
        lines.addAll(Columns.lines(rows));
        if (rows.size() == 1) {
            lines.add("(waiting for the first trade)");
        }
        lines.add("");
        lines.add("Ctrl-C to stop");
        return lines;
    }

    private String[] row(Candle candle, String source, CandleEvent event) {
        List<String> row = new ArrayList<>(List.of(candle.openTime().toString(), plain(candle.open()),
                plain(candle.high()), plain(candle.low()), plain(candle.close()), plain(candle.volume()),
                candle.trades() < 0 ? "-" : Long.toString(candle.trades()), plain(candle.vwap()), source));
        for (String name : indicatorNames) {
            BigDecimal value = event == null ? null : event.indicators().get(name);
            row.add(value == null ? "-" : AnalyticsLines.indicator(value).toPlainString());
        }
        return row.toArray(String[]::new);
    }

    private static String plain(BigDecimal value) {
        return value == null ? "-" : value.toPlainString();
    }

    /** The title line of one series. */
    static String title(String exchange, Object instrument, java.time.Duration interval) {
        return exchange + " " + instrument + " " + Intervals.format(interval) + " candles";
    }
}
