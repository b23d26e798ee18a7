package dev.pricefeed.cli;

import java.util.ArrayDeque;

/**
 * The rate of a running count over the last few seconds, in tenths per second, for the live tables: a redraw between
 * two updates does not show 0. Not thread-safe: one table's redraw thread uses it.
 */
final class RateWindow {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    /** Pairs of (count, nanoTime), oldest first. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();

    /** Records the count as of {@code nowNanos} and returns its rate over the window in tenths per second. */
    long tenthsPerSecond(long count, long nowNanos) {
        samples.addLast(new long[] {count, nowNanos});
        while (samples.size() > 2 && nowNanos - samples.peekFirst()[1] > WINDOW_NANOS) {
            samples.pollFirst();
        }
        long[] oldest = samples.peekFirst();
        return nowNanos > oldest[1] ? (count - oldest[0]) * 10_000_000_000L / (nowNanos - oldest[1]) : 0;
    }
}
