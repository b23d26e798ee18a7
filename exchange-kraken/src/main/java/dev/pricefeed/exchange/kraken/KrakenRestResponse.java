package dev.pricefeed.exchange.kraken;

import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.support.JsonFrames;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads Kraken's REST envelope {@code {"error":[...],"result":{...}}}: hands the result object to a reader and turns a
 * non-empty error array (sent with HTTP 200) into the matching exception with Kraken's own text.
 */
final class KrakenRestResponse {

    /** How long to wait after {@code EAPI:Rate limit exceeded}; Kraken throttles for a few seconds. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofSeconds(5);

    /** Reads the result object; the parser stands on its {@code START_OBJECT}. */
    @FunctionalInterface
    interface ResultReader {
        void read(JsonParser parser);
    }

    private KrakenRestResponse() {
    }

    /**
     * Reads a response body, handing the result to the reader.
     *
     * @throws RateLimitedException for {@code EAPI:Rate limit exceeded} and other rate errors
     * @throws AuthenticationException for key, signature and permission errors
     * @throws IOException for any other error, or a body that is not Kraken's envelope
     */
    static void read(String body, String what, ResultReader reader) throws IOException {
        List<String> errors = new ArrayList<>();
        boolean sawResult = false;
        try (JsonParser parser = JsonFrames.parser(body)) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new IOException("Kraken " + what + " answer is not a JSON object");
            }
            while (parser.next() != JsonParser.Event.END_OBJECT) {
                String name = parser.getString();
                JsonParser.Event value = parser.next();
                if (name.equals("error") && value == JsonParser.Event.START_ARRAY) {
                    JsonParser.Event item;
                    while ((item = parser.next()) != JsonParser.Event.END_ARRAY) {
                        String text = JsonFrames.text(parser, item);
                        if (text != null) {
                            errors.add(text);
                        }
                    }
                } else if (name.equals("result") && value == JsonParser.Event.START_OBJECT) {
                    sawResult = true;
                    reader.read(parser);
                } else {
                    JsonFrames.skip(parser, value);
                }
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new IOException("Kraken " + what + " answer is not valid JSON: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw failure(what, errors);
        }
        if (!sawResult) {
            throw new IOException("Kraken " + what + " answer has no result");
        }
    }

    private static IOException failure(String what, List<String> errors) {
        String text = String.join(", ", errors);
        String message = "Kraken " + what + " failed: " + text;
        for (String error : errors) {
            if (error.startsWith("EAPI:Rate limit") || error.startsWith("EGeneral:Too many requests")
                    || error.startsWith("EService:Throttled")) {
                return new RateLimitedException(message, RATE_LIMIT_WAIT);
            }
            if (error.startsWith("EAPI:Invalid key") || error.startsWith("EAPI:Invalid signature")
                    || error.startsWith("EGeneral:Permission denied")
                    || error.startsWith("EAPI:Feature disabled")) {
                return new AuthenticationException(message);
            }
        }
        return new IOException(message);
    }
}
