package dev.pricefeed.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import dev.pricefeed.spi.OptionSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("FeedConfig precedence: defaults < file < environment < system properties < overrides")
class FeedConfigPrecedenceTest {

    /**
     * One setting: its key, environment variable, the value each layer sets and what the resolved config then shows
     * with 0 to 4 layers set (null: not checked).
     */
    record Case(String key, String environmentVariable, List<String> layerValues, Function<FeedConfig, Object> read,
            List<Object> expected) {

        @Override
        public String toString() {
            return environmentVariable;
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                new Case("websocket.enabled", "WEBSOCKET_ENABLED", List.of("false", "true", "FALSE", "true"),
                        FeedConfig::websocketEnabled, List.of(true, false, true, false, true)),
                new Case("websocket.transport", "WEBSOCKET_TRANSPORT", List.of("jdk", "tyrus", "JDK", "tyrus"),
                        FeedConfig::websocketTransport, List.of("tyrus", "jdk", "tyrus", "jdk", "tyrus")),
                new Case("websocket.reconnect.delay", "WEBSOCKET_RECONNECT_DELAY", List.of("1", "0.5", "PT2S", "250ms"),
                        FeedConfig::reconnectDelay, List.of(Duration.ofSeconds(5), Duration.ofSeconds(1),
                                Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofMillis(250))),
                new Case("websocket.handshake-timeout", "WEBSOCKET_HANDSHAKE_TIMEOUT",
                        List.of("3", "1.5", "PT4S", "500ms"), FeedConfig::handshakeTimeout,
                        List.of(Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(1500),
                                Duration.ofSeconds(4), Duration.ofMillis(500))),
                new Case("websocket.reconnect.max-attempts", "WEBSOCKET_MAX_RECONNECT_ATTEMPTS",
                        List.of("3", "4", "5", "6"), FeedConfig::maxReconnectAttempts, List.of(10, 3, 4, 5, 6)),
                new Case("kraken.api-key", "KRAKEN_API_KEY", List.of("file-key", "env-key", "sys-key", "code-key"),
                        config -> config.credentials().map(c -> c.apiKey()).orElse("none"),
                        Arrays.asList(null, "file-key", "env-key", "sys-key", "code-key")),
                new Case("kraken.api-secret", "KRAKEN_API_SECRET",
                        List.of("file-secret", "env-secret", "sys-secret", "code-secret"),
                        config -> config.credentials().map(c -> c.apiSecret()).orElse("none"),
                        Arrays.asList(null, "file-secret", "env-secret", "sys-secret", "code-secret")))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    @DisplayName("each layer added on top wins over the ones below")
    void eachHigherLayerWins(Case setting) {
        for (int layers = 0; layers <= 4; layers++) {
            if (setting.expected().get(layers) == null) {
                // half a credential pair is a problem of its own, tested with validation
                continue;
            }
            FeedConfig config = resolve(layers(setting, layers, Set.of()));

            assertThat(setting.read().apply(config)).as("%s with %d layers set", setting, layers)
                    .isEqualTo(setting.expected().get(layers));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    @DisplayName("a layer that does not set the key lets the one below show through")
    void unsetLayersShowThrough(Case setting) {
        // file and system properties set, environment and overrides do not
        FeedConfig config = resolve(layers(setting, 3, Set.of(1)));

        assertThat(setting.read().apply(config)).isEqualTo(setting.expected().get(3));

        // only the file sets it
        FeedConfig fileOnly = resolve(layers(setting, 1, Set.of()));
        assertThat(setting.read().apply(fileOnly)).isEqualTo(setting.expected().get(1));
    }

    @Test
    @DisplayName("durations are read as seconds, decimal seconds, with a unit or in ISO-8601")
    void durationForms() {
        Map<String, Duration> forms = Map.of("5", Duration.ofSeconds(5), "0.5", Duration.ofMillis(500),
                "500ms", Duration.ofMillis(500), "PT2S", Duration.ofSeconds(2), "pt0.25s", Duration.ofMillis(250),
                "1m", Duration.ofMinutes(1), "1s", Duration.ofSeconds(1), " 3 ", Duration.ofSeconds(3),
                "0", Duration.ZERO);
        forms.forEach((text, expected) -> {
            FeedConfig config = resolve(ConfigSources.builder()
                    .environment(Map.of("WEBSOCKET_RECONNECT_DELAY", text)).build());
            assertThat(config.reconnectDelay()).as("'%s'", text).isEqualTo(expected);
        });
    }

    @Test
    @DisplayName("with no layers every setting has its documented default")
    void defaults() {
        FeedConfig config = resolve(ConfigSources.builder().build());

        for (Setting setting : Setting.values()) {
            assertThat(setting.description()).as(setting.name()).isNotBlank();
        }
        assertThat(config.websocketEnabled()).isTrue();
        assertThat(config.websocketTransport()).isEqualTo("tyrus");
        assertThat(config.reconnectDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.maxReconnectDelay()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.maxReconnectAttempts()).isEqualTo(10);
        assertThat(config.healthyAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.livenessTimeout()).isEmpty();
        assertThat(config.handshakeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.staleAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.probeInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.credentials()).isEmpty();
        assertThat(config.endpoints()).isEmpty();
    }

    @Test
    @DisplayName("system properties are read with the pricefeed. prefix only")
    void systemPropertyPrefix() {
        Properties properties = new Properties();
        properties.setProperty("websocket.enabled", "false");
        properties.setProperty("pricefeed.websocket.reconnect.max-attempts", "7");

        FeedConfig config = resolve(ConfigSources.builder().systemProperties(properties).build());

        assertThat(config.websocketEnabled()).isTrue();
        assertThat(config.websocketTransport()).isEqualTo("tyrus");
        assertThat(config.maxReconnectAttempts()).isEqualTo(7);
    }

    @Test
    @DisplayName("endpoints and options follow the same layers; an endpoint may come from the environment")
    void endpointsAndOptions() {
        Properties properties = new Properties();
        properties.setProperty("pricefeed.kraken.endpoint.rest", "http://127.0.0.1:9001");
        properties.setProperty("pricefeed.kraken.depth", "25");
        ConfigSources sources = ConfigSources.builder()
                .fileValues(Map.of("kraken.endpoint.rest", "https://file.example", "kraken.depth", "10",
                        "kraken.endpoint.websocket-auth", "wss://auth.example/v2", "kraken.feed", "spot"))
                .environment(Map.of("KRAKEN_ENDPOINT_WEBSOCKET", "ws://127.0.0.1:9000/ws"))
                .systemProperties(properties)
                .override("kraken.feed", "futures")
                .build();

        FeedConfig config = resolve(sources);

        assertThat(config.endpoints()).containsOnly(
                Map.entry("websocket", java.net.URI.create("ws://127.0.0.1:9000/ws")),
                Map.entry("rest", java.net.URI.create("http://127.0.0.1:9001")),
                Map.entry("websocket-auth", java.net.URI.create("wss://auth.example/v2")));
        assertThat(config.options().integer("depth")).isEqualTo(25);
        assertThat(config.options().string("feed")).isEqualTo("futures");
    }

    /** Layers 1..count set the value (file, environment, system properties, overrides), except those in skip. */
    private static ConfigSources layers(Case setting, int count, Set<Integer> skip) {
        ConfigSources.Builder sources = ConfigSources.builder();
        // credentials need both halves: the other half is always present in the file so only this key varies
        Map<String, String> file = new HashMap<>();
        if (setting.key().equals("kraken.api-key")) {
            file.put("kraken.api-secret", "file-secret");
        } else if (setting.key().equals("kraken.api-secret")) {
            file.put("kraken.api-key", "file-key");
        }
        Map<String, String> environment = new HashMap<>();
        Properties properties = new Properties();
        for (int layer = 1; layer <= count; layer++) {
            if (skip.contains(layer)) {
                continue;
            }
            String value = setting.layerValues().get(layer - 1);
            switch (layer) {
                case 1 -> file.put(setting.key(), value);
                case 2 -> environment.put(setting.environmentVariable(), value);
                case 3 -> properties.setProperty(ConfigSources.SYSTEM_PROPERTY_PREFIX + setting.key(), value);
                default -> sources.override(setting.key(), value);
            }
        }
        return sources.fileValues(file).environment(environment).systemProperties(properties).build();
    }

    /** Options a plugin might declare, for the tests that set some. */
    private static final List<OptionSpec> DECLARED = List.of(
            OptionSpec.integer("depth", 10, 1, 1000, "book depth"),
            OptionSpec.choice("feed", "spot", List.of("spot", "futures"), "which feed"));

    private static FeedConfig resolve(ConfigSources sources) {
        return FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), sources, DECLARED);
    }
}
