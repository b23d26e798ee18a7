package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the emulator answers to a plain HTTP request; {@code Content-Length} and {@code Connection: close} are added
 * when it is written.
 *
 * @param status the HTTP status code
 * @param headers response headers (names as given)
 * @param body the body, written as UTF-8
 */
public record HttpReply(int status, Map<String, String> headers, String body) {

    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status code");
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(headers, "headers is null")));
        body = body == null ? "" : body;
    }

    /** A 200 answer with a JSON body. */
    public static HttpReply json(String body) {
        return new HttpReply(200, Map.of("Content-Type", "application/json"), requireNonNull(body, "body is null"));
    }

    /** An answer with the given status; the content type is JSON when the body looks like JSON, plain text otherwise. */
    public static HttpReply status(int status, String body) {
        String text = body == null ? "" : body;
        String trimmed = text.stripLeading();
        String type = trimmed.startsWith("{") || trimmed.startsWith("[") ? "application/json" : "text/plain; charset=utf-8";
        return new HttpReply(status, Map.of("Content-Type", type), text);
    }

    /** A 404 answer. */
    public static HttpReply notFound() {
        return status(404, "not found");
    }

    /** This answer with one more header (replacing one of the same name). */
    public HttpReply withHeader(String name, String value) {
        requireNonNull(name, "name is null");
        requireNonNull(value, "value is null");
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                copy.put(k, v);
            }
        });
        copy.put(name, value);
        return new HttpReply(status, copy, body);
    }
}
