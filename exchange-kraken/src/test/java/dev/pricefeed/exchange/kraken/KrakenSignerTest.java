package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.spi.AuthenticationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Kraken's API-Sign, checked against Kraken's published example. */
class KrakenSignerTest {

    /** Kraken's documented test vector (docs.kraken.com, spot REST authentication guide). */
    private static final String SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    @Test
    @DisplayName("reproduces Kraken's published API-Sign example exactly")
    void reproducesKrakensExample() throws Exception {
        KrakenSigner signer = new KrakenSigner(SECRET);

        String sign = signer.sign("/0/private/AddOrder", "1616492376594",
                "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");

        assertThat(sign).isEqualTo(
                "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
    }

    @Test
    @DisplayName("a different path gives a different signature")
    void pathIsSigned() throws Exception {
        KrakenSigner signer = new KrakenSigner(SECRET);

        assertThat(signer.sign("/0/private/GetWebSocketsToken", "1", "nonce=1"))
                .isNotEqualTo(signer.sign("/0/private/AddOrder", "1", "nonce=1"));
    }

    @Test
    @DisplayName("a secret that is not base64 is an authentication error that does not show the secret")
    void invalidSecret() {
        String secret = "not base64 at all!";

        assertThatThrownBy(() -> new KrakenSigner(secret))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("base64")
                .hasMessageNotContaining(secret);
    }

    @Test
    @DisplayName("toString never shows the secret")
    void toStringHidesTheSecret() throws Exception {
        assertThat(new KrakenSigner(SECRET).toString()).doesNotContain(SECRET.substring(0, 8)).contains("***");
    }
}
