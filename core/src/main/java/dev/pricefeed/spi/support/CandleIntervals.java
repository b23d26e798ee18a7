package dev.pricefeed.spi.support;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The candle intervals one exchange serves, each with the exchange's own name for it ({@code 1m}, {@code 1min},
 * {@code 60}); asking for another interval is an {@link IllegalArgumentException} that lists the served ones.
 */
public final class CandleIntervals {

    private final String exchange;
    private final TreeMap<Duration, String> codes;

    private CandleIntervals(String exchange, Map<Duration, String> codes) {
        this.exchange = requireNonNull(exchange, "exchange is null");
        this.codes = new TreeMap<>(requireNonNull(codes, "codes is null"));
        if (this.codes.isEmpty()) {
            throw new IllegalArgumentException("an exchange serves at least one interval");
        }
    }

    /** The intervals an exchange serves, with the name it uses for each in requests. */
    public static CandleIntervals of(String exchange, Map<Duration, String> codes) {
        return new CandleIntervals(exchange, codes);
    }

    /**
     * The ladder Binance and KuCoin both serve (1, 3, 5, 15, 30 minutes; 1, 2, 4, 6, 8, 12 hours; 1 day), each named
     * as a count followed by the exchange's unit word ({@code 15m} / {@code 15min}, {@code 4h} / {@code 4hour}).
     */
    public static CandleIntervals minuteHourDay(String exchange, String minute, String hour, String day) {
        Map<Duration, String> codes = new TreeMap<>();
        for (int minutes : new int[] {1, 3, 5, 15, 30}) {
            codes.put(Duration.ofMinutes(minutes), minutes + minute);
        }
        for (int hours : new int[] {1, 2, 4, 6, 8, 12}) {
            codes.put(Duration.ofHours(hours), hours + hour);
        }
        codes.put(Duration.ofDays(1), "1" + day);
        return of(exchange, codes);
    }

    /** The served intervals, shortest first. */
    public List<Duration> intervals() {
        return Collections.unmodifiableList(new ArrayList<>(codes.keySet()));
    }

    /**
     * The exchange's name of an interval.
     *
     * @throws IllegalArgumentException when the exchange does not serve it; the message lists the served intervals
     */
    public String code(Duration interval) {
        requireNonNull(interval, "interval is null");
        String code = codes.get(interval);
        if (code == null) {
            throw new IllegalArgumentException(exchange + " has no " + label(interval) + " candles; supported intervals: "
                    + codes.keySet().stream().map(CandleIntervals::label).collect(Collectors.joining(", ")));
        }
        return code;
    }

    /** A short label such as {@code 1m}, {@code 4h}, {@code 1d} or {@code 90s}, as the command line writes intervals. */
    public static String label(Duration interval) {
        long seconds = interval.getSeconds();
        if (interval.getNano() != 0 || seconds <= 0) {
            return interval.toString();
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
