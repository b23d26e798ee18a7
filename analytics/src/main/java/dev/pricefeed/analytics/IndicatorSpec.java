package dev.pricefeed.analytics;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One indicator asked for by name: {@code sma<N>}, {@code ema<N>}, {@code rsi<N>}, {@code atr<N>}, {@code bb<N>}
 * (Bollinger bands with 2 standard deviations), {@code macd} (12, 26, 9), {@code vwap} (rolling over one day of
 * candles) or {@code vwap<N>} (over N candles).
 *
 * @param name the name as written, in lower case, such as {@code rsi14}
 * @param kind what it computes
 * @param period its number of candles (MACD: 26, its long EMA; {@code vwap}: 0 until the interval is known)
 */
public record IndicatorSpec(String name, Kind kind, int period) {

    /** The largest period accepted, to keep the candle window bounded. */
    public static final int MAX_PERIOD = 1000;

    private static final Pattern NAME = Pattern.compile("([a-z]+)(\\d*)");
    private static final String KNOWN = "sma<N>, ema<N>, rsi<N>, atr<N>, bb<N>, macd, vwap or vwap<N>";

    /** What an indicator computes. */
    public enum Kind {
        /** Simple moving average of closes. */
        SMA,
        /** Exponential moving average of closes (ta4j: starts at the first close, multiplier 2/(N+1)). */
        EMA,
        /** Relative strength index with Wilder smoothing (ta4j). */
        RSI,
        /** Average true range with Wilder smoothing (ta4j). */
        ATR,
        /** Bollinger bands: N-candle SMA and 2 standard deviations of closes. */
        BOLLINGER,
        /** MACD (12, 26) with its 9-candle signal line and histogram. */
        MACD,
        /** Volume-weighted average of typical prices (ta4j). */
        VWAP
    }

    public IndicatorSpec {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(kind, "kind is null");
    }

    /**
     * Parses one name.
     *
     * @throws IllegalArgumentException naming the text and the names accepted
     */
    public static IndicatorSpec parse(String text) {
        Objects.requireNonNull(text, "indicator is null");
        String name = text.trim().toLowerCase(Locale.ROOT);
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(unknown(text));
        }
        String prefix = matcher.group(1);
        String digits = matcher.group(2);
        Kind kind = switch (prefix) {
            case "sma" -> Kind.SMA;
            case "ema" -> Kind.EMA;
            case "rsi" -> Kind.RSI;
            case "atr" -> Kind.ATR;
            case "bb" -> Kind.BOLLINGER;
            case "macd" -> Kind.MACD;
            case "vwap" -> Kind.VWAP;
            default -> throw new IllegalArgumentException(unknown(text));
        };
        if (kind == Kind.MACD) {
            if (!digits.isEmpty()) {
                throw new IllegalArgumentException("indicator '" + text + "': macd takes no number (it is MACD 12, "
                        + "26, 9)");
            }
            return new IndicatorSpec(name, kind, 26);
        }
        if (digits.isEmpty()) {
            if (kind == Kind.VWAP) {
                return new IndicatorSpec(name, kind, 0);
            }
            throw new IllegalArgumentException("indicator '" + text + "' needs a number of candles, such as "
                    + prefix + (kind == Kind.RSI || kind == Kind.ATR ? "14" : "20"));
        }
        int period;
        try {
            period = Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            period = Integer.MAX_VALUE;
        }
        int minimum = kind == Kind.BOLLINGER || kind == Kind.RSI ? 2 : 1;
        if (period < minimum || period > MAX_PERIOD) {
            throw new IllegalArgumentException("indicator '" + text + "': the number of candles must be between "
                    + minimum + " and " + MAX_PERIOD);
        }
        return new IndicatorSpec(name, kind, period);
    }

    /**
     * Parses a comma-separated list, such as {@code sma20,ema20,rsi14}; a name given twice counts once.
     *
     * @throws IllegalArgumentException listing every name that is not an indicator
     */
    public static List<IndicatorSpec> parseList(String text) {
        Objects.requireNonNull(text, "indicators is null");
        Set<IndicatorSpec> specs = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                specs.add(parse(part));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return List.copyOf(specs);
    }

    /** The names of the values this indicator gives: one, or three for {@code bb<N>} and {@code macd}. */
    public List<String> outputs() {
        return switch (kind) {
            case BOLLINGER -> List.of(name + ".upper", name + ".middle", name + ".lower");
            case MACD -> List.of(name, name + ".signal", name + ".histogram");
            default -> List.of(name);
        };
    }

    private static String unknown(String text) {
        return "unknown indicator '" + text + "'; use " + KNOWN + " (such as sma20,rsi14,macd)";
    }
}
