package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a time range into request windows that each hold at most one page of candles, oldest first. Candle open
 * times are multiples of the interval since the epoch (UTC), which is how the exchanges align 1m to 1d candles.
 */
public final class CandleWindows {

    /**
     * One request window: candles opening in {@code [start, end)}.
     *
     * @param start the first open time asked for (aligned to the interval)
     * @param end the end (exclusive)
     */
    public record Window(Instant start, Instant end) {

        public Window {
            requireNonNull(start, "start is null");
            requireNonNull(end, "end is null");
        }
    }

    private CandleWindows() {
    }

    /** The first candle open time at or after {@code time}. */
    public static Instant alignUp(Instant time, Duration interval) {
        Instant down = alignDown(time, interval);
        return down.equals(time) ? time : down.plus(interval);
    }

    /** The open time of the candle that contains {@code time}. */
    public static Instant alignDown(Instant time, Duration interval) {
        long step = interval.toMillis();
        if (step <= 0) {
            throw new IllegalArgumentException("interval " + interval + " is not positive");
        }
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), step) * step);
    }

    /**
     * Windows covering the candles that open in {@code [from, to)}, each with at most {@code perPage} candles; empty
     * when the range holds no open time.
     */
    public static List<Window> split(Instant from, Instant to, Duration interval, int perPage) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage " + perPage + " is below 1");
        }
        List<Window> windows = new ArrayList<>();
        Duration page = interval.multipliedBy(perPage);
        for (Instant start = alignUp(from, interval); start.isBefore(to); start = start.plus(page)) {
            Instant end = start.plus(page);
            windows.add(new Window(start, end.isAfter(to) ? to : end));
        }
        return windows;
    }
}
