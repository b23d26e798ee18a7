package dev.pricefeed.exchange.kraken;

import static java.util.Objects.requireNonNull;

import dev.pricefeed.spi.AuthenticationException;
import dev.pricefeed.spi.Credentials;
import dev.pricefeed.spi.support.JsonFrames;
import dev.pricefeed.spi.support.RestCalls;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;

/** Fetches a WebSocket token from Kraken's signed REST call {@code GetWebSocketsToken}; one per connect. */
final class KrakenTokenClient {

    /** The signed path; Kraken signs the path from {@code /0/private}, whatever host or proxy serves it. */
    static final String PATH = "/0/private/GetWebSocketsToken";

    private final HttpClient http;
    private final URI uri;
    private final Optional<Credentials> credentials;
    private final KrakenNonce nonces;

    KrakenTokenClient(HttpClient http, URI restBase, Optional<Credentials> credentials, KrakenNonce nonces) {
        this.http = requireNonNull(http, "http is null");
        this.uri = KrakenEndpoints.resolve(requireNonNull(restBase, "restBase is null"), PATH);
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.nonces = requireNonNull(nonces, "nonces is null");
    }

    /**
     * Requests a fresh token.
     *
     * @throws AuthenticationException when credentials are missing or Kraken refuses them (with Kraken's text)
     * @throws IOException when the call fails otherwise
     */
    String fetchToken() throws IOException, InterruptedException {
        Credentials keys = credentials.orElseThrow(() -> new AuthenticationException(
                "Kraken private channels need an API key with WebSocket permission: set KRAKEN_API_KEY and "
                        + "KRAKEN_API_SECRET (or kraken.api-key / kraken.api-secret, or the builder's credentials)"));
        KrakenSigner signer = new KrakenSigner(keys.apiSecret());
        String nonce = Long.toString(nonces.next());
        String body = "nonce=" + nonce;
        Map<String, String> headers = Map.of("API-Key", keys.apiKey(), "API-Sign", signer.sign(PATH, nonce, body));
        String answer;
        try {
            answer = RestCalls.post(http, uri, "application/x-www-form-urlencoded", body, headers);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("EAPI:Invalid key")) {
                throw new AuthenticationException("Kraken GetWebSocketsToken failed for key " + keys.redactedKey()
                        + ": " + e.getMessage());
            }
            throw e;
        }
        String[] token = new String[1];
        try {
            KrakenRestResponse.read(answer, "GetWebSocketsToken", parser -> token[0] = readToken(parser));
        } catch (AuthenticationException e) {
            throw new AuthenticationException(e.getMessage() + " (key " + keys.redactedKey() + ")");
        }
        if (token[0] == null || token[0].isEmpty()) {
            throw new IOException("Kraken GetWebSocketsToken answer has no token");
        }
        return token[0];
    }

    private static String readToken(JsonParser parser) {
        String token = null;
        while (parser.next() != JsonParser.Event.END_OBJECT) {
            String name = parser.getString();
            JsonParser.Event value = parser.next();
            if (name.equals("token") && value == JsonParser.Event.VALUE_STRING) {
                token = parser.getString();
            } else {
                JsonFrames.skip(parser, value);
            }
        }
        return token;
    }
}
