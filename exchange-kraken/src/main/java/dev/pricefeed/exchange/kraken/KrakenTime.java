package dev.pricefeed.exchange.kraken;

import dev.pricefeed.spi.support.FrameReader;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.WireText;
import jakarta.json.stream.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads Kraken's times: RFC 3339 ({@code 2023-09-25T09:04:31.742648Z}) in v2, epoch seconds as text in v1. */
final class KrakenTime {

    private KrakenTime() {
    }

    /**
     * An RFC 3339 time; the UTC form Kraken sends is read by hand because this runs for every frame, anything else
     * goes through {@code java.time} (see {@link WireText#instant}). Returns {@code null} for null or unreadable text.
     */
    /** The current value as an RFC 3339 time read from the frame's characters; {@code null} as for the text. */
    static Instant rfc3339(FrameReader reader, JsonParser.Event value) {
        if (value != JsonParser.Event.VALUE_STRING) {
            return rfc3339(JsonFrames.text(reader.parser(), value));
        }
        try {
            return reader.instant(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant rfc3339(String text) {
        if (text == null) {
            return null;
        }
        try {
            return WireText.instant(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Epoch seconds with a fraction as text ({@code "1534614057.321597"}), exactly; {@code null} if unreadable. */
    static Instant epochSeconds(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            // an exponent such as "15346E14021597" would make longValue() and subtract() expand it digit by digit
            // (27 GB allocated for a 192-byte frame, found by fuzzing): no time on the wire needs more than 19 whole
            // digits or 18 decimals, so anything beyond is unreadable
            if (seconds.scale() > 18 || seconds.precision() - seconds.scale() > 19) {
                return null;
            }
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
