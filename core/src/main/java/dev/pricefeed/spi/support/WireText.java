package dev.pricefeed.spi.support;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * Fast, exact readers of the numbers and times exchanges write as text. They give exactly what
 * {@code new BigDecimal(text)} and {@code OffsetDateTime.parse(text)} give (value and scale), without their per-call
 * garbage, and fall back to those for any form they do not handle themselves.
 */
public final class WireText {

    /** Up to 18 digits always fit in a long. */
    private static final int MAX_FAST_DIGITS = 18;

    private WireText() {
    }

    /**
     * The exact decimal a text such as {@code 67523.10}, {@code -0.5} or {@code 3.426e-5} holds, with the same scale as
     * {@code new BigDecimal(text)}; {@code null} for null or an empty text.
     *
     * @throws NumberFormatException when the text is not a number
     */
    public static BigDecimal decimal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int length = text.length();
        int i = 0;
        boolean negative = false;
        char c = text.charAt(0);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = 1;
        }
        long unscaled = 0;
        int digits = 0;
        int significant = 0;
        int scale = 0;
        boolean point = false;
        for (; i < length; i++) {
            c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant > MAX_FAST_DIGITS) {
                    return new BigDecimal(text);
                }
                unscaled = unscaled * 10 + (c - '0');
                if (point) {
                    scale++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                return new BigDecimal(text);
            }
        }
        if (digits == 0) {
            return new BigDecimal(text);
        }
        if (i < length) {
            int exponent = exponent(text, i + 1);
            if (exponent == Integer.MIN_VALUE) {
                return new BigDecimal(text);
            }
            scale -= exponent;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** The exponent after an {@code e}, or {@link Integer#MIN_VALUE} when it is not a small plain integer. */
    private static int exponent(String text, int from) {
        int length = text.length();
        int i = from;
        boolean negative = false;
        if (i < length && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i == length || length - i > 6) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /**
     * The instant an RFC 3339 time such as {@code 2023-09-25T09:04:31.742648Z} or {@code 2023-09-25T09:04:31+02:00}
     * names (0 to 9 fraction digits); {@code null} for null or an empty text.
     *
     * @throws java.time.format.DateTimeParseException when the text is not such a time
     */
    public static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant fast = fastInstant(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    private static Instant fastInstant(String t) {
        int length = t.length();
        if (length < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (t.charAt(i) == '.') {
            int start = ++i;
            while (i < length && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(t, start, count);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == length - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == length - 6 && (t.charAt(i) == '+' || t.charAt(i) == '-') && t.charAt(i + 3) == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (t.charAt(i) == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
