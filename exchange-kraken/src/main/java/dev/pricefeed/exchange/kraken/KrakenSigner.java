package dev.pricefeed.exchange.kraken;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import dev.pricefeed.spi.AuthenticationException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Kraken's {@code API-Sign}: base64(HMAC-SHA512(base64decode(secret), uriPath + SHA256(nonce + postData))).
 * Holds the decoded secret only; {@link #toString()} never shows it.
 */
public final class KrakenSigner {

    private final SecretKeySpec key;

    /**
     * A signer for one base64 API secret.
     *
     * @throws AuthenticationException when the secret is not base64 (the message never contains it)
     */
    public KrakenSigner(String base64Secret) throws AuthenticationException {
        requireNonNull(base64Secret, "base64Secret is null");
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64Secret.trim());
        } catch (IllegalArgumentException e) {
            throw new AuthenticationException("the Kraken API secret is not valid base64 (check KRAKEN_API_SECRET)");
        }
        if (decoded.length == 0) {
            throw new AuthenticationException("the Kraken API secret is empty (check KRAKEN_API_SECRET)");
        }
        this.key = new SecretKeySpec(decoded, "HmacSHA512");
    }

    /** The {@code API-Sign} header value for a request to {@code uriPath} with that nonce and form body. */
    public String sign(String uriPath, String nonce, String postData) {
        requireNonNull(uriPath, "uriPath is null");
        requireNonNull(nonce, "nonce is null");
        requireNonNull(postData, "postData is null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + postData).getBytes(UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(key);
            mac.update(uriPath.getBytes(UTF_8));
            mac.update(digest);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            // SHA-256 and HmacSHA512 are mandatory in every Java runtime, so this means a broken JDK.
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA512", e);
        }
    }

    @Override
    public String toString() {
        return "KrakenSigner[secret=***]";
    }
}
