package dev.pricefeed.spi.support;

import dev.pricefeed.spi.RateLimitedException;
import dev.pricefeed.spi.Spi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Small, shared HTTP plumbing for bootstrap and polling calls with the error handling every exchange needs. */
public final class RestCalls {

    /** The User-Agent sent with every call (some exchanges refuse requests without one). */
    public static final String USER_AGENT = "pricefeed/" + Spi.VERSION;

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private RestCalls() {
    }

    /** GETs a URI and returns the body of a 2xx answer; see {@link #send} for errors. */
    public static String get(HttpClient client, URI uri) throws IOException, InterruptedException {
        return send(client, HttpRequest.newBuilder(uri).GET(), Map.of());
    }

    /** POSTs a body and returns the body of a 2xx answer; see {@link #send} for errors. */
    public static String post(HttpClient client, URI uri, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(client, request, headers);
    }

    /**
     * Sends a request and returns the body of a 2xx answer.
     *
     * @throws RateLimitedException on 429 or 418, waiting as {@code Retry-After} says (seconds) or 10 s without it
     * @throws IOException on any other status, with the status and the start of the body
     */
    public static String send(HttpClient client, HttpRequest.Builder request, Map<String, String> headers)
            throws IOException, InterruptedException {
        request.timeout(TIMEOUT).header("User-Agent", USER_AGENT).header("Accept", "application/json");
        headers.forEach(request::header);
        HttpRequest built = request.build();
        HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        String body = abbreviate(response.body());
        if (status == 429 || status == 418) {
            Duration wait = response.headers().firstValue("Retry-After").map(RestCalls::seconds)
                    .orElse(Duration.ofSeconds(10));
            throw new RateLimitedException("HTTP " + status + " from " + built.uri().getPath() + ": " + body, wait);
        }
        throw new IOException("HTTP " + status + " from " + built.uri().getPath() + ": " + body);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(10);
        }
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
