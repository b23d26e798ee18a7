package dev.pricefeed.spi.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Fast, exact readers of the numbers and times exchanges write as text. They give exactly what
 * {@code new BigDecimal(text)} and {@code OffsetDateTime.parse(text)} give (value and scale), without their per-call
 * garbage, and fall back to those for any form they do not handle themselves.
 */
public final class WireText {

    /** Up to 18 digits always fit in a long. */
    private static final int MAX_FAST_DIGITS = 18;

    /** What {@code count} fraction digits are multiplied by to give nanoseconds. */
    private static final int[] NANO_SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10,
        1};

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
        return decimal(text, 0, text.length());
    }

    /**
     * The exact decimal the characters {@code from} (inclusive) to {@code to} (exclusive) of a text hold, as
     * {@link #decimal(String)} reads them; {@code null} for an empty range. Reads a frame's characters in place.
     *
     * @throws NumberFormatException when the range is not a number
     */
    public static BigDecimal decimal(CharSequence text, int from, int to) {
        if (from >= to) {
            return null;
        }
        int length = to;
        int i = from;
        boolean negative = false;
        char c = text.charAt(from);
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = from + 1;
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
                    return slow(text, from, to);
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
                return slow(text, from, to);
            }
        }
        if (digits == 0) {
            return slow(text, from, to);
        }
        if (i < length) {
            int exponent = exponent(text, i + 1, to);
            if (exponent == Integer.MIN_VALUE) {
                return slow(text, from, to);
            }
            scale -= exponent;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /**
     * The exact decimal {@code chars[from, to)} holds, as {@link #decimal(CharSequence, int, int)} reads it, for a
     * frame's characters in an array (the hot path: no {@code charAt} call per character).
     *
     * @throws NumberFormatException when the range is not a number
     */
    public static BigDecimal decimal(char[] chars, int from, int to) {
        if (from >= to) {
            return null;
        }
        int i = from;
        boolean negative = false;
        char c = chars[from];
        if (c == '-' || c == '+') {
            negative = c == '-';
            i = from + 1;
        }
        long unscaled = 0;
        int point = -1;
        int mantissaStart = i;
        for (; i < to; i++) {
            c = chars[i];
            int digit = c - '0';
            if (digit >= 0 && digit <= 9) {
                unscaled = unscaled * 10 + digit;
            } else if (c == '.' && point < 0) {
                point = i;
            } else {
                break;
            }
        }
        // up to 18 digits, leading zeros included, cannot overflow; more go to BigDecimal (rare on the wire)
        int digits = i - mantissaStart - (point < 0 ? 0 : 1);
        if (digits == 0 || digits > MAX_FAST_DIGITS) {
            return new BigDecimal(chars, from, to - from);
        }
        int scale = point < 0 ? 0 : i - point - 1;
        if (i < to) {
            c = chars[i];
            int exponent = c == 'e' || c == 'E' ? exponent(chars, i + 1, to) : Integer.MIN_VALUE;
            if (exponent == Integer.MIN_VALUE) {
                return new BigDecimal(chars, from, to - from);
            }
            scale -= exponent;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
    }

    /** The exponent after an {@code e} in an array, as {@link #exponent(CharSequence, int, int)} reads it. */
    private static int exponent(char[] chars, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (chars[i] == '-' || chars[i] == '+')) {
            negative = chars[i] == '-';
            i++;
        }
        if (i == to || to - i > 6) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < to; i++) {
            int digit = chars[i] - '0';
            if (digit < 0 || digit > 9) {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** What {@code new BigDecimal} makes of the range: the forms the fast path leaves to it, and its errors. */
    private static BigDecimal slow(CharSequence text, int from, int to) {
        return new BigDecimal(text.subSequence(from, to).toString());
    }

    /** The exponent after an {@code e}, or {@link Integer#MIN_VALUE} when it is not a small plain integer. */
    private static int exponent(CharSequence text, int from, int to) {
        int length = to;
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
        return instant(text, 0, text.length());
    }

    /**
     * The instant the characters {@code from} (inclusive) to {@code to} (exclusive) of a text name, as
     * {@link #instant(String)} reads them; {@code null} for an empty range. Reads a frame's characters in place.
     *
     * @throws java.time.format.DateTimeParseException when the range is not such a time
     */
    public static Instant instant(CharSequence text, int from, int to) {
        if (from >= to) {
            return null;
        }
        Instant fast = fastInstant(text, from, to);
        return fast != null ? fast : OffsetDateTime.parse(text.subSequence(from, to)).toInstant();
    }

    /**
     * The instant {@code chars[from, to)} names, as {@link #instant(CharSequence, int, int)} reads it, for a frame's
     * characters in an array.
     *
     * @throws java.time.format.DateTimeParseException when the range is not such a time
     */
    public static Instant instant(char[] chars, int from, int to) {
        if (from >= to) {
            return null;
        }
        Instant fast = fastInstant(chars, from, to);
        return fast != null ? fast : OffsetDateTime.parse(new String(chars, from, to - from)).toInstant();
    }

    /** The longest time the fast path reads: {@code 2022-10-19T23:28:22.061769123+05:30}. */
    private static final int MAX_FAST_INSTANT_CHARS = 35;

    /**
     * An RFC 3339 time read without the JDK's parser, or {@code null} when it is not in the shapes read here (the JDK's
     * parser then decides): date, {@code T}, time, 0 to 9 fraction digits, {@code Z} or {@code ±hh:mm}.
     */
    private static Instant fastInstant(char[] t, int from, int to) {
        int b = from;
        if (to - b < 20 || t[b + 4] != '-' || t[b + 7] != '-' || t[b + 10] != 'T' || t[b + 13] != ':'
                || t[b + 16] != ':') {
            return null;
        }
        int year = digits(t, b, 4);
        int month = digits(t, b + 5, 2);
        int day = digits(t, b + 8, 2);
        int hour = digits(t, b + 11, 2);
        int minute = digits(t, b + 14, 2);
        int second = digits(t, b + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int i = b + 19;
        int nanos = 0;
        if (t[i] == '.') {
            int start = ++i;
            while (i < to && t[i] >= '0' && t[i] <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(t, start, count) * NANO_SCALE[count];
        }
        int offsetSeconds;
        if (i == to - 1 && t[i] == 'Z') {
            offsetSeconds = 0;
        } else if (i == to - 6 && (t[i] == '+' || t[i] == '-') && t[i + 3] == ':') {
            int hours = digits(t, i + 1, 2);
            int minutes = digits(t, i + 4, 2);
            if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (hours * 3600 + minutes * 60) * (t[i] == '-' ? -1 : 1);
        } else {
            return null;
        }
        return instant(year, month, day, hour, minute, second, nanos, offsetSeconds);
    }

    /** The instant of checked fields, or {@code null} when the date does not exist (as the JDK refuses it). */
    private static Instant instant(int year, int month, int day, int hour, int minute, int second, int nanos,
            int offsetSeconds) {
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            return null;
        }
        long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
    private static int digits(char[] text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * The fast path for a {@code CharSequence} (REST texts, not frames): the range copied into an array for
     * {@link #fastInstant(char[], int, int)}; {@code null} sends anything else to the JDK's parser.
     */
    private static Instant fastInstant(CharSequence t, int from, int to) {
        if (to - from > MAX_FAST_INSTANT_CHARS) {
            return null;
        }
        char[] range = new char[to - from];
        for (int k = 0; k < range.length; k++) {
            range[k] = t.charAt(from + k);
        }
        return fastInstant(range, 0, range.length);
    }

    /** Days in a month of the proleptic Gregorian calendar. */
    private static int monthLength(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /**
     * Days from 1970-01-01 to a valid date of years 0..9999 (the civil-from-days inverse: years start in March, so
     * the leap day is the last day of its year); what {@code LocalDate.toEpochDay} gives, without the object.
     */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}
