package dev.pricefeed.exchange.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.pricefeed.PluginRegistry;
import dev.pricefeed.PriceFeed;
import dev.pricefeed.config.ConfigException;
import dev.pricefeed.spi.Capability;
import dev.pricefeed.spi.ExchangeProvider;
import dev.pricefeed.spi.OptionSpec;
import dev.pricefeed.spi.Spi;
import dev.pricefeed.testkit.TestExchangeContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The plugin entry point. */
class KrakenProviderTest {

    @Test
    @DisplayName("found through ServiceLoader under id kraken")
    void foundByServiceLoader() {
        ExchangeProvider provider = PluginRegistry.discover().provider("kraken");

        assertThat(provider).isInstanceOf(KrakenProvider.class);
        assertThat(provider.spiVersion()).isEqualTo(Spi.VERSION);
        assertThat(provider.artifact()).isEqualTo("dev.pricefeed:pricefeed-exchange-kraken");
    }

    @Test
    @DisplayName("its version is this module's own version from the build")
    void versionIsTheModuleVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String moduleVersion = pom.substring(pom.indexOf("<artifactId>pricefeed-exchange-kraken</artifactId>"));
        moduleVersion = moduleVersion.substring(moduleVersion.indexOf("<version>") + 9,
                moduleVersion.indexOf("</version>"));

        assertThat(new KrakenProvider().version()).isEqualTo(moduleVersion).doesNotContain("${");
    }

    @Test
    @DisplayName("declares the channels it serves: ticker, trades, private channels")
    void capabilities() {
        assertThat(new KrakenProvider().capabilities()).containsExactlyInAnyOrder(Capability.TICKER,
                Capability.TRADES, Capability.PRIVATE_CHANNELS, Capability.HISTORY);
    }

    @Test
    @DisplayName("an unknown event trigger is refused with the allowed values")
    void badEventTrigger() {
        assertThatThrownBy(() -> new KrakenProvider()
                .create(new TestExchangeContext(KrakenProvider.ID, "BTC/USD").option("event-trigger", "spread")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kraken.event-trigger").hasMessageContaining("'spread'");
    }

    @Test
    @DisplayName("a misspelled or bad option fails build() in the one ConfigException with the core's problems")
    void optionsAreCheckedAtBuild() {
        ConfigException error = catchThrowableOfType(() -> PriceFeed.builder().exchange(KrakenProvider.ID)
                .instruments("BTC/USD").environment(Map.of()).option("event-triger", "bbo")
                .set("websocket.reconnect.max-attempts", "-1").build(), ConfigException.class);

        assertThat(error.problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("websocket.reconnect.max-attempts"))
                .anySatisfy(p -> assertThat(p).startsWith("kraken.event-triger is not a setting of the kraken plugin: "
                        + "did you mean kraken.event-trigger?"));
        assertThat(catchThrowableOfType(() -> PriceFeed.builder().exchange(KrakenProvider.ID).instruments("BTC/USD")
                .environment(Map.of()).option("event-trigger", "sometimes").build(), ConfigException.class).problems())
                .containsExactly("kraken.event-trigger must be trades or bbo, got 'sometimes'");
    }

    @Test
    @DisplayName("the declared options are the ones the connector reads, with Kraken's defaults")
    void declaredOptions() {
        assertThat(new KrakenProvider().options()).extracting(OptionSpec::key, OptionSpec::defaultValue)
                .containsExactly(tuple("event-trigger", "trades"));
    }

    @Test
    @DisplayName("the services file lists the provider")
    void servicesFile() throws IOException {
        try (InputStream in = KrakenProviderTest.class
                .getResourceAsStream("/META-INF/services/dev.pricefeed.spi.ExchangeProvider")) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes()).trim()).isEqualTo(KrakenProvider.class.getName());
        }
    }
}
