package dev.pricefeed.testkit;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One plain HTTP request the emulator received.
 *
 * @param method the request method, such as {@code GET}
 * @param path the path without the query, such as {@code /0/public/Ticker}
 * @param query the raw query after {@code ?}, or {@code null} when there is none
 * @param headers request headers by lower-case name (repeated headers joined with {@code ", "})
 * @param body the request body as UTF-8 text, empty when there is none
 */
public record HttpCall(String method, String path, String query, Map<String, String> headers, String body) {

    public HttpCall {
        requireNonNull(method, "method is null");
        requireNonNull(path, "path is null");
        headers = Map.copyOf(requireNonNull(headers, "headers is null"));
        body = body == null ? "" : body;
    }

    /** The URL-decoded query parameters; a repeated name keeps its last value. */
    public Map<String, String> queryParams() {
        return QueryStrings.parse(query);
    }

    /** A request header by name, in any case. */
    public Optional<String> header(String name) {
        requireNonNull(name, "name is null");
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
