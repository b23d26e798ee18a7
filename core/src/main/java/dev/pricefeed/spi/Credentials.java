package dev.pricefeed.spi;

import java.util.Objects;

/**
 * An API key and secret. {@link #toString()} never shows the secret and shows only the key's first characters.
 *
 * @param apiKey the public key
 * @param apiSecret the secret
 */
public record Credentials(String apiKey, String apiSecret) {

    public Credentials {
        Objects.requireNonNull(apiKey, "apiKey is null");
        Objects.requireNonNull(apiSecret, "apiSecret is null");
    }

    /** The key with all but its first four characters hidden. */
    public String redactedKey() {
        return apiKey.length() <= 4 ? "***" : apiKey.substring(0, 4) + "***";
    }

    @Override
    public String toString() {
        return "Credentials[apiKey=" + redactedKey() + ", apiSecret=***]";
    }
}
