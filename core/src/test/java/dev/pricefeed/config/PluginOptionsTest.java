package dev.pricefeed.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pricefeed.spi.OptionSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PluginOptionsTest {

    private static final List<OptionSpec> KRAKEN = List.of(
            OptionSpec.choice("event-trigger", "trades", List.of("trades", "bbo"), "when a ticker is sent"),
            OptionSpec.flag("stats", false, "also 24 h statistics"),
            OptionSpec.integer("max-streams", 1024, 2, 1024, "streams per connection"),
            OptionSpec.duration("connection-lifetime", "24h", "when a connection is replaced"),
            OptionSpec.text("api-passphrase", "", "the passphrase"));

    @Test
    @DisplayName("every declared option has its default when nothing is set")
    void defaults() {
        PluginOptions options = PluginOptions.of("kraken", KRAKEN, Map.of());

        assertThat(options.string("event-trigger")).isEqualTo("trades");
        assertThat(options.bool("stats")).isFalse();
        assertThat(options.integer("max-streams")).isEqualTo(1024);
        assertThat(options.duration("connection-lifetime")).isEqualTo(Duration.ofHours(24));
        assertThat(options.string("api-passphrase")).isEmpty();
    }

    @Test
    @DisplayName("configured values are read by type, choices case-insensitively")
    void typedValues() {
        PluginOptions options = PluginOptions.of("kraken", KRAKEN, Map.of("event-trigger", " BBO ", "stats", "true",
                "max-streams", "6", "connection-lifetime", "3s"));

        assertThat(options.string("event-trigger")).isEqualTo("bbo");
        assertThat(options.bool("stats")).isTrue();
        assertThat(options.integer("max-streams")).isEqualTo(6);
        assertThat(options.duration("connection-lifetime")).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("a misspelled key is an error that suggests the declared one")
    void didYouMean() {
        ConfigException error = catchThrowableOfType(
                () -> PluginOptions.of("kraken", KRAKEN, Map.of("event-triger", "bbo")), ConfigException.class);

        assertThat(error.problems()).containsExactly("kraken.event-triger is not a setting of the kraken plugin: "
                + "did you mean kraken.event-trigger? (its options: event-trigger, stats, max-streams, "
                + "connection-lifetime, api-passphrase)");
    }

    @Test
    @DisplayName("a key far from every declared one is an error without a guess")
    void unknownWithoutGuess() {
        ConfigException error = catchThrowableOfType(
                () -> PluginOptions.of("binance", List.of(), Map.of("sandbox", "true")), ConfigException.class);

        assertThat(error.problems()).containsExactly(
                "binance.sandbox is not a setting of the binance plugin (its options: none)");
    }

    @Test
    @DisplayName("every bad value is listed at once, naming the key and what it accepts; secrets are not echoed")
    void everyProblemListed() {
        ConfigException error = catchThrowableOfType(() -> PluginOptions.of("kraken", KRAKEN, Map.of(
                "event-trigger", "sometimes", "stats", "yes", "max-streams", "5000", "connection-lifetime", "soon",
                "api-pasphrase", "hunter2")), ConfigException.class);

        assertThat(error.problems()).containsExactlyInAnyOrder(
                "kraken.event-trigger must be trades or bbo, got 'sometimes'",
                "kraken.stats must be true or false, got 'yes'",
                "kraken.max-streams must be a whole number from 2 to 1024, got '5000'",
                "kraken.connection-lifetime must be a positive duration (30s, 500ms, 2m, 24h, PT5S), got 'soon'",
                "kraken.api-pasphrase is not a setting of the kraken plugin: did you mean kraken.api-passphrase? "
                        + "(its options: event-trigger, stats, max-streams, connection-lifetime, api-passphrase)");
        assertThat(error.getMessage()).doesNotContain("hunter2");
    }

    @Test
    @DisplayName("plugin options are checked with the core's settings into one error")
    void togetherWithCoreSettings() {
        ConfigException error = catchThrowableOfType(() -> FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(),
                ConfigSources.builder().override("websocket.reconnect.max-attempts", "-1")
                        .override("kraken.event-triger", "bbo").build(), KRAKEN), ConfigException.class);

        assertThat(error.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("websocket.reconnect.max-attempts"))
                .anySatisfy(p -> assertThat(p).contains("did you mean kraken.event-trigger?"));
    }

    @Test
    @DisplayName("the core's own per-exchange keys are not plugin options")
    void coreKeysAreNotOptions() {
        FeedConfig config = FeedConfig.resolve("kraken", List.of("BTC/USD"), Set.of(), ConfigSources.builder()
                .override("kraken.endpoint.rest", "https://api.example").override("kraken.api-key", "k")
                .override("kraken.api-secret", "s").override("kraken.stats", "true").build(), KRAKEN);

        assertThat(config.options().bool("stats")).isTrue();
    }

    @Test
    @DisplayName("asking for an undeclared key or another type is a programming error naming the key")
    void undeclaredAccess() {
        PluginOptions options = PluginOptions.of("kraken", KRAKEN, Map.of());

        assertThatThrownBy(() -> options.string("feed")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("declares no option 'feed'");
        assertThatThrownBy(() -> options.integer("stats")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kraken.stats is declared BOOLEAN");
    }

    @Test
    @DisplayName("a declaration is refused when its default does not fit it or its key is malformed")
    void badDeclarations() {
        assertThatThrownBy(() -> OptionSpec.choice("mode", "fast", List.of("slow"), "x"))
                .hasMessageContaining("default 'fast'");
        assertThatThrownBy(() -> OptionSpec.integer("n", 0, 1, 5, "x")).hasMessageContaining("outside");
        assertThatThrownBy(() -> OptionSpec.flag("Event_Trigger", true, "x")).hasMessageContaining("lower case");
        assertThatThrownBy(() -> OptionSpec.flag("api-key", true, "x")).hasMessageContaining("reserved");
    }
}
