package dev.pricefeed.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * Candle intervals written as on the command line ({@code 30s}, {@code 1m}, {@code 15m}, {@code 4h}, {@code 1d}), and
 * their boundaries: an interval starts at a whole multiple of its length since the epoch, in UTC, so {@code 1d} candles
 * start at midnight UTC and {@code 4h} candles at 00:00, 04:00, ... UTC.
 */
public final class Intervals {

    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private Intervals() {
    }

    /**
     * Parses {@code <number><unit>} with unit {@code s}, {@code m}, {@code h} or {@code d}.
     *
     * @throws IllegalArgumentException when the text is not an interval, or one that does not divide a day evenly
     */
    public static Duration parse(String text) {
        Objects.requireNonNull(text, "interval is null");
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.length() < 2) {
            throw new IllegalArgumentException(invalid(text));
        }
        char unit = trimmed.charAt(trimmed.length() - 1);
        long amount;
        try {
            amount = Long.parseLong(trimmed.substring(0, trimmed.length() - 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(invalid(text), e);
        }
        if (amount <= 0) {
            throw new IllegalArgumentException(invalid(text));
        }
        Duration interval = switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException(invalid(text));
        };
        return require(interval);
    }

    /**
     * Checks that candles of this length have fixed UTC boundaries: whole seconds that divide a day evenly, or one day.
     *
     * @throws IllegalArgumentException naming the interval and the rule
     */
    public static Duration require(Duration interval) {
        Objects.requireNonNull(interval, "interval is null");
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || seconds <= 0 || (seconds != DAY_SECONDS && DAY_SECONDS % seconds != 0)) {
            throw new IllegalArgumentException("interval " + format(interval) + " does not divide a day evenly; use "
                    + "one such as 1m, 5m, 15m, 1h, 4h or 1d");
        }
        return interval;
    }

    /** The shortest text for the interval: {@code 1d}, {@code 4h}, {@code 15m}, {@code 30s}. */
    public static String format(Duration interval) {
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || seconds <= 0) {
            return interval.toString();
        }
        if (seconds % DAY_SECONDS == 0) {
            return seconds / DAY_SECONDS + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** The start of the interval that holds {@code time}. */
    public static Instant openTime(Instant time, Duration interval) {
        long length = interval.getSeconds();
        long start = Math.floorDiv(time.getEpochSecond(), length) * length;
        return Instant.ofEpochSecond(start);
    }

    private static String invalid(String text) {
        return "interval '" + text + "' is not a number and a unit (s, m, h, d), such as 1m, 15m, 1h or 1d";
    }
}
