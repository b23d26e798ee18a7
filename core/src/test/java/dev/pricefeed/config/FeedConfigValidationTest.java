package dev.pricefeed.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pricefeed.Channel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.pricefeed.spi.OptionSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("FeedConfig validation reports every problem at once")
class FeedConfigValidationTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("an unknown WebSocket transport is rejected naming the ones there are")
    void unknownTransportRejected() {
        ConfigSources sources = ConfigSources.builder().environment(Map.of("WEBSOCKET_TRANSPORT", "netty")).build();

        ConfigException error = catchThrowableOfType(() -> resolve(sources), ConfigException.class);

        assertThat(error.problems()).containsExactly(
                "websocket.transport (WEBSOCKET_TRANSPORT) must be one of tyrus, jdk, got 'netty'");
    }

    @Test
    @DisplayName("three bad values give one exception with three lines, each naming the setting and the value")
    void everyProblemListed() {
        ConfigSources sources = ConfigSources.builder().environment(Map.of(
                "WEBSOCKET_ENABLED", "maybe",
                "WEBSOCKET_RECONNECT_DELAY", "soon",
                "WEBSOCKET_MAX_RECONNECT_ATTEMPTS", "many")).build();

        ConfigException error = catchThrowableOfType(() -> resolve(sources), ConfigException.class);

        assertThat(error.problems()).containsExactly(
                "websocket.enabled (WEBSOCKET_ENABLED) must be true or false, got 'maybe'",
                "websocket.reconnect.delay (WEBSOCKET_RECONNECT_DELAY) must be a duration in seconds such as 5, 0.5,"
                        + " 500ms or PT5S, got 'soon'",
                "websocket.reconnect.max-attempts (WEBSOCKET_MAX_RECONNECT_ATTEMPTS) must be a whole number, got 'many'");
        assertThat(error.getMessage().lines().toList()).hasSize(4)
                .first().isEqualTo("invalid configuration (3 problems):");
        assertThat(error.getMessage()).contains("'maybe'", "'soon'", "'many'");
    }

    @Test
    @DisplayName("negative, zero and out-of-range values are rejected where they make no sense")
    void rangeChecks() {
        ConfigSources sources = ConfigSources.builder().fileValues(Map.of(
                "websocket.reconnect.delay", "-1",
                "websocket.reconnect.max-attempts", "-2",
                "rest.poll-interval", "0",
                "websocket.reconnect.max-delay", "PT-5S",
                "websocket.handshake-timeout", "0")).build();

        ConfigException error = catchThrowableOfType(() -> resolve(sources), ConfigException.class);

        assertThat(error.problems()).hasSize(5)
                .anySatisfy(p -> assertThat(p).contains("websocket.handshake-timeout", "must be positive, got '0'")).anySatisfy(p -> assertThat(p).contains("websocket.reconnect.delay",
                "must not be negative, got '-1'")).anySatisfy(p -> assertThat(p).contains("max-attempts", "at least 0, got -2"))
                .anySatisfy(p -> assertThat(p).contains("rest.poll-interval", "must be positive"))
                .anySatisfy(p -> assertThat(p).contains("websocket.reconnect.max-delay", "must be positive"));
    }

    @Test
    @DisplayName("a cap below the first backoff delay is a problem")
    void maxDelayBelowDelay() {
        ConfigSources sources = ConfigSources.builder()
                .override("websocket.reconnect.delay", "10").override("websocket.reconnect.max-delay", "2").build();

        assertThatThrownBy(() -> resolve(sources)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("websocket.reconnect.max-delay (2000 ms) is below websocket.reconnect.delay"
                        + " (10000 ms)");
    }

    @Test
    @DisplayName("an unreadable config file is a problem listed with the others")
    void unreadableFile() {
        Path missing = folder.resolve("no-such.properties");
        ConfigSources sources = ConfigSources.builder().file(missing)
                .environment(Map.of("WEBSOCKET_ENABLED", "sometimes")).build();

        ConfigException error = catchThrowableOfType(() -> resolve(sources), ConfigException.class);

        assertThat(error.problems()).hasSize(2);
        assertThat(error.problems().get(0)).startsWith("config file " + missing + " cannot be read")
                .contains("NoSuchFileException");
        assertThat(error.problems().get(1)).contains("WEBSOCKET_ENABLED");
    }

    @Test
    @DisplayName("a readable config file is the layer just above the defaults")
    void readableFile() throws IOException {
        Path file = Files.writeString(folder.resolve("pricefeed.properties"),
                "# settings\nwebsocket.enabled = false\nwebsocket.reconnect.delay=500ms\nkraken.feed=spot\n");

        FeedConfig config = resolve(ConfigSources.builder().file(file)
                .environment(Map.of("WEBSOCKET_RECONNECT_DELAY", "2")).build());

        assertThat(config.websocketEnabled()).isFalse();
        assertThat(config.reconnectDelay()).hasSeconds(2);
        assertThat(config.options().string("feed")).isEqualTo("spot");
    }

    @Test
    @DisplayName("an API key without its secret, or a secret without its key, is a problem naming what to set")
    void halfACredentialPair() {
        ConfigException keyOnly = catchThrowableOfType(() -> resolve(ConfigSources.builder()
                .environment(Map.of("KRAKEN_API_KEY", "public-key")).build()), ConfigException.class);
        ConfigException secretOnly = catchThrowableOfType(() -> resolve(ConfigSources.builder()
                .environment(Map.of("KRAKEN_API_SECRET", "s3cr3t-value")).build()), ConfigException.class);

        assertThat(keyOnly.problems()).containsExactly(
                "kraken API key is set but the secret is not (set KRAKEN_API_SECRET)");
        assertThat(secretOnly.problems()).containsExactly(
                "kraken API secret is set but the key is not (set KRAKEN_API_KEY)");
        assertThat(secretOnly.getMessage()).doesNotContain("s3cr3t-value");
    }

    @Test
    @DisplayName("private channels without credentials are a problem")
    void privateChannelsNeedCredentials() {
        assertThatThrownBy(() -> FeedConfig.resolve("kraken", List.of(), Set.of(Channel.BALANCES),
                ConfigSources.builder().build()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("need credentials: set KRAKEN_API_KEY and KRAKEN_API_SECRET");
    }

    @Test
    @DisplayName("a missing exchange, no instruments and a malformed instrument are all reported")
    void exchangeAndInstruments() {
        ConfigException noExchange = catchThrowableOfType(() -> FeedConfig.resolve(" ", List.of("BTCUSD"), Set.of(),
                ConfigSources.builder().build()), ConfigException.class);
        ConfigException noInstruments = catchThrowableOfType(() -> FeedConfig.resolve("kraken", List.of(), Set.of(),
                ConfigSources.builder().build()), ConfigException.class);

        assertThat(noExchange.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("no exchange given"))
                .anySatisfy(p -> assertThat(p).contains("'BTCUSD'", "BASE/QUOTE"));
        assertThat(noInstruments.problems()).singleElement().asString().contains("no instruments given");
    }

    @Test
    @DisplayName("endpoint overrides must be ws, wss, http or https URIs with a host; each bad one is reported once")
    void endpointOverrides() {
        ConfigSources sources = ConfigSources.builder()
                .fileValues(Map.of("kraken.endpoint.websocket", "wss://file.example/ws"))
                .environment(Map.of("KRAKEN_ENDPOINT_WEBSOCKET", "ftp://127.0.0.1/ws"))
                .override("kraken.endpoint.rest", "http://")
                .override("kraken.endpoint.auth", "wss://bad host/")
                .override("kraken.endpoint.private", "wss://127.0.0.1:8443/private")
                .build();

        ConfigException error = catchThrowableOfType(() -> resolve(sources), ConfigException.class);

        assertThat(error.problems()).hasSize(3)
                .anySatisfy(p -> assertThat(p).startsWith("kraken.endpoint.websocket 'ftp://127.0.0.1/ws' is not a"))
                .anySatisfy(p -> assertThat(p).startsWith("kraken.endpoint.rest 'http://' is not a"))
                .anySatisfy(p -> assertThat(p).startsWith("kraken.endpoint.auth 'wss://bad host/' is not a URI"));
    }

    @Test
    @DisplayName("valid endpoint overrides are kept as URIs")
    void validEndpoints() {
        FeedConfig config = resolve(ConfigSources.builder()
                .override("kraken.endpoint.websocket", "ws://127.0.0.1:8080/v2")
                .override("kraken.endpoint.rest", "https://sandbox.example/0/public").build());

        assertThat(config.endpoints()).containsOnly(Map.entry("websocket", URI.create("ws://127.0.0.1:8080/v2")),
                Map.entry("rest", URI.create("https://sandbox.example/0/public")));
    }

    /** Options a plugin might declare, for the tests that set some. */
    private static final List<OptionSpec> DECLARED = List.of(
            OptionSpec.integer("depth", 10, 1, 1000, "book depth"),
            OptionSpec.choice("feed", "spot", List.of("spot", "futures"), "which feed"));

    private static FeedConfig resolve(ConfigSources sources) {
        return FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), sources, DECLARED);
    }
}
