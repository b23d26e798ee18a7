package dev.pricefeed.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pricefeed.spi.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import dev.pricefeed.spi.OptionSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Secrets never appear in toString or in configuration errors")
class SecretRedactionTest {

    private static final String KEY = "AKIA-public-key-1234";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY==";

    @Test
    @DisplayName("FeedConfig.toString shows the credentials as a key prefix and *** only")
    void feedConfigToString() {
        FeedConfig config = FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), ConfigSources.builder()
                .environment(Map.of("KRAKEN_API_KEY", KEY, "KRAKEN_API_SECRET", SECRET)).build());

        assertThat(config.credentials()).get().extracting(Credentials::apiSecret).isEqualTo(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain(KEY)
                .contains("credentials=Credentials[apiKey=AKIA***, apiSecret=***]");
    }

    @Test
    @DisplayName("Credentials.toString hides the secret and all but the key's first four characters")
    void credentialsToString() {
        Credentials credentials = new Credentials(KEY, SECRET);

        assertThat(credentials.toString()).isEqualTo("Credentials[apiKey=AKIA***, apiSecret=***]");
        assertThat(new Credentials("abc", SECRET).toString()).doesNotContain("abc").doesNotContain(SECRET);
    }

    @Test
    @DisplayName("a configuration error never quotes a secret, whichever layer set it")
    void configExceptionMessage() {
        Properties properties = new Properties();
        properties.setProperty("pricefeed.binance.api-secret", SECRET);
        ConfigSources sources = ConfigSources.builder()
                .environment(Map.of("KRAKEN_API_SECRET", SECRET, "WEBSOCKET_ENABLED", "nope"))
                .fileValues(Map.of("coinbase.api-secret", SECRET))
                .systemProperties(properties)
                .override("websocket.reconnect.max-attempts", "x")
                .build();

        for (String exchange : List.of("kraken", "binance", "coinbase")) {
            ConfigException error = catchThrowableOfType(
                    () -> FeedConfig.resolve(exchange, List.of("BTC/USD"), Set.of(), sources), ConfigException.class);

            assertThat(error.problems()).as(exchange).hasSize(3)
                    .anySatisfy(p -> assertThat(p).contains(exchange + " API secret is set but the key is not"));
            assertThat(error.getMessage()).doesNotContain(SECRET);
            assertThat(error.problems()).noneMatch(p -> p.contains(SECRET));
        }
    }

    @Test
    @DisplayName("secret-looking options and user info in endpoints are shown as ***")
    void optionsAndEndpoints() {
        FeedConfig config = FeedConfig.resolve("kucoin", List.of("BTC/USDT"), Set.of(), ConfigSources.builder()
                .override("kucoin.api-passphrase", SECRET)
                .override("kucoin.feed", "spot")
                .override("kucoin.endpoint.rest", "https://proxy-user:" + SECRET.replace("/", "") + "@proxy.example/api")
                .build(), List.of(OptionSpec.text("api-passphrase", "", "the API passphrase"),
                        OptionSpec.text("feed", "spot", "which feed")));

        assertThat(config.options().string("api-passphrase")).isEqualTo(SECRET);
        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain(SECRET.replace("/", ""))
                .contains("api-passphrase=***", "feed=spot", "rest=https://***@proxy.example/api");
    }

    @Test
    @DisplayName("a bad endpoint with user info is reported without the user info")
    void badEndpointWithUserInfo() {
        ConfigException error = catchThrowableOfType(() -> FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(),
                ConfigSources.builder().override("kraken.endpoint.websocket", "wss://me:hunter2@bad host/ws")
                        .override("kraken.endpoint.rest", "ftp://me:hunter2@files.example/").build()),
                ConfigException.class);

        assertThat(error.problems()).hasSize(2);
        assertThat(error.getMessage()).doesNotContain("hunter2").contains("'wss://***@bad host/ws'",
                "'ftp://***@files.example/'");
    }
}
