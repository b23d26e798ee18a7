package dev.pricefeed.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pricefeed.PriceFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("PriceFeed.Builder resolves settings through the same layers, its own calls on top")
class PriceFeedBuilderSourcesTest {

    @TempDir
    Path folder;

    @Test
    @DisplayName("builder calls win over system properties, which win over the environment and the file")
    void builderOnTop() throws IOException {
        Path file = Files.writeString(folder.resolve("pricefeed.properties"), String.join("\n",
                "websocket.reconnect.delay=1", "websocket.reconnect.max-attempts=2", "websocket.enabled=false",
                "kraken.api-key=file-key", "kraken.api-secret=file-secret", "rest.poll-interval=7"));
        Properties properties = new Properties();
        properties.setProperty("pricefeed.websocket.reconnect.max-attempts", "4");
        properties.setProperty("pricefeed.websocket.enabled", "true");

        PriceFeed.Builder builder = PriceFeed.builder().exchange("kraken").instruments("BTC/USD")
                .configFile(file)
                .environment(Map.of("WEBSOCKET_RECONNECT_DELAY", "3", "WEBSOCKET_MAX_RECONNECT_ATTEMPTS", "3",
                        "KRAKEN_API_KEY", "env-key"))
                .systemProperties(properties)
                .reconnectDelay(Duration.ofMillis(1500))
                .websocketEnabled(false)
                .credentials("code-key", "code-secret")
                .endpoint(URI.create("ws://127.0.0.1:9000/ws"));

        FeedConfig config = FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), builder.sources());

        assertThat(config.reconnectDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.maxReconnectAttempts()).isEqualTo(4);
        assertThat(config.websocketEnabled()).isFalse();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(7));
        assertThat(config.credentials()).get().satisfies(c -> {
            assertThat(c.apiKey()).isEqualTo("code-key");
            assertThat(c.apiSecret()).isEqualTo("code-secret");
        });
        assertThat(config.endpoints()).containsEntry("websocket", URI.create("ws://127.0.0.1:9000/ws"));
    }

    @Test
    @DisplayName("without builder calls the environment beats the file")
    void environmentOverFile() throws IOException {
        Path file = Files.writeString(folder.resolve("pricefeed.properties"), "websocket.reconnect.max-attempts=2\n");

        PriceFeed.Builder builder = PriceFeed.builder().configFile(file)
                .environment(Map.of("WEBSOCKET_MAX_RECONNECT_ATTEMPTS", "6")).systemProperties(new Properties());

        FeedConfig config = FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), builder.sources());
        assertThat(config.maxReconnectAttempts()).isEqualTo(6);
    }

    @Test
    @DisplayName("build() rejects bad settings with every problem before looking for the plugin, without secrets")
    void buildReportsEveryProblem() {
        Path missing = folder.resolve("missing.properties");
        PriceFeed.Builder builder = PriceFeed.builder().exchange("no-such-exchange").instruments("BTC/USD")
                .configFile(missing)
                .environment(Map.of("WEBSOCKET_ENABLED", "perhaps", "NO_SUCH_EXCHANGE_API_SECRET", "top-secret-value"))
                .systemProperties(new Properties());

        assertThatThrownBy(builder::build)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("WEBSOCKET_ENABLED")
                .hasMessageContaining("set NO_SUCH_EXCHANGE_API_KEY")
                .message().doesNotContain("top-secret-value");
    }
}
