package dev.pricefeed.testkit.kraken;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulator's side of Kraken's private REST authentication: checks {@code API-Key}, {@code API-Sign} (recomputed
 * independently here) and the nonce (strictly increasing per key), and issues WebSocket tokens. Thread-safe.
 */
final class KrakenAuth {

    /** The outcome of a token request: a token, or Kraken's error text. */
    record Outcome(String token, String error) {
    }

    private final String apiKey;
    private final byte[] secret;
    private final AtomicLong lastNonce = new AtomicLong();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<String> issued = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicInteger expiredToIssue = new AtomicInteger();

    KrakenAuth(String apiKey, String base64Secret) {
        this.apiKey = requireNonNull(apiKey, "apiKey is null");
        this.secret = Base64.getDecoder().decode(requireNonNull(base64Secret, "base64Secret is null"));
    }

    /** Answers {@code GetWebSocketsToken}: checks key, signature and nonce, then issues a fresh token. */
    Outcome issueToken(String key, String sign, String path, String body) {
        tokenRequests.incrementAndGet();
        if (key == null || !key.equals(apiKey)) {
            return new Outcome(null, "EAPI:Invalid key");
        }
        String nonce = formValue(body, "nonce");
        if (nonce == null) {
            return new Outcome(null, "EAPI:Invalid nonce");
        }
        if (sign == null || !sign.equals(sign(path, nonce, body))) {
            return new Outcome(null, "EAPI:Invalid signature");
        }
        long value;
        try {
            value = Long.parseLong(nonce);
        } catch (NumberFormatException e) {
            return new Outcome(null, "EAPI:Invalid nonce");
        }
        long previous = lastNonce.getAndAccumulate(value, Math::max);
        if (value <= previous) {
            return new Outcome(null, "EAPI:Invalid nonce");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // a token handed out already expired is issued like any other but never valid
        if (expiredToIssue.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            tokens.add(token);
        }
        issued.add(token);
        return new Outcome(token, null);
    }

    /** Whether a token was issued here and has not been expired. */
    boolean valid(String token) {
        return token != null && tokens.contains(token);
    }

    /** Every token issued so far, oldest first. */
    List<String> issued() {
        return List.copyOf(issued);
    }

    /** The next {@code count} tokens issued are already expired (as if used after their 15 minutes). */
    void issueExpired(int count) {
        expiredToIssue.addAndGet(count);
    }

    /** Makes every token issued so far invalid. */
    void expireAll() {
        tokens.clear();
    }

    /** How many token requests arrived (valid or not). */
    long tokenRequests() {
        return tokenRequests.get();
    }

    private String sign(String path, String nonce, String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(UTF_8));
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            mac.update(path.getBytes(UTF_8));
            mac.update(digest);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256 or HmacSHA512", e);
        }
    }

    private static String formValue(String body, String name) {
        for (String part : body.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return part.substring(eq + 1);
            }
        }
        return null;
    }
}
