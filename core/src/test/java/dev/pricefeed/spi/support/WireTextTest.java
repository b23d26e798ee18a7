package dev.pricefeed.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WireTextTest {

    @Test
    void decimalsKeepValueAndScaleExactlyAsBigDecimalDoes() {
        String[] samples = {"67523.10", "0.00003426", "3.426e-5", "3.426E+5", "1e3", "-0.5", "+7", "0", "0.00", "-0.0",
                "740.0", "1361.44813783", "13834774380200032777", "123456789012345678", "1234567890123456789",
                "0.000000000000000000000001", "99999999999999999999.99", ".5", "5.", "1e-400"};
        for (String text : samples) {
            assertThat(WireText.decimal(text)).as(text).isEqualTo(new BigDecimal(text));
            assertThat(inArray(text)).as(text).isEqualTo(new BigDecimal(text));
        }
    }

    @Test
    void randomDecimalsMatchBigDecimal() {
        Random random = new Random(42);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append(random.nextBoolean() ? '-' : '+');
            }
            int intDigits = random.nextInt(12);
            for (int i = 0; i < intDigits; i++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean() || intDigits == 0) {
                text.append('.');
                int fraction = random.nextInt(12) + (intDigits == 0 ? 1 : 0);
                for (int i = 0; i < fraction; i++) {
                    text.append((char) ('0' + random.nextInt(10)));
                }
            }
            if (random.nextInt(5) == 0) {
                text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "")
                        .append(random.nextInt(30));
            }
            String s = text.toString();
            assertThat(WireText.decimal(s)).as(s).isEqualTo(new BigDecimal(s));
            assertThat(inArray(s)).as(s).isEqualTo(new BigDecimal(s));
        }
    }

    @Test
    void notANumberIsRefusedAndEmptyIsNull() {
        assertThat(WireText.decimal("")).isNull();
        assertThat(WireText.decimal(null)).isNull();
        for (String bad : new String[] {"abc", "1.2.3", "-", "1e", "e5", "1,5", "NaN", "1.-5", "--1", "1e5e5"}) {
            assertThatThrownBy(() -> WireText.decimal(bad)).as(bad).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> inArray(bad)).as(bad).isInstanceOf(NumberFormatException.class);
        }
        assertThat(WireText.decimal(new char[] {'1'}, 1, 1)).isNull();
    }

    @Test
    void instantsMatchTheJdkParser() {
        String[] samples = {"2023-09-25T09:04:31.742648Z", "2022-10-19T23:28:22.061769Z", "2020-03-20T00:22:57.833Z",
                "2014-11-07T08:19:27.028459Z", "2024-02-29T23:59:59Z", "2024-05-01T10:15:30.123456789Z",
                "2023-09-25T11:04:31.5+02:00", "1999-12-31T23:30:00-05:30", "1970-01-01T00:00:00Z"};
        for (String text : samples) {
            assertThat(WireText.instant(text)).as(text).isEqualTo(OffsetDateTime.parse(text).toInstant());
            char[] chars = ("\"" + text + "\"").toCharArray();
            assertThat(WireText.instant(chars, 1, chars.length - 1)).as(text)
                    .isEqualTo(OffsetDateTime.parse(text).toInstant());
        }
        assertThat(WireText.instant("")).isNull();
        assertThat(WireText.instant(new char[] {'x'}, 1, 1)).isNull();
        // a point without digits is what the JDK accepts too (its fallback reads it)
        char[] point = "2023-01-01T00:00:00.Z".toCharArray();
        assertThat(WireText.instant(point, 0, point.length)).isEqualTo(Instant.parse("2023-01-01T00:00:00Z"));
    }

    @Test
    void invalidTimesFailLikeTheJdkParser() {
        assertThatThrownBy(() -> WireText.instant("2023-13-01T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> WireText.instant("2023-02-29T00:00:00Z")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> WireText.instant("yesterday")).isInstanceOf(DateTimeParseException.class);
        for (String bad : new String[] {"2023-13-01T00:00:00Z", "2023-02-29T00:00:00Z", "yesterday",
            "2023-01-01T24:00:00Z", "2023-01-01T00:00:00.1234567890Z", "2023-01-01T00:00:00",
            "2023-01-01T00:00:00+2:00", "2023-01-01T00:00:00+19:00"}) {
            char[] chars = bad.toCharArray();
            assertThatThrownBy(() -> WireText.instant(chars, 0, chars.length)).as(bad)
                    .isInstanceOf(DateTimeParseException.class);
        }
        assertThat(WireText.instant("2024-01-01T00:00:00.1Z")).isEqualTo(Instant.parse("2024-01-01T00:00:00.100Z"));
    }

    @Test
    void epochDaysMatchLocalDateAcrossLeapYearsAndCenturies() {
        for (java.time.LocalDate d = java.time.LocalDate.of(1599, 12, 1); d.getYear() < 2402; d = d.plusDays(1)) {
            assertThat(WireText.epochDay(d.getYear(), d.getMonthValue(), d.getDayOfMonth())).as(d.toString())
                    .isEqualTo(d.toEpochDay());
        }
        assertThat(WireText.epochDay(0, 1, 1)).isEqualTo(java.time.LocalDate.of(0, 1, 1).toEpochDay());
        assertThat(WireText.epochDay(9999, 12, 31)).isEqualTo(java.time.LocalDate.of(9999, 12, 31).toEpochDay());
    }

    @Test
    void leapDaysAndMonthEndsAreCheckedLikeTheJdk() {
        assertThat(WireText.instant("2000-02-29T00:00:00Z")).isEqualTo(Instant.parse("2000-02-29T00:00:00Z"));
        for (String bad : new String[] {"1900-02-29T00:00:00Z", "2023-04-31T00:00:00Z", "2023-00-10T00:00:00Z",
                "2023-01-00T00:00:00Z", "2023-01-32T00:00:00Z", "2023-01-01T24:00:00Z", "2023-01-01T00:00:00.1234567890Z"}) {
            assertThatThrownBy(() -> WireText.instant(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    /** The text read by the array reader, from the middle of a longer array (as a frame holds it). */
    private static BigDecimal inArray(String text) {
        char[] chars = ("\"" + text + "\"").toCharArray();
        return WireText.decimal(chars, 1, chars.length - 1);
    }

    @Test
    void rangesOfALongerTextReadLikeTheTextAlone() {
        String frame = "x67523.10y-3.4e-5z2022-10-19T23:28:22.061769Z!";
        assertThat(WireText.decimal(frame, 1, 9)).isEqualTo(new BigDecimal("67523.10"));
        assertThat(WireText.decimal(frame, 10, 17)).isEqualTo(new BigDecimal("-3.4e-5"));
        assertThat(WireText.decimal(frame, 3, 3)).isNull();
        assertThat(WireText.instant(frame, 18, 45)).isEqualTo(Instant.parse("2022-10-19T23:28:22.061769Z"));
        assertThatThrownBy(() -> WireText.decimal(frame, 0, 9)).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> WireText.instant(frame, 18, 46)).isInstanceOf(DateTimeParseException.class);
    }
}
